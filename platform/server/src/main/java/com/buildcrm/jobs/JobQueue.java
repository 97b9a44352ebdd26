package com.buildcrm.jobs;

import com.buildcrm.tenancy.Transactions;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Enqueues a db-scheduler job inside the caller's transaction, so the data change and its job
 * commit (or roll back) together. The job's instance id carries its argument (e.g. an inbox id);
 * enqueueing the same instance twice is a no-op.
 *
 * <p>Due jobs run highest {@link JobType#priority() priority} first, so a client's message and the
 * answers to it never wait behind a burst of follow-ups (a morning after quiet hours, or 100,000
 * silent leads). An interactive job is stored in its company's band ({@link FairShare}), so one
 * company's flood does not hold up another's new lead (ADR 042).
 *
 * <p>A job due now wakes this instance's runner once its transaction has committed ({@link
 * Transactions#afterCommit}), instead of waiting for the next poll; other instances find it at
 * their next poll. (A {@code NOTIFY} in the enqueueing transaction woke every instance, but
 * PostgreSQL serialises the commits of notifying transactions: the webhook's acknowledgements fell
 * from 138/s to 115/s at 16 clients.)
 */
public final class JobQueue {

    /** A job due within this is "due now": it wakes the runner and counts towards fairness. */
    static final Duration DUE_NOW = Duration.ofSeconds(1);

    /** A job due within this takes its company's current standing; a later one its type's. */
    static final Duration SOON = Duration.ofMinutes(1);

    private static final FairShare FAIR = new FairShare();

    /** This instance's runner, asked to look for due jobs; none before it starts. */
    private static volatile Runnable wake;

    /** The one action registered per unit of work: wakes the runner, whichever it is by then. */
    private static final Runnable WAKE_AFTER_COMMIT =
            () -> {
                Runnable w = wake;
                if (w != null) {
                    w.run();
                }
            };

    private static final String INSERT =
            "INSERT INTO platform.scheduled_tasks (task_name, task_instance, task_data, execution_time,"
                    + " picked, version, priority) VALUES (?1, ?2, NULL, ?3, false, 1, ?4)"
                    + " ON CONFLICT (task_name, task_instance) DO NOTHING";

    /** {@link #INSERT} for many jobs of one type in one statement. */
    private static final String INSERT_ALL =
            "INSERT INTO platform.scheduled_tasks (task_name, task_instance, task_data, execution_time,"
                    + " picked, version, priority) SELECT ?1, v.i, NULL, CAST(v.t AS timestamptz), false, 1, v.p"
                    + " FROM unnest(CAST(?2 AS text[]), CAST(?3 AS text[]), CAST(?4 AS int[])) AS v(i, t, p)"
                    + " ON CONFLICT (task_name, task_instance) DO NOTHING";

    private JobQueue() {}

    /** Set by the scheduler when it starts (and cleared when it stops). */
    static void wakeWith(Runnable runner) {
        wake = runner;
    }

    /** A job of one company: its priority is lowered while the company floods the queue. */
    public static void enqueue(
            EntityManager em, JobType type, long tenantId, String instance, Instant at) {
        insert(em, type, instance, at, priority(type, tenantId, at), dueNow(at));
    }

    /** The stored priority of a company's job due {@code at}. */
    private static int priority(JobType type, long tenantId, Instant at) {
        long now = System.nanoTime();
        int stored;
        if (dueNow(at)) {
            stored = FAIR.priority(type.priority(), tenantId, now);
        } else if (!at.isAfter(Instant.now().plus(SOON))) {
            // a paced message of the flood (the greeting chain's next one) yields as well
            stored = FAIR.peek(type.priority(), tenantId, now);
        } else {
            stored = FairShare.stored(type.priority(), 0);
        }
        return type.yieldsWhenBusy()
                ? FAIR.yielding(type.priority(), stored, tenantId, now)
                : stored;
    }

    /**
     * Jobs of one company in one statement (a batch's): each as {@link #enqueue} would store it.
     *
     * @param instances the jobs' instance ids
     * @param ats when each is due, in the order of {@code instances}
     */
    public static void enqueueAll(
            EntityManager em,
            JobType type,
            long tenantId,
            List<String> instances,
            List<Instant> ats) {
        if (instances.size() != ats.size()) {
            throw new IllegalArgumentException("one due time per instance");
        }
        if (instances.isEmpty()) {
            return;
        }
        if (instances.size() == 1) {
            enqueue(em, type, tenantId, instances.get(0), ats.get(0));
            return;
        }
        String[] times = new String[ats.size()];
        Integer[] priorities = new Integer[ats.size()];
        boolean anyDueNow = false;
        for (int i = 0; i < ats.size(); i++) {
            Instant at = ats.get(i);
            times[i] = at.toString();
            priorities[i] = priority(type, tenantId, at);
            anyDueNow |= dueNow(at);
        }
        int added =
                em.createNativeQuery(INSERT_ALL)
                        .setParameter(1, type.name())
                        .setParameter(2, instances.toArray(String[]::new))
                        .setParameter(3, times)
                        .setParameter(4, priorities)
                        .executeUpdate();
        if (added > 0 && anyDueNow) {
            Transactions.afterCommit(WAKE_AFTER_COMMIT);
        }
    }

    /** A job of no company in particular (a sweep's): in the top band. */
    public static void enqueuePlatform(
            EntityManager em, JobType type, String instance, Instant at) {
        insert(em, type, instance, at, FairShare.stored(type.priority(), 0), dueNow(at));
    }

    private static boolean dueNow(Instant at) {
        return !at.isAfter(Instant.now().plus(DUE_NOW));
    }

    private static void insert(
            EntityManager em,
            JobType type,
            String instance,
            Instant at,
            int priority,
            boolean wakeAfterCommit) {
        int added =
                em.createNativeQuery(INSERT)
                        .setParameter(1, type.name())
                        .setParameter(2, instance)
                        .setParameter(3, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                        .setParameter(4, priority)
                        .executeUpdate();
        if (added > 0 && wakeAfterCommit) {
            Transactions.afterCommit(WAKE_AFTER_COMMIT);
        }
    }
}
