package com.buildcrm.health;

import java.time.OffsetDateTime;
import java.util.List;

/** The operator's health page ({@code GET /api/admin/health}). */
public record AdminHealth(
        String status,
        OffsetDateTime checkedAt,
        Database database,
        List<Queue> queues,
        Outbox outbox,
        Inbox inbox,
        Breakers breakers,
        List<TenantInbound> tenants,
        String silentWebhookRule,
        List<RecentError> errors) {

    public record Database(boolean up, long latencyMs, String error) {}

    /** One db-scheduler task name: how many instances wait, how many are due, the oldest due. */
    public record Queue(String name, long depth, long dueNow, Long oldestDueAgeSeconds) {}

    public record Outbox(
            long pending, Long oldestPendingAgeSeconds, long failedLast24h, long unknown) {}

    /**
     * {@code poison}: unprocessed rows that failed {@code BUILDCRM_INBOX_MAX_ATTEMPTS} times and
     * are set aside (never deleted; {@code POST /api/admin/health/inbox/retry} tries them again);
     * {@code poisonLastError}: the newest of their errors.
     */
    public record Inbox(
            long unprocessed, Long oldestAgeSeconds, long poison, String poisonLastError) {}

    /**
     * The answer to {@code POST /api/admin/health/inbox/retry}: how many rows were enqueued again.
     */
    public record InboxRetried(int requeued) {}

    /**
     * {@code llm} is "n/a": LLM calls are guarded by MicroProfile Fault Tolerance, not readable.
     */
    public record Breakers(String llm, List<ChannelBreakerState> channels) {}

    public record ChannelBreakerState(long tenantId, String slug, String provider, String state) {}

    /**
     * Per tenant with a channel: the last inbound, the typical gap between inbound messages over
     * the last 7 days, and the silent-webhook alarm.
     */
    public record TenantInbound(
            long id,
            String slug,
            String name,
            String status,
            String provider,
            OffsetDateTime lastInboundAt,
            long inboundLast7Days,
            Long typicalGapSeconds,
            Long silentForSeconds,
            boolean silent) {}

    /** {@code source}: channel, outbox or inbox. */
    public record RecentError(
            String source, Long tenantId, String slug, String message, OffsetDateTime at) {}
}
