package com.buildcrm.inbox;

import com.buildcrm.jobs.JobQueue;
import com.buildcrm.jobs.RecurringJob;
import com.buildcrm.live.LivePublisher;
import com.buildcrm.outbox.OutboxSweep;
import com.buildcrm.tenancy.Storage;
import com.buildcrm.tenancy.TenantRef;
import com.buildcrm.tenancy.TenantTransactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Every 5 s, in one platform transaction, re-enqueues what a crash or a lost job left behind on the
 * message path: stored inbound events whose processing job is gone (but not poisoned rows, see
 * {@link InboxLimits}), then the outbox's part ({@link OutboxSweep}: lost sends). Sends interrupted
 * mid-flight are then marked UNKNOWN, outbox row and CRM message together, in each company's own
 * unit of work, and the company's screens are told. It lives with the inbox, where the path starts;
 * the outbox does not depend on the inbox.
 */
@ApplicationScoped
public class MessagePathSweeper implements RecurringJob {

    /** The task name in {@code platform.scheduled_tasks}; deployed databases hold a row with it. */
    static final String NAME = "message-path-sweeper";

    @Inject Storage storage;
    @Inject InboxLimits limits;
    @Inject TenantTransactions tenants;
    @Inject LivePublisher live;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Duration every() {
        return Duration.ofSeconds(5);
    }

    @Override
    public void run() {
        List<Long> interrupted =
                storage.transactions()
                        .inPlatform(
                                em -> {
                                    // only work whose job is gone, not a backlog
                                    @SuppressWarnings("unchecked")
                                    List<Object> stale =
                                            em.createNativeQuery(
                                                            "SELECT i.id FROM platform.inbox i WHERE i.processed_at IS NULL"
                                                                    + " AND i.received_at < now() - interval '30 seconds'"
                                                                    + " AND i.attempts < ?1"
                                                                    + " AND NOT EXISTS (SELECT 1 FROM platform.scheduled_tasks st"
                                                                    + "   WHERE st.task_name = 'process-inbox' AND st.task_instance = i.id::text)"
                                                                    + " ORDER BY i.id LIMIT 500")
                                                    .setParameter(1, limits.maxAttempts())
                                                    .getResultList();
                                    for (Object id : stale) {
                                        JobQueue.enqueuePlatform(
                                                em,
                                                InboxService.PROCESS_TASK,
                                                id.toString(),
                                                Instant.now());
                                    }
                                    return OutboxSweep.sweep(em);
                                });
        for (long tenantId : interrupted) {
            Optional<TenantRef> company = tenants.forJob(tenantId);
            if (company.isPresent()) {
                live.publish(
                        tenants.in(
                                company.get(),
                                work -> OutboxSweep.markInterrupted(work.em(), tenantId)));
            } else {
                storage.transactions()
                        .inPlatformDo(
                                em -> OutboxSweep.markInterruptedWithoutCompany(em, tenantId));
            }
        }
    }
}
