package com.buildcrm.push;

import com.buildcrm.db.Timestamps;
import com.buildcrm.jobs.Job;
import com.buildcrm.jobs.JobType;
import com.buildcrm.jobs.RetryPolicy;
import com.buildcrm.tenancy.TenantRef;
import com.buildcrm.tenancy.TenantTransactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/**
 * Sends one delivery ({@code tenantId:deliveryId}). Delivered → the row goes, the subscription's
 * {@code last_sent_at} is set; 404/410 → the subscription is deleted (with its deliveries), never
 * retried; 429/5xx/timeouts → retried by the job's backoff up to {@link PushSettings#retries()}
 * times, then dropped with a log line and the subscription's {@code failures} counted. The HTTP
 * call happens between two short transactions, never inside one.
 */
@ApplicationScoped
public class PushJob implements Job {

    private static final Logger LOG = Logger.getLogger(PushJob.class.getName());

    @Inject TenantTransactions tenants;
    @Inject PushSender sender;
    @Inject PushSettings settings;

    @Override
    public JobType type() {
        return PushAlerts.TASK;
    }

    @Override
    public RetryPolicy retries() {
        return new RetryPolicy(settings.retries(), settings.retryFirstDelay());
    }

    /** A delivery with its subscription: a typed projection of {@link #COLUMNS}. */
    record Delivery(
            long id,
            long subscriptionId,
            String endpoint,
            String p256dh,
            String auth,
            String payload,
            String urgency,
            int attempts,
            Instant notBefore) {

        static final String COLUMNS =
                "d.id, d.subscription_id, s.endpoint, s.p256dh, s.auth, d.payload, d.urgency, d.attempts,"
                        + " d.not_before";

        static Delivery of(Object[] r) {
            return new Delivery(
                    ((Number) r[0]).longValue(),
                    ((Number) r[1]).longValue(),
                    (String) r[2],
                    (String) r[3],
                    (String) r[4],
                    (String) r[5],
                    (String) r[6],
                    ((Number) r[7]).intValue(),
                    Timestamps.toInstant(r[8]));
        }
    }

    @Override
    public void run(String instance) {
        String[] p = instance.split(":");
        long tenantId = Long.parseLong(p[0]);
        long deliveryId = Long.parseLong(p[1]);
        TenantRef tenant = tenants.forJob(tenantId).orElse(null);
        if (tenant == null) {
            return;
        }
        tenants.namedInLogs(tenant, () -> send(tenant, deliveryId));
    }

    private void send(TenantRef tenant, long deliveryId) {
        Delivery d =
                tenants.in(
                        tenant,
                        work -> {
                            @SuppressWarnings("unchecked")
                            List<Object[]> rows =
                                    work.sql(
                                                    "SELECT "
                                                            + Delivery.COLUMNS
                                                            + " FROM push_deliveries d JOIN push_subscriptions s"
                                                            + " ON s.id = d.subscription_id WHERE d.id = ?1")
                                            .setParameter(1, deliveryId)
                                            .getResultList();
                            return rows.isEmpty() ? null : Delivery.of(rows.get(0));
                        });
        if (d == null) {
            return; // delivered, gone or given up already
        }
        PushSender.Result result =
                sender.send(d.endpoint(), d.p256dh(), d.auth(), d.payload(), d.urgency());
        boolean retry =
                tenants.in(
                        tenant,
                        work -> {
                            switch (result.outcome()) {
                                case DELIVERED -> {
                                    work.sql("DELETE FROM push_deliveries WHERE id = ?1")
                                            .setParameter(1, d.id())
                                            .executeUpdate();
                                    work.sql(
                                                    "UPDATE push_subscriptions SET last_sent_at = now(), failures = 0"
                                                            + " WHERE id = ?1")
                                            .setParameter(1, d.subscriptionId())
                                            .executeUpdate();
                                    return false;
                                }
                                case GONE -> {
                                    LOG.info(
                                            () ->
                                                    "Push subscription "
                                                            + d.subscriptionId()
                                                            + " is gone ("
                                                            + result.status()
                                                            + "): deleted");
                                    work.sql("DELETE FROM push_subscriptions WHERE id = ?1")
                                            .setParameter(1, d.subscriptionId())
                                            .executeUpdate();
                                    return false;
                                }
                                default -> {
                                    int attempts = d.attempts() + 1;
                                    boolean again =
                                            result.outcome() == PushSender.Outcome.RETRY
                                                    && attempts <= settings.retries();
                                    if (again) {
                                        work.sql(
                                                        "UPDATE push_deliveries SET attempts = ?2, last_error = ?3"
                                                                + " WHERE id = ?1")
                                                .setParameter(1, d.id())
                                                .setParameter(2, attempts)
                                                .setParameter(3, result.reason())
                                                .executeUpdate();
                                        return true;
                                    }
                                    LOG.warning(
                                            () ->
                                                    "Push delivery "
                                                            + d.id()
                                                            + " to subscription "
                                                            + d.subscriptionId()
                                                            + " given up after "
                                                            + attempts
                                                            + " attempt(s): "
                                                            + result.reason());
                                    work.sql("DELETE FROM push_deliveries WHERE id = ?1")
                                            .setParameter(1, d.id())
                                            .executeUpdate();
                                    work.sql(
                                                    "UPDATE push_subscriptions SET failures = failures + 1"
                                                            + " WHERE id = ?1")
                                            .setParameter(1, d.subscriptionId())
                                            .executeUpdate();
                                    return false;
                                }
                            }
                        });
        if (retry) {
            throw new IllegalStateException(
                    "push delivery "
                            + d.id()
                            + " not accepted ("
                            + result.reason()
                            + "), retrying");
        }
    }
}
