-- The AI manager's per-tenant configuration, set by the operator.

-- Values of the tenant's pack settings (the pack's settings schema says which keys exist).
ALTER TABLE tenants ADD COLUMN pack_settings jsonb NOT NULL DEFAULT '{}'::jsonb;

-- AI settings; a tenant without a row uses the defaults (enabled, rule brain, 4 s debounce).
CREATE TABLE tenant_ai (
    tenant_id        bigint        PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
    enabled          boolean       NOT NULL DEFAULT true,
    brain            varchar(10)   NOT NULL DEFAULT 'rules' CHECK (brain IN ('rules', 'llm')),
    prompt           text          NOT NULL DEFAULT '',
    llm_base_url     varchar(500),
    llm_model        varchar(200),
    -- the LLM API key, AES-GCM encrypted under the master key (AAD = tenant id), never returned
    llm_api_key      text,
    llm_temperature  numeric(3, 2) NOT NULL DEFAULT 0.3 CHECK (llm_temperature BETWEEN 0 AND 2),
    debounce_ms      integer       NOT NULL DEFAULT 4000 CHECK (debounce_ms BETWEEN 0 AND 60000),
    updated_at       timestamptz   NOT NULL DEFAULT now()
);

-- The tenant's own first-contact chain; a tenant without a row uses its pack's default chain.
-- steps: [{kind: TEXT|ALBUM|LINK|VOICE, text, url, media: [{id, caption}]}]
CREATE TABLE tenant_greetings (
    tenant_id   bigint       PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
    steps       jsonb        NOT NULL,
    -- set when the steps are the pack's default chain copied for this tenant (media stored as the tenant's);
    -- null when the operator wrote the chain
    from_pack   varchar(64),
    updated_at  timestamptz  NOT NULL DEFAULT now()
);
