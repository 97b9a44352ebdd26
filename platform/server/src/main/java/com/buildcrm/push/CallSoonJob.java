package com.buildcrm.push;

import com.buildcrm.jobs.RecurringJob;
import com.buildcrm.notify.AlertKind;
import com.buildcrm.notify.LeadAlert;
import com.buildcrm.tenancy.Storage;
import com.buildcrm.tenancy.TenantRef;
import com.buildcrm.tenancy.TenantTransactions;
import com.buildcrm.tenancy.TenantWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every minute, for every active tenant: open call tasks due within the next {@link #AHEAD} (and
 * not more than {@link #LATE} ago, so a restart does not replay old ones), not snoozed and not yet
 * reminded, get a CALL_SOON alert to the task's assignee; the mark is set in the same transaction,
 * so each task is reminded once.
 */
@ApplicationScoped
public class CallSoonJob implements RecurringJob {

    private static final Logger LOG = Logger.getLogger(CallSoonJob.class.getName());

    /** The task name in {@code platform.scheduled_tasks}; never rename. */
    static final String NAME = "push-call-soon";

    static final Duration AHEAD = Duration.ofMinutes(10);
    static final Duration LATE = Duration.ofMinutes(2);

    @Inject Storage storage;
    @Inject TenantTransactions tenants;
    @Inject Event<LeadAlert> alerts;
    @Inject Clock clock;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Duration every() {
        return Duration.ofMinutes(1);
    }

    /** A due call task: a typed projection of {@link #COLUMNS}. */
    record DueCall(long taskId, long leadId, Long assigneeId) {

        static final String COLUMNS = "id, lead_id, assignee_id";

        static DueCall of(Object[] r) {
            return new DueCall(
                    ((Number) r[0]).longValue(),
                    ((Number) r[1]).longValue(),
                    r[2] == null ? null : ((Number) r[2]).longValue());
        }
    }

    @Override
    public void run() {
        @SuppressWarnings("unchecked")
        List<Object> ids =
                storage.transactions()
                        .inPlatform(
                                em ->
                                        em.createNativeQuery(
                                                        "SELECT id FROM platform.tenants WHERE status = 'ACTIVE'"
                                                                + " AND provisioning_step = 'ACTIVE' ORDER BY id")
                                                .getResultList());
        Instant now = clock.instant();
        for (Object id : ids) {
            TenantRef tenant = tenants.forJob(((Number) id).longValue()).orElse(null);
            if (tenant == null) {
                continue;
            }
            try {
                tenants.namedInLogs(tenant, () -> remind(tenant, now));
            } catch (RuntimeException e) {
                // one tenant (say, its schema still upgrading) must not stop the others
                LOG.log(Level.WARNING, "Call reminders failed for tenant " + tenant.id(), e);
            }
        }
    }

    private void remind(TenantRef tenant, Instant now) {
        tenants.in(tenant, work -> remind(work, now));
    }

    /** Reminds the tenant's due calls once; returns how many. */
    int remind(TenantWork work, Instant now) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                work.sql(
                                "SELECT "
                                        + DueCall.COLUMNS
                                        + " FROM lead_tasks WHERE kind = 'CALL' AND done_at IS NULL"
                                        + " AND call_soon_notified_at IS NULL AND due_at IS NOT NULL"
                                        + " AND due_at <= ?1 AND due_at > ?2"
                                        + " AND (snoozed_until IS NULL OR snoozed_until <= ?3)"
                                        + " ORDER BY due_at, id LIMIT 500 FOR UPDATE SKIP LOCKED")
                        .setParameter(1, at.plus(AHEAD))
                        .setParameter(2, at.minus(LATE))
                        .setParameter(3, at)
                        .getResultList();
        for (Object[] r : rows) {
            DueCall call = DueCall.of(r);
            work.sql("UPDATE lead_tasks SET call_soon_notified_at = ?2 WHERE id = ?1")
                    .setParameter(1, call.taskId())
                    .setParameter(2, at)
                    .executeUpdate();
            alerts.fire(new LeadAlert(work, call.leadId(), AlertKind.CALL_SOON, call.assigneeId()));
        }
        return rows.size();
    }
}
