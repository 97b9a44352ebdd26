package com.buildcrm.jobs;

import com.buildcrm.config.ServerSettings;
import com.buildcrm.tenancy.Storage;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The durable job runner: db-scheduler on {@code platform.scheduled_tasks} with lock-and-fetch
 * polling (safe with several instances), container-managed threads, and a heartbeat short enough
 * that a crashed instance's picked jobs are revived within about a minute.
 */
@ApplicationScoped
public class JobScheduler {

    private static final Logger LOG = Logger.getLogger(JobScheduler.class.getName());

    @Inject Storage storage;

    @Resource ManagedThreadFactory threadFactory;

    private volatile Scheduler scheduler;

    public synchronized void start(List<Task<?>> tasks, int threads) {
        if (scheduler != null) {
            return;
        }
        scheduler =
                Scheduler.create(
                                storage.dataSource(),
                                tasks.stream().filter(t -> !(t instanceof RecurringTask)).toList())
                        // recurring tasks (the sweeper) are scheduled only when given as start
                        // tasks; as known tasks they never ran (the sweeper did not, before this)
                        .startTasks(recurring(tasks))
                        .tableName("platform.scheduled_tasks")
                        .pollUsingLockAndFetch(0.5, 1.0)
                        .pollingInterval(Duration.ofMillis(500))
                        .heartbeatInterval(Duration.ofSeconds(10))
                        .missedHeartbeatsLimit(6)
                        .threads(threads)
                        .executorService(Executors.newFixedThreadPool(threads, threadFactory))
                        .dueExecutor(Executors.newSingleThreadExecutor(threadFactory))
                        .housekeeperExecutor(Executors.newScheduledThreadPool(2, threadFactory))
                        .enableImmediateExecution()
                        .enablePriority()
                        // a drain (SIGTERM) lets running jobs finish this long; the rest stay
                        // picked and another instance revives them after the missed heartbeats
                        .shutdownMaxWait(ServerSettings.drainTimeout(ConfigProvider.getConfig()))
                        .build();
        scheduler.start();
        JobQueue.wakeWith(this::wake);
        LOG.info(() -> "Job scheduler started with " + threads + " threads");
    }

    /** Looks for due jobs now rather than at the next poll (a job was enqueued somewhere). */
    public void wake() {
        Scheduler s = scheduler;
        if (s != null) {
            s.triggerCheckForDueExecutions();
        }
    }

    static List<RecurringTask<?>> recurring(List<Task<?>> tasks) {
        List<RecurringTask<?>> recurring = new ArrayList<>();
        for (Task<?> task : tasks) {
            if (task instanceof RecurringTask<?> r) {
                recurring.add(r);
            }
        }
        return recurring;
    }

    /**
     * Stops taking jobs and waits for the running ones (up to {@code
     * BUILDCRM_DRAIN_TIMEOUT_SECONDS}); used by the SIGTERM drain before the container stops.
     */
    public void drain() {
        stop();
    }

    @PreDestroy
    synchronized void stop() {
        if (scheduler != null) {
            JobQueue.wakeWith(null);
            scheduler.stop();
            scheduler = null;
        }
    }
}
