-- Where each of a lead's values came from (issue 16): key → CLIENT (the client said it; the AI extracted it),
-- PROFILE (the WhatsApp profile name), PERSON (a CRM user edited it). A person's edit is never overwritten by
-- the AI, a stated name replaces a profile name, a profile name never replaces anything.
ALTER TABLE leads ADD COLUMN field_sources jsonb NOT NULL DEFAULT '{}'::jsonb;

-- Existing leads: a name that is only in the column (not among the collected fields) came from the profile.
UPDATE leads SET field_sources = jsonb_build_object('name', 'PROFILE')
 WHERE name IS NOT NULL AND NOT (fields ? 'name');
