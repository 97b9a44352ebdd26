-- Every tenant schema (t_<id>). Ids are per-schema identities: two tenants hold rows with the same ids,
-- which is exactly what the isolation tests rely on.

CREATE TABLE users (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email          varchar(320) NOT NULL,
    name           varchar(200) NOT NULL CHECK (length(btrim(name)) > 0),
    role           varchar(10)  NOT NULL CHECK (role IN ('owner', 'rop', 'manager')),
    password_hash  varchar(255) NOT NULL,
    status         varchar(10)  NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'DISABLED')),
    created_at     timestamptz  NOT NULL DEFAULT now(),
    updated_at     timestamptz  NOT NULL DEFAULT now(),
    last_login_at  timestamptz
);
CREATE UNIQUE INDEX users_email_uq ON users (lower(email));

-- Funnel stages. A system role marks the stages the pipeline rules know; custom stages have none.
CREATE TABLE stages (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name           varchar(100) NOT NULL CHECK (length(btrim(name)) > 0),
    role           varchar(20)
                   CHECK (role IN ('NEW', 'IN_PROGRESS', 'CALL_REQUESTED', 'PARTIAL_DATA', 'FULL_DATA', 'WON', 'LOST')),
    position       integer      NOT NULL,
    color          varchar(16)  NOT NULL DEFAULT '#868e96',
    created_at     timestamptz  NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX stages_role_uq ON stages (role) WHERE role IS NOT NULL;

-- Tenant-wide CRM settings edited by the owner and the ROP (a single row).
CREATE TABLE crm_settings (
    id               boolean PRIMARY KEY DEFAULT true CHECK (id),
    managers_see_all boolean NOT NULL DEFAULT true,
    updated_at       timestamptz NOT NULL DEFAULT now()
);
INSERT INTO crm_settings (id) VALUES (true);

-- The lead skeleton: typed core columns + the pack's qualification data as jsonb. Messaging fills the rest.
CREATE TABLE leads (
    id                       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    phone                    varchar(32)  NOT NULL,
    name                     varchar(200),
    city                     varchar(100),
    stage_id                 bigint       NOT NULL REFERENCES stages (id),
    temperature              varchar(4)   NOT NULL DEFAULT 'COLD' CHECK (temperature IN ('HOT', 'WARM', 'COLD')),
    score                    integer      NOT NULL DEFAULT 0 CHECK (score BETWEEN 0 AND 100),
    handled_by               varchar(5)   NOT NULL DEFAULT 'AI' CHECK (handled_by IN ('AI', 'HUMAN')),
    handler_id               bigint       REFERENCES users (id),
    assignee_id              bigint       REFERENCES users (id),
    fields                   jsonb        NOT NULL DEFAULT '{}'::jsonb,
    no_reply                 boolean      NOT NULL DEFAULT false,
    waiting_for_reply_since  timestamptz,
    last_message_text        text,
    last_message_direction   varchar(3)   CHECK (last_message_direction IN ('IN', 'OUT')),
    last_message_at          timestamptz,
    created_at               timestamptz  NOT NULL DEFAULT now(),
    updated_at               timestamptz  NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX leads_phone_uq ON leads (phone);
CREATE INDEX leads_stage_idx ON leads (stage_id, score DESC, last_message_at DESC);
CREATE INDEX leads_assignee_idx ON leads (assignee_id);
