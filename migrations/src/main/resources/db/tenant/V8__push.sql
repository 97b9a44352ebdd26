-- Web Push (RFC 8030 / 8291 / 8292): one subscription per browser or installed app of a user, the user's
-- choices of what to hear about, the deliveries waiting for their job, and the call reminder's mark.

-- A browser's PushSubscription: the push service's endpoint and the keys the payload is encrypted to.
-- Re-subscribing the same endpoint replaces the row (and moves it to whoever subscribed it last).
CREATE TABLE push_subscriptions (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id       bigint        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    endpoint      varchar(2048) NOT NULL,
    -- the browser's P-256 public key (65-byte uncompressed point) and auth secret (16 bytes), base64url
    p256dh        varchar(100)  NOT NULL,
    auth          varchar(40)   NOT NULL,
    user_agent    varchar(300),
    created_at    timestamptz   NOT NULL DEFAULT now(),
    last_sent_at  timestamptz,
    -- deliveries given up after their last retry (reset by a delivered one)
    failures      integer       NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX push_subscriptions_endpoint_uq ON push_subscriptions (endpoint);
CREATE INDEX push_subscriptions_user_idx ON push_subscriptions (user_id);

-- What a user wants pushed; no row means everything.
CREATE TABLE push_preferences (
    user_id         bigint      PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    assigned        boolean     NOT NULL DEFAULT true,
    client_waiting  boolean     NOT NULL DEFAULT true,
    call_soon       boolean     NOT NULL DEFAULT true,
    hot_lead        boolean     NOT NULL DEFAULT true,
    updated_at      timestamptz NOT NULL DEFAULT now()
);

-- One push waiting to be sent to one subscription (its job carries the id); deleted once delivered, gone or
-- given up. Written in the transaction of the change that caused it.
CREATE TABLE push_deliveries (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subscription_id  bigint      NOT NULL REFERENCES push_subscriptions (id) ON DELETE CASCADE,
    lead_id          bigint      NOT NULL,
    kind             varchar(20) NOT NULL CHECK (kind IN ('ASSIGNED', 'CLIENT_WAITING', 'CALL_SOON', 'HOT_LEAD')),
    payload          text        NOT NULL,
    urgency          varchar(10) NOT NULL DEFAULT 'normal' CHECK (urgency IN ('normal', 'high')),
    attempts         integer     NOT NULL DEFAULT 0,
    last_error       varchar(300),
    not_before       timestamptz NOT NULL DEFAULT now(),
    created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX push_deliveries_subscription_idx ON push_deliveries (subscription_id);

-- "Call in 10 minutes" is pushed once per call task
ALTER TABLE lead_tasks ADD COLUMN call_soon_notified_at timestamptz;
CREATE INDEX lead_tasks_call_soon_idx ON lead_tasks (due_at)
    WHERE kind = 'CALL' AND done_at IS NULL AND call_soon_notified_at IS NULL;
