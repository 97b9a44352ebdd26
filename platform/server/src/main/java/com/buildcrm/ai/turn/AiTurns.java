package com.buildcrm.ai.turn;

import com.buildcrm.jobs.JobQueue;
import com.buildcrm.jobs.JobType;
import jakarta.persistence.EntityManager;
import java.time.Instant;

/**
 * Schedules AI turns. Every client message schedules a turn {@code debounce} later, keyed by that
 * message; when the turn runs and a newer client message exists, it does nothing (the newer
 * message's turn answers the whole burst). Three quick messages therefore get one answer.
 */
public final class AiTurns {

    /** Runs one AI turn; the instance is {@code tenantId:leadId:messageId}. */
    public static final JobType TASK = new JobType("ai-turn", 70, true);

    private AiTurns() {}

    /** Enqueue in the caller's transaction (the message and its turn commit together). */
    public static void schedule(
            EntityManager em, long tenantId, long leadId, long messageId, Instant due) {
        JobQueue.enqueue(em, TASK, tenantId, tenantId + ":" + leadId + ":" + messageId, due);
    }

    /** The parts of a job instance id: tenant, lead, message. */
    public static long[] parse(String instance) {
        String[] p = instance.split(":");
        return new long[] {Long.parseLong(p[0]), Long.parseLong(p[1]), Long.parseLong(p[2])};
    }
}
