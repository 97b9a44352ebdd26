-- Lead search at scale (issue 17, ADR 036): the CRM searches with ILIKE '%…%' over a lead's name, city, last
-- message, phone and every message text, which only a trigram index can serve. pg_trgm is a trusted extension
-- (PostgreSQL 13+), so the database owner may create it; Render Postgres, RDS, Cloud SQL and Citus ship it.
-- It lives in public once per database; every tenant schema's indexes name its operator class explicitly.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
