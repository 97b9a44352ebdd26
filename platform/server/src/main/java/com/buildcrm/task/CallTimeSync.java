package com.buildcrm.task;

import com.buildcrm.live.LiveEvent;
import com.buildcrm.tenancy.TenantRef;
import com.buildcrm.tenancy.TenantTransactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the AI's open call task on the client's latest words: the AI usually asks for the time
 * after the lead asked for a call, so the words arrive in a later turn (a {@code lead.updated} live
 * event after its commit). Then, in a unit of work of its own, the open call task moves to the new
 * time; a failure here is logged and never reaches the turn, which has committed.
 */
@ApplicationScoped
public class CallTimeSync {

    private static final Logger LOG = Logger.getLogger(CallTimeSync.class.getName());

    @Inject TenantTransactions transactions;
    @Inject CallTasks calls;
    @Inject Clock clock;
    @Inject Event<LiveEvent> live;

    void on(@Observes LiveEvent event) {
        if (!"lead.updated".equals(event.type())) {
            return;
        }
        try {
            Optional<TenantRef> tenant = transactions.forJob(event.tenantId());
            if (tenant.isEmpty()) {
                return;
            }
            OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
            boolean moved =
                    transactions.in(tenant.get(), work -> calls.resync(work, event.leadId(), now));
            if (moved) {
                live.fire(new LiveEvent(event.tenantId(), Tasks.LIVE_TYPE, event.leadId(), null));
            }
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "Could not bring the call task of lead "
                            + event.leadId()
                            + " up to the client's words",
                    e);
        }
    }
}
