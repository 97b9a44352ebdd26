package com.buildcrm.inbox;

import com.buildcrm.audit.AuditLog;
import com.buildcrm.audit.AuditLog.Actor;
import com.buildcrm.jobs.JobQueue;
import com.buildcrm.tenancy.Storage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** The operator's "try the poisoned inbound events again", after the cause has been mended. */
@ApplicationScoped
public class InboxRetry {

    @Inject Storage storage;
    @Inject InboxLimits limits;
    @Inject Clock clock;

    /** Gives every poisoned row a fresh set of attempts and enqueues it; returns how many. */
    public int retryPoisoned(Actor actor) {
        return storage.transactions()
                .inPlatform(
                        em -> {
                            @SuppressWarnings("unchecked")
                            List<Object> ids =
                                    em.createNativeQuery(
                                                    "UPDATE platform.inbox SET attempts = 0"
                                                            + " WHERE processed_at IS NULL AND attempts >= ?1"
                                                            + " RETURNING id")
                                            .setParameter(1, limits.maxAttempts())
                                            .getResultList();
                            for (Object id : ids) {
                                JobQueue.enqueuePlatform(
                                        em,
                                        InboxService.PROCESS_TASK,
                                        id.toString(),
                                        clock.instant());
                            }
                            AuditLog.record(
                                    em,
                                    actor,
                                    null,
                                    "inbox.retried",
                                    "inbox",
                                    Map.of("rows", ids.size()));
                            return ids.size();
                        });
    }
}
