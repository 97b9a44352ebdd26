-- Conversations: every message of a lead, both directions, with its media and delivery state.

ALTER TABLE leads ADD COLUMN source_channel varchar(20);
ALTER TABLE leads ADD COLUMN chat_id varchar(64);

CREATE TABLE messages (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    lead_id              bigint       NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
    direction            varchar(3)   NOT NULL CHECK (direction IN ('IN', 'OUT')),
    -- who wrote it: the client, the AI manager, or a person (author_id)
    author               varchar(6)   NOT NULL CHECK (author IN ('CLIENT', 'AI', 'HUMAN')),
    author_id            bigint       REFERENCES users (id),
    kind                 varchar(20)  NOT NULL,
    text                 text,
    media_id             varchar(64),
    media_mime           varchar(100),
    media_name           varchar(255),
    -- IN: RECEIVED; OUT: QUEUED -> SENT | FAILED | UNKNOWN (-> DELIVERED | READ when the provider tells)
    status               varchar(10)  NOT NULL,
    provider_message_id  varchar(200),
    error                text,
    sent_at              timestamptz,
    created_at           timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX messages_lead_idx ON messages (lead_id, id);
CREATE UNIQUE INDEX messages_provider_id_uq ON messages (provider_message_id)
    WHERE provider_message_id IS NOT NULL AND direction = 'IN';
