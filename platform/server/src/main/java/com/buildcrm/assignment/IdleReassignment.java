package com.buildcrm.assignment;

import com.buildcrm.jobs.RecurringJob;
import com.buildcrm.tenancy.Storage;
import com.buildcrm.tenancy.TenantRef;
import com.buildcrm.tenancy.TenantTransactions;
import com.buildcrm.tenancy.TenantWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every minute, per active tenant whose rule re-assigns ({@code reassignAfterMinutes} set, mode not
 * MANUAL): leads the rule assigned more than that many minutes ago whose assignee did nothing since
 * ({@link AssignmentStore#idle}) go to the next candidate, the current assignee excluded. One
 * transaction per tenant; a failing tenant is logged and the others go on.
 */
@ApplicationScoped
public class IdleReassignment implements RecurringJob {

    /** The task name in {@code platform.scheduled_tasks}; never rename it. */
    static final String NAME = "assignment-idle-reassign";

    private static final Logger LOG = Logger.getLogger(IdleReassignment.class.getName());

    /** At most this many leads per tenant and run (the next run takes the rest). */
    static final int BATCH = 100;

    @Inject Storage storage;
    @Inject TenantTransactions tenants;
    @Inject Assignments assignments;
    @Inject Clock clock;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Duration every() {
        return Duration.ofMinutes(1);
    }

    @Override
    public void run() {
        List<Long> ids =
                storage.transactions()
                        .inPlatform(
                                em -> {
                                    @SuppressWarnings("unchecked")
                                    List<Object> rows =
                                            em.createNativeQuery(
                                                            "SELECT id FROM platform.tenants WHERE status = 'ACTIVE'"
                                                                    + " AND provisioning_step = 'ACTIVE' ORDER BY id")
                                                    .getResultList();
                                    return rows.stream()
                                            .map(r -> ((Number) r).longValue())
                                            .toList();
                                });
        for (long id : ids) {
            Optional<TenantRef> tenant = tenants.forJob(id);
            if (tenant.isEmpty()) {
                continue;
            }
            try {
                tenants.in(tenant.get(), this::sweep);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "idle re-assignment failed for tenant " + id, e);
            }
        }
    }

    /**
     * One tenant's sweep in its unit of work.
     *
     * @return how many leads were re-assigned
     */
    public int sweep(TenantWork work) {
        AssignmentSettings s = AssignmentStore.settings(work, false);
        if (s.mode() == AssignmentMode.MANUAL || s.reassignAfterMinutes() == null) {
            return 0;
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        OffsetDateTime cutoff = now.minusMinutes(s.reassignAfterMinutes());
        int moved = 0;
        for (AssignmentStore.IdleLead lead : AssignmentStore.idle(work, cutoff, BATCH)) {
            if (assignments.reassignIdle(work, lead.leadId(), lead.assigneeId(), now).isPresent()) {
                moved++;
            }
        }
        return moved;
    }
}
