package com.buildcrm.jobs;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Enqueues a db-scheduler job inside the caller's transaction, so the data change and its job
 * commit (or roll back) together. The job's instance id carries its argument (e.g. an inbox id);
 * enqueueing the same instance twice is a no-op.
 *
 * <p>Due jobs run highest {@link JobType#priority() priority} first, so a client's message and the
 * answers to it never wait behind a burst of follow-ups (a morning after quiet hours, or 100,000
 * silent leads).
 */
public final class JobQueue {

    private JobQueue() {}

    public static void enqueue(EntityManager em, JobType type, String instance, Instant at) {
        em.createNativeQuery(
                        "INSERT INTO platform.scheduled_tasks (task_name, task_instance, task_data, execution_time,"
                                + " picked, version, priority) VALUES (?1, ?2, NULL, ?3, false, 1, ?4)"
                                + " ON CONFLICT (task_name, task_instance) DO NOTHING")
                .setParameter(1, type.name())
                .setParameter(2, instance)
                .setParameter(3, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .setParameter(4, type.priority())
                .executeUpdate();
    }
}
