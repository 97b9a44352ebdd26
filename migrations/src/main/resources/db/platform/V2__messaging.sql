-- Messaging: channels, the durable inbox and outbox, and db-scheduler's job table.
-- Everything workers poll lives here, keyed by tenant, so many tenants cost one poll.

-- One connected WhatsApp number per tenant.
CREATE TABLE channels (
    tenant_id        bigint       PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
    provider         varchar(20)  NOT NULL CHECK (provider IN ('chatflow', 'meta-cloud', 'sandbox')),
    -- non-secret settings (base URL, instance id, phone number id, pacing…)
    settings         jsonb        NOT NULL DEFAULT '{}'::jsonb,
    -- secrets (tokens, app secret, webhook secret), AES-GCM encrypted under the master key, never returned
    secrets          text,
    -- routing key of the webhook URL: random, unique, never derived from the tenant
    webhook_key      varchar(64)  NOT NULL UNIQUE,
    last_inbound_at  timestamptz,
    last_error       text,
    last_error_at    timestamptz,
    updated_at       timestamptz  NOT NULL DEFAULT now()
);

-- Every inbound provider event, stored before the webhook is acknowledged.
-- Unique on channel + provider message id: a redelivery is acknowledged and ignored.
CREATE TABLE inbox (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id            bigint       NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    provider             varchar(20)  NOT NULL,
    provider_message_id  varchar(200) NOT NULL,
    kind                 varchar(20)  NOT NULL,
    event                jsonb        NOT NULL,
    media                bytea,
    received_at          timestamptz  NOT NULL DEFAULT now(),
    processed_at         timestamptz,
    attempts             integer      NOT NULL DEFAULT 0,
    last_error           text,
    UNIQUE (tenant_id, provider, provider_message_id)
);
CREATE INDEX inbox_unprocessed_idx ON inbox (received_at) WHERE processed_at IS NULL;

-- Every outbound message (bot or human) goes through here.
CREATE TABLE outbox (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id            bigint       NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    lead_id              bigint       NOT NULL,
    message_id           bigint       NOT NULL,
    recipient            varchar(40)  NOT NULL,
    kind                 varchar(20)  NOT NULL,
    payload              jsonb        NOT NULL,
    status               varchar(10)  NOT NULL DEFAULT 'PENDING'
                                      CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED', 'UNKNOWN')),
    attempts             integer      NOT NULL DEFAULT 0,
    next_attempt_at      timestamptz  NOT NULL DEFAULT now(),
    provider_message_id  varchar(200),
    last_error           text,
    created_at           timestamptz  NOT NULL DEFAULT now(),
    sent_at              timestamptz,
    UNIQUE (tenant_id, message_id)
);
CREATE INDEX outbox_due_idx ON outbox (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX outbox_chat_idx ON outbox (tenant_id, recipient, sent_at DESC);

-- db-scheduler (com.github.kagkarlsson:db-scheduler 16.x), PostgreSQL layout.
CREATE TABLE scheduled_tasks (
    task_name            text         NOT NULL,
    task_instance        text         NOT NULL,
    task_data            bytea,
    execution_time       timestamptz  NOT NULL,
    picked               boolean      NOT NULL,
    picked_by            text,
    last_success         timestamptz,
    last_failure         timestamptz,
    consecutive_failures integer,
    last_heartbeat       timestamptz,
    version              bigint       NOT NULL,
    priority             smallint,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_idx ON scheduled_tasks (priority DESC, execution_time ASC);
