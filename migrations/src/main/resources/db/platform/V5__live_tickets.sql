-- One-time tickets that open a live event stream (GET /api/crm/events?ticket=…): issued to an authenticated user by
-- POST /api/crm/events/ticket, valid for about 30 s, deleted when used. Only the SHA-256 of a ticket is stored; any
-- instance can redeem a ticket another instance issued.
CREATE TABLE live_tickets (
    ticket_hash        text         PRIMARY KEY,
    tenant_id          bigint       NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    user_id            bigint       NOT NULL,
    role               text         NOT NULL,
    -- the stream ends when the access token that asked for the ticket would have expired
    access_expires_at  timestamptz  NOT NULL,
    expires_at         timestamptz  NOT NULL,
    -- the access token's session (its refresh family, claim sid): a stream of a revoked session ends
    session_id         text
);
CREATE INDEX live_tickets_expires ON live_tickets (expires_at);
