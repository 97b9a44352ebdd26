-- Test-only tenant stream whose first migration fails: provisioning must record it and stay resumable.
CREATE TABLE half_done (id int);
INSERT INTO half_done SELECT id FROM no_such_table;
