package com.buildcrm.jobs;

import com.buildcrm.ai.turn.AiTurnWorker;
import com.buildcrm.ai.turn.AiTurns;
import com.buildcrm.followup.FollowUps;
import com.buildcrm.inbox.InboxLimits;
import com.buildcrm.inbox.InboxProcessor;
import com.buildcrm.inbox.InboxService;
import com.buildcrm.outbox.Outbox;
import com.buildcrm.outbox.OutboxSender;
import com.buildcrm.tenancy.Storage;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The background work of the message path, on the durable scheduler: process an inbox row, send an
 * outbox row, and a sweeper that re-enqueues anything a crash or a lost job left behind (but not
 * poisoned inbox rows, see {@link InboxLimits}) and marks sends interrupted mid-flight as UNKNOWN
 * (never resent blindly).
 */
@ApplicationScoped
public class Workers {

    static final String SWEEP_TASK = "message-path-sweeper";

    @Inject JobScheduler scheduler;
    @Inject InboxProcessor inbox;
    @Inject OutboxSender outbox;
    @Inject Storage storage;
    @Inject AiTurnWorker turns;
    @Inject FollowUps followUps;
    @Inject InboxLimits limits;

    public void start() {
        FailureHandler.ExponentialBackoffFailureHandler<Void> backoff =
                new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(1));
        // every failed execution is counted on the row; after maxAttempts the row is poisoned and
        // neither this job nor the sweeper tries it again (InboxLimits)
        Task<Void> process =
                Tasks.oneTime(InboxService.PROCESS_TASK)
                        .onFailure(
                                new FailureHandler.MaxRetriesFailureHandler<>(
                                        limits.maxAttempts() - 1, backoff))
                        .execute(
                                (instance, ctx) -> {
                                    long id = Long.parseLong(instance.getId());
                                    try {
                                        inbox.process(id);
                                    } catch (RuntimeException e) {
                                        inbox.recordFailure(id, e);
                                        throw e;
                                    }
                                });
        Task<Void> send =
                Tasks.oneTime(Outbox.SEND_TASK)
                        .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(12, backoff))
                        .execute(
                                (instance, ctx) ->
                                        outbox.send(
                                                Long.parseLong(instance.getId().split(":")[0])));
        Task<Void> turn =
                Tasks.oneTime(AiTurns.TASK)
                        .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(5, backoff))
                        .execute((instance, ctx) -> turns.run(instance.getId()));
        Task<Void> followUp =
                Tasks.oneTime(FollowUps.TASK)
                        .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(5, backoff))
                        .execute((instance, ctx) -> followUps.run(instance.getId()));
        Task<Void> sweep =
                Tasks.recurring(SWEEP_TASK, Schedules.fixedDelay(Duration.ofSeconds(5)))
                        .execute((instance, ctx) -> sweep());
        scheduler.start(List.of(process, send, turn, followUp, sweep), 4);
    }

    void sweep() {
        storage.transactions()
                .inPlatformDo(
                        em -> {
                            @SuppressWarnings("unchecked")
                            List<Object> stale =
                                    em.createNativeQuery(
                                                    "SELECT i.id FROM platform.inbox i WHERE i.processed_at IS NULL"
                                                            + " AND i.received_at < now() - interval '30 seconds'"
                                                            + " AND i.attempts < ?1"
                                                            // only work whose job is gone, not a
                                                            // backlog
                                                            + " AND NOT EXISTS (SELECT 1 FROM platform.scheduled_tasks st"
                                                            + "   WHERE st.task_name = 'process-inbox' AND st.task_instance = i.id::text)"
                                                            + " ORDER BY i.id LIMIT 500")
                                            .setParameter(1, limits.maxAttempts())
                                            .getResultList();
                            for (Object id : stale) {
                                JobQueue.enqueue(
                                        em,
                                        InboxService.PROCESS_TASK,
                                        id.toString(),
                                        Instant.now());
                            }
                            @SuppressWarnings("unchecked")
                            List<Object[]> due =
                                    em.createNativeQuery(
                                                    "SELECT o.id, o.attempts FROM platform.outbox o WHERE o.status = 'PENDING'"
                                                            + " AND o.next_attempt_at < now() - interval '30 seconds'"
                                                            // only rows without any send job
                                                            // (instances are "<id>:<suffix>"):
                                                            // a queue that is merely long is not
                                                            // re-enqueued
                                                            + " AND NOT EXISTS (SELECT 1 FROM platform.scheduled_tasks st"
                                                            + "   WHERE st.task_name = 'send-outbox'"
                                                            + "   AND split_part(st.task_instance, ':', 1) = o.id::text)"
                                                            + " ORDER BY o.id LIMIT 500")
                                            .getResultList();
                            for (Object[] row : due) {
                                JobQueue.enqueue(
                                        em,
                                        Outbox.SEND_TASK,
                                        row[0] + ":s" + row[1],
                                        Instant.now());
                            }
                            em.createNativeQuery(
                                            "UPDATE platform.outbox SET status = 'UNKNOWN', last_error = 'interrupted while sending'"
                                                    + " WHERE status = 'SENDING' AND next_attempt_at < now() - interval '5 minutes'")
                                    .executeUpdate();
                        });
    }
}
