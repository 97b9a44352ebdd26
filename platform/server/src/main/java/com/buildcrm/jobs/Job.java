package com.buildcrm.jobs;

/**
 * A kind of one-time background work, contributed by the feature that owns it. Implement it on an
 * {@code @ApplicationScoped} bean: {@link JobRegistry} finds every {@code Job} through CDI and
 * registers it with the durable scheduler, so the {@code jobs} package never imports a feature.
 * Work is enqueued with {@link JobQueue#enqueue} and the job's {@link #type()} handle.
 *
 * <p>The handler must be idempotent: a job may run again after a crash or a retry.
 */
public interface Job {

    /** The name and priority of this job (a constant of the owning feature). */
    JobType type();

    /** How a failed execution is retried. */
    RetryPolicy retries();

    /**
     * Runs one execution.
     *
     * @param instance the job's argument, as given to {@link JobQueue#enqueue} (e.g. an inbox id)
     * @throws RuntimeException to have the execution retried by {@link #retries()}
     */
    void run(String instance);
}
