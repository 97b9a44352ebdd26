package com.buildcrm.jobs;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Enqueues a db-scheduler job inside the caller's transaction, so the data change and its job
 * commit (or roll back) together. The job's instance id carries its argument (e.g. an inbox id);
 * enqueueing the same instance twice is a no-op.
 */
public final class JobQueue {

    private JobQueue() {}

    public static void enqueue(EntityManager em, String task, String instance, Instant at) {
        em.createNativeQuery(
                        "INSERT INTO platform.scheduled_tasks (task_name, task_instance, task_data, execution_time,"
                                + " picked, version) VALUES (?1, ?2, NULL, ?3, false, 1)"
                                + " ON CONFLICT (task_name, task_instance) DO NOTHING")
                .setParameter(1, task)
                .setParameter(2, instance)
                .setParameter(3, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .executeUpdate();
    }
}
