package com.buildcrm.jobs;

import java.util.Objects;

/**
 * The handle of a kind of one-time job, owned as a constant by the feature that enqueues and runs
 * it (e.g. {@code InboxService.PROCESS_TASK}). Its {@link #name()} is the {@code task_name} stored
 * in {@code platform.scheduled_tasks}: never rename one, a deployed database holds rows with it.
 *
 * @param name the task name, unique among all jobs
 * @param priority due jobs run highest first (see {@link JobQueue}); from 0 to 100
 * @param yieldsWhenBusy while its company floods the queue, the job waits in the lowest band, below
 *     every company's first contact (an AI turn's answer after the greeting, ADR 054)
 */
public record JobType(String name, int priority, boolean yieldsWhenBusy) {

    /** The priority of a job that does not care. */
    public static final int DEFAULT_PRIORITY = 50;

    public JobType(String name, int priority) {
        this(name, priority, false);
    }

    public JobType {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("A job needs a name");
        }
        if (priority < 0 || priority > 100) {
            throw new IllegalArgumentException("Priority must be 0..100, was " + priority);
        }
    }
}
