-- Approved WhatsApp message templates of the company's Meta Cloud API number (ADR 035), registered by the
-- operator: outside WhatsApp's 24-hour customer-service window only a template may be sent. One row per
-- purpose: `followup` (any follow-up step), `followup-N` (step N, which wins over `followup`), `reopen` (what a
-- manager sends from the CRM to re-open the conversation). In the tenant schema, so the tenant archive
-- carries it with the rest of the company's data.
CREATE TABLE whatsapp_templates (
    purpose     varchar(20)  PRIMARY KEY CHECK (purpose ~ '^(followup(-[1-9])?|reopen)$'),
    -- the name and language exactly as approved in WhatsApp Manager
    name        varchar(512) NOT NULL CHECK (name ~ '^[a-z0-9_]+$'),
    language    varchar(15)  NOT NULL CHECK (language ~ '^[a-z]{2,3}(_[A-Za-z]{2,4})?$'),
    -- the approved body with its placeholders {{1}}…{{n}}: shown in the chat with the values filled in
    body        text         NOT NULL CHECK (length(body) BETWEEN 1 AND 1024),
    -- one entry per placeholder, in order: {"source": "client_name"|"company"|"manager_name"|"followup_text",
    -- "fallback": "…"} (the fallback is sent when the source has no value)
    parameters  jsonb        NOT NULL DEFAULT '[]'::jsonb,
    updated_at  timestamptz  NOT NULL DEFAULT now()
);
