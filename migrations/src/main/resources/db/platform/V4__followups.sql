-- Follow-up policy per tenant, set by the operator; a tenant without a row uses its pack's default texts
-- with the platform's defaults (quiet hours 21:00–09:00 in the tenant's time zone, a cap, spacing, jitter).
CREATE TABLE tenant_followups (
    tenant_id   bigint       PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
    -- {steps: [{delayMinutes, text}], quietHours: {from, to}, capPerSilence, minSpacingMinutes, jitterMinutes}
    policy      jsonb        NOT NULL,
    updated_at  timestamptz  NOT NULL DEFAULT now()
);
