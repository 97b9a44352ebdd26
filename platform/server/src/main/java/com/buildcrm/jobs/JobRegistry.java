package com.buildcrm.jobs;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Registers every {@link Job} and {@link RecurringJob} that CDI knows with the durable scheduler
 * and starts it. The features contribute their jobs; this package imports none of them.
 */
@ApplicationScoped
public class JobRegistry {

    private static final Logger LOG = Logger.getLogger(JobRegistry.class.getName());

    /**
     * Scheduler threads of one instance. Eight, not four, since a send waits on the provider's
     * round trip (ADR 050): with four, a burst's turns and sends took turns on the same threads and
     * the CPU idled while they waited.
     */
    public static final int THREADS = 8;

    @Inject JobScheduler scheduler;
    @Inject @Any Instance<Job> jobs;
    @Inject @Any Instance<RecurringJob> recurringJobs;

    /** Registers the jobs and starts running them (once; later calls do nothing). */
    public void start() {
        List<Task<?>> tasks = tasks(jobs, recurringJobs);
        LOG.info(
                () ->
                        "Jobs: "
                                + String.join(
                                        ", ", tasks.stream().map(Task::getName).sorted().toList()));
        scheduler.start(tasks, THREADS);
    }

    /**
     * The scheduler's tasks for the given jobs.
     *
     * @throws IllegalStateException when two jobs share a name
     */
    static List<Task<?>> tasks(Iterable<Job> jobs, Iterable<RecurringJob> recurringJobs) {
        List<Task<?>> tasks = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Job job : jobs) {
            unique(names, job.type().name());
            RetryPolicy retries = job.retries();
            tasks.add(
                    Tasks.oneTime(job.type().name())
                            .onFailure(
                                    new FailureHandler.MaxRetriesFailureHandler<>(
                                            retries.maxRetries(),
                                            new FailureHandler.ExponentialBackoffFailureHandler<>(
                                                    retries.firstDelay())))
                            .execute((instance, ctx) -> job.run(instance.getId())));
        }
        for (RecurringJob job : recurringJobs) {
            unique(names, job.name());
            tasks.add(
                    Tasks.recurring(job.name(), Schedules.fixedDelay(job.every()))
                            .execute((instance, ctx) -> job.run()));
        }
        return tasks;
    }

    private static void unique(Set<String> names, String name) {
        if (!names.add(name)) {
            throw new IllegalStateException("Two jobs are named " + name);
        }
    }
}
