-- Lead search at scale (issue 17, ADR 036). The platform migration creates pg_trgm; a tenant schema migrated on a
-- database without the platform schema (the provisioner's own tests) creates it here.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

-- One trigram index over everything the lead search box matches, written exactly as LeadService.SEARCH_TEXT
-- writes it, so ILIKE '%query%' and the phone-digits pattern are one bitmap scan instead of a scan of the table.
CREATE INDEX leads_search_trgm_idx ON leads USING gin (
    (COALESCE(name, '') || ' ' || COALESCE(city, '') || ' ' || COALESCE(last_message_text, '') || ' ' || phone)
    public.gin_trgm_ops);

-- Every message's text, for "which leads ever talked about X".
CREATE INDEX messages_text_trgm_idx ON messages USING gin (text public.gin_trgm_ops);
