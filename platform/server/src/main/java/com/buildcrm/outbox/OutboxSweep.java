package com.buildcrm.outbox;

import com.buildcrm.jobs.JobQueue;
import com.buildcrm.live.LiveEvent;
import com.buildcrm.message.Message;
import com.buildcrm.message.MessageStatus;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The outbox's part of the message path's sweep (run by the inbox's {@code MessagePathSweeper}):
 * re-enqueues pending rows whose send job was lost, and finds sends interrupted mid-flight (an
 * instance died while sending). Those become UNKNOWN — never resent blindly (ADR 006) — together
 * with their message in the company's CRM, in the company's unit of work ({@link
 * #markInterrupted}), so the manager's chat says "maybe not delivered" instead of "queued" for
 * ever.
 */
public final class OutboxSweep {

    /** The reason written on a send the sweep marks UNKNOWN. */
    public static final String INTERRUPTED = "interrupted while sending";

    /**
     * How long after its claim a send without a live job counts as interrupted: past the longest
     * provider call (a media send's 90 s request after a 10 s connect), so that only a dead
     * instance's send qualifies even if its job's heartbeat lagged.
     */
    static final Duration INTERRUPTED_AFTER = Duration.ofMinutes(2);

    /**
     * A claimed send's row that no live job holds (its own job's, or its batch's, heartbeat is
     * stale or gone) and whose claim is older than {@link #INTERRUPTED_AFTER}.
     */
    private static final String INTERRUPTED_ROW =
            "o.status = 'SENDING' AND o.next_attempt_at < now() - interval '"
                    + INTERRUPTED_AFTER.toSeconds()
                    + " seconds' AND NOT EXISTS (SELECT 1 FROM platform.scheduled_tasks st"
                    + "   WHERE st.task_name = 'send-outbox' AND st.picked"
                    + "   AND st.last_heartbeat > now() - interval '"
                    + OutboxSender.LIVE_SEND.toSeconds()
                    + " seconds'"
                    + "   AND split_part(st.task_instance, ':', 1) = COALESCE(o.claimed_with, o.id)::text)";

    private OutboxSweep() {}

    /**
     * In the sweep's platform transaction: re-enqueues lost sends and returns the companies that
     * have interrupted sends, for {@link #markInterrupted} in each company's unit of work.
     */
    public static List<Long> sweep(EntityManager em) {
        @SuppressWarnings("unchecked")
        List<Object[]> due =
                em.createNativeQuery(
                                "SELECT o.id, o.attempts FROM platform.outbox o WHERE o.status = 'PENDING'"
                                        + " AND o.next_attempt_at < now() - interval '30 seconds'"
                                        // only rows without any send job (instances are
                                        // "<id>:<suffix>"): a queue that is merely long is not
                                        // re-enqueued
                                        + " AND NOT EXISTS (SELECT 1 FROM platform.scheduled_tasks st"
                                        + "   WHERE st.task_name = 'send-outbox'"
                                        + "   AND split_part(st.task_instance, ':', 1) = o.id::text)"
                                        + " ORDER BY o.id LIMIT 500")
                        .getResultList();
        for (Object[] row : due) {
            JobQueue.enqueuePlatform(em, Outbox.SEND_TASK, row[0] + ":s" + row[1], Instant.now());
        }
        @SuppressWarnings("unchecked")
        List<Object> companies =
                em.createNativeQuery(
                                "SELECT DISTINCT o.tenant_id FROM platform.outbox o WHERE "
                                        + INTERRUPTED_ROW
                                        + " ORDER BY o.tenant_id LIMIT 100")
                        .getResultList();
        return companies.stream().map(id -> ((Number) id).longValue()).toList();
    }

    /**
     * In {@code tenantId}'s unit of work: marks its interrupted sends UNKNOWN, and their messages
     * too, in one transaction. Returns the CRM's live events for the changed messages (to publish
     * once committed).
     */
    public static List<LiveEvent> markInterrupted(EntityManager em, long tenantId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery(
                                "UPDATE platform.outbox me SET status = 'UNKNOWN', last_error = ?2"
                                        + " WHERE me.id IN (SELECT o.id FROM platform.outbox o"
                                        + "   WHERE o.tenant_id = ?1 AND "
                                        + INTERRUPTED_ROW
                                        + "   FOR UPDATE SKIP LOCKED)"
                                        + " RETURNING me.lead_id, me.message_id")
                        .setParameter(1, tenantId)
                        .setParameter(2, INTERRUPTED)
                        .getResultList();
        List<LiveEvent> events = new ArrayList<>();
        for (Object[] row : rows) {
            long leadId = ((Number) row[0]).longValue();
            long messageId = ((Number) row[1]).longValue();
            Message.recordSend(em, messageId, MessageStatus.UNKNOWN, null, INTERRUPTED, null);
            events.add(new LiveEvent(tenantId, "message.status", leadId, messageId));
        }
        return events;
    }

    /**
     * For a company that no longer exists (no unit of work to enter): marks its interrupted sends
     * UNKNOWN in the sweep's platform transaction; there is no message left to mark.
     */
    public static void markInterruptedWithoutCompany(EntityManager em, long tenantId) {
        em.createNativeQuery(
                        "UPDATE platform.outbox o SET status = 'UNKNOWN', last_error = ?2"
                                + " WHERE o.tenant_id = ?1 AND "
                                + INTERRUPTED_ROW)
                .setParameter(1, tenantId)
                .setParameter(2, INTERRUPTED)
                .executeUpdate();
    }
}
