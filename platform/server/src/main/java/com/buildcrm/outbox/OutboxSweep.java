package com.buildcrm.outbox;

import com.buildcrm.jobs.JobQueue;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;

/**
 * The outbox's part of the message path's sweep (run by the inbox's {@code MessagePathSweeper}, in
 * its platform transaction): re-enqueues pending rows whose send job was lost, and marks sends
 * interrupted mid-flight (an instance died while sending) as UNKNOWN, never resent blindly.
 */
public final class OutboxSweep {

    private OutboxSweep() {}

    public static void sweep(EntityManager em) {
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
        em.createNativeQuery(
                        "UPDATE platform.outbox SET status = 'UNKNOWN', last_error = 'interrupted while sending'"
                                + " WHERE status = 'SENDING' AND next_attempt_at < now() - interval '5 minutes'")
                .executeUpdate();
    }
}
