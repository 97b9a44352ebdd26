package com.buildcrm.jobs;

import java.time.Duration;

/**
 * Background work that runs again and again at a fixed delay, on one instance at a time (e.g. the
 * message path's sweeper). Like a {@link Job}, an {@code @ApplicationScoped} bean that {@link
 * JobRegistry} finds through CDI; it is never enqueued by hand.
 */
public interface RecurringJob {

    /**
     * The task name stored in {@code platform.scheduled_tasks}: never rename one, a deployed
     * database holds a row with it.
     */
    String name();

    /** The pause between the end of one run and the start of the next. */
    Duration every();

    /** One run; a failure is logged and the next run comes as scheduled. */
    void run();
}
