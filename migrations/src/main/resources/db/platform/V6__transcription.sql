-- Speech-to-text for clients' voice notes (ADR 033): an OpenAI-compatible /audio/transcriptions
-- endpoint, configured by the operator platform-wide and optionally per tenant. No row = no
-- endpoint: voice notes stay untranscribed and the AI asks the client to write.

-- The platform-wide default: at most one row.
CREATE TABLE transcription_default (
    singleton   boolean       PRIMARY KEY DEFAULT true CHECK (singleton),
    base_url    varchar(500)  NOT NULL,
    model       varchar(200)  NOT NULL,
    -- the API key, AES-GCM encrypted under the master key (AAD = 'transcription'), never returned
    api_key     text,
    updated_at  timestamptz   NOT NULL DEFAULT now()
);

-- A tenant's own endpoint, used instead of the default; mode OFF turns transcription off for the
-- tenant even when a default exists.
CREATE TABLE tenant_transcription (
    tenant_id   bigint        PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
    mode        varchar(8)    NOT NULL CHECK (mode IN ('OWN', 'OFF')),
    base_url    varchar(500),
    model       varchar(200),
    -- the API key, AES-GCM encrypted under the master key (AAD = tenant id), never returned
    api_key     text,
    updated_at  timestamptz   NOT NULL DEFAULT now(),
    CHECK (mode = 'OFF' OR (base_url IS NOT NULL AND model IS NOT NULL))
);
