package com.buildcrm.health;

import com.buildcrm.health.AdminHealth.Breakers;
import com.buildcrm.health.AdminHealth.ChannelBreakerState;
import com.buildcrm.health.AdminHealth.Database;
import com.buildcrm.health.AdminHealth.Inbox;
import com.buildcrm.health.AdminHealth.Outbox;
import com.buildcrm.health.AdminHealth.Queue;
import com.buildcrm.health.AdminHealth.RecentError;
import com.buildcrm.health.AdminHealth.TenantInbound;
import com.buildcrm.inbox.InboxLimits;
import com.buildcrm.outbox.OutboxSender;
import com.buildcrm.tenancy.Storage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the system's health for the operator: everything comes from the shared {@code platform}
 * schema (one query per section, not one per tenant), plus this instance's channel breakers.
 */
@ApplicationScoped
public class AdminHealthService {

    /** A tenant "normally receives messages" when it got at least this many in the window. */
    static final int NORMAL_MIN_MESSAGES = 2;

    static final Duration WINDOW = Duration.ofDays(7);
    static final Duration MIN_SILENCE = Duration.ofHours(1);
    static final int GAP_FACTOR = 3;

    static final String SILENT_RULE =
            "A tenant whose channel received at least 2 inbound messages in the last 7 days is"
                    + " 'silent' when nothing has arrived for longer than max(1 h, 3 x its typical gap),"
                    + " the typical gap being the 7-day span of its inbound messages divided by their"
                    + " count minus one.";

    @Inject Storage storage;
    @Inject OutboxSender outbox;
    @Inject Clock clock;
    @Inject InboxLimits limits;

    public AdminHealth read() {
        Instant now = clock.instant();
        long started = System.nanoTime();
        try (Connection c = storage.dataSource().getConnection()) {
            c.setReadOnly(true);
            try (PreparedStatement ping = c.prepareStatement("SELECT 1")) {
                ping.executeQuery().close();
            }
            long latency = (System.nanoTime() - started) / 1_000_000;
            List<Queue> queues = queues(c, now);
            Outbox ob = outbox(c, now);
            Inbox ib = inbox(c, now);
            List<TenantInbound> tenants = tenants(c, now);
            List<ChannelBreakerState> breakers = new ArrayList<>();
            for (TenantInbound t : tenants) {
                if (t.provider() != null) {
                    breakers.add(
                            new ChannelBreakerState(
                                    t.id(),
                                    t.slug(),
                                    t.provider(),
                                    outbox.breakerState(t.id()).name()));
                }
            }
            List<RecentError> errors = errors(c, now);
            boolean degraded =
                    ib.poison() > 0
                            || tenants.stream().anyMatch(TenantInbound::silent)
                            || breakers.stream().anyMatch(b -> !"CLOSED".equals(b.state()));
            return new AdminHealth(
                    degraded ? "degraded" : "ok",
                    at(now),
                    new Database(true, latency, null),
                    queues,
                    ob,
                    ib,
                    new Breakers("n/a", breakers),
                    tenants,
                    SILENT_RULE,
                    errors);
        } catch (SQLException | RuntimeException e) {
            return new AdminHealth(
                    "down",
                    at(now),
                    new Database(
                            false,
                            (System.nanoTime() - started) / 1_000_000,
                            e.getClass().getSimpleName()),
                    List.of(),
                    null,
                    null,
                    new Breakers("n/a", List.of()),
                    List.of(),
                    SILENT_RULE,
                    List.of());
        }
    }

    private static List<Queue> queues(Connection c, Instant now) throws SQLException {
        List<Queue> out = new ArrayList<>();
        try (PreparedStatement s =
                c.prepareStatement(
                        "SELECT task_name, count(*),"
                                + " count(*) FILTER (WHERE execution_time <= ? AND NOT picked),"
                                + " min(execution_time) FILTER (WHERE execution_time <= ? AND NOT picked)"
                                + " FROM platform.scheduled_tasks GROUP BY task_name ORDER BY task_name")) {
            s.setTimestamp(1, Timestamp.from(now));
            s.setTimestamp(2, Timestamp.from(now));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(
                            new Queue(
                                    r.getString(1),
                                    r.getLong(2),
                                    r.getLong(3),
                                    age(now, r.getTimestamp(4))));
                }
            }
        }
        return out;
    }

    private static Outbox outbox(Connection c, Instant now) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement(
                        "SELECT count(*) FILTER (WHERE status IN ('PENDING', 'SENDING')),"
                                + " min(created_at) FILTER (WHERE status IN ('PENDING', 'SENDING')),"
                                + " count(*) FILTER (WHERE status = 'FAILED' AND created_at > ?),"
                                + " count(*) FILTER (WHERE status = 'UNKNOWN')"
                                + " FROM platform.outbox")) {
            s.setTimestamp(1, Timestamp.from(now.minus(Duration.ofHours(24))));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return new Outbox(
                        r.getLong(1), age(now, r.getTimestamp(2)), r.getLong(3), r.getLong(4));
            }
        }
    }

    private Inbox inbox(Connection c, Instant now) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement(
                        "SELECT count(*), min(received_at), count(*) FILTER (WHERE attempts >= ?),"
                                + " (SELECT last_error FROM platform.inbox WHERE processed_at IS NULL"
                                + "   AND attempts >= ? ORDER BY id DESC LIMIT 1)"
                                + " FROM platform.inbox WHERE processed_at IS NULL")) {
            s.setInt(1, limits.maxAttempts());
            s.setInt(2, limits.maxAttempts());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return new Inbox(
                        r.getLong(1), age(now, r.getTimestamp(2)), r.getLong(3), r.getString(4));
            }
        }
    }

    private static List<TenantInbound> tenants(Connection c, Instant now) throws SQLException {
        List<TenantInbound> out = new ArrayList<>();
        try (PreparedStatement s =
                c.prepareStatement(
                        "SELECT t.id, t.slug, t.name, t.status, ch.provider, ch.last_inbound_at,"
                                + " coalesce(w.n, 0), w.first_at, w.last_at"
                                + " FROM platform.tenants t"
                                + " LEFT JOIN platform.channels ch ON ch.tenant_id = t.id"
                                + " LEFT JOIN (SELECT tenant_id, count(*) AS n, min(received_at) AS first_at,"
                                + "   max(received_at) AS last_at FROM platform.inbox WHERE received_at > ?"
                                + "   GROUP BY tenant_id) w ON w.tenant_id = t.id"
                                + " ORDER BY t.slug")) {
            s.setTimestamp(1, Timestamp.from(now.minus(WINDOW)));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Instant last = instant(r.getTimestamp(6));
                    long n = r.getLong(7);
                    Instant first = instant(r.getTimestamp(8));
                    Instant lastInWindow = instant(r.getTimestamp(9));
                    Long gap = null;
                    if (n >= NORMAL_MIN_MESSAGES && first != null && lastInWindow != null) {
                        gap = Duration.between(first, lastInWindow).toSeconds() / (n - 1);
                    }
                    Long silentFor = last == null ? null : Duration.between(last, now).toSeconds();
                    boolean silent =
                            r.getString(5) != null
                                    && gap != null
                                    && silentFor != null
                                    && isSilent(silentFor, gap);
                    out.add(
                            new TenantInbound(
                                    r.getLong(1),
                                    r.getString(2),
                                    r.getString(3),
                                    r.getString(4),
                                    r.getString(5),
                                    last == null ? null : at(last),
                                    n,
                                    gap,
                                    silentFor,
                                    silent));
                }
            }
        }
        return out;
    }

    /** The silent-webhook rule (see {@link #SILENT_RULE}). */
    static boolean isSilent(long silentForSeconds, long typicalGapSeconds) {
        long threshold = Math.max(MIN_SILENCE.toSeconds(), GAP_FACTOR * typicalGapSeconds);
        return silentForSeconds > threshold;
    }

    private static List<RecentError> errors(Connection c, Instant now) throws SQLException {
        List<RecentError> out = new ArrayList<>();
        String sql =
                "SELECT * FROM ("
                        + " SELECT 'channel' AS source, ch.tenant_id, t.slug, ch.last_error AS message,"
                        + "   ch.last_error_at AS at FROM platform.channels ch"
                        + "   JOIN platform.tenants t ON t.id = ch.tenant_id WHERE ch.last_error IS NOT NULL"
                        + " UNION ALL"
                        + " SELECT 'outbox', o.tenant_id, t.slug, o.last_error, coalesce(o.sent_at, o.next_attempt_at, o.created_at)"
                        + "   FROM platform.outbox o JOIN platform.tenants t ON t.id = o.tenant_id"
                        + "   WHERE o.last_error IS NOT NULL AND o.created_at > ?"
                        + " UNION ALL"
                        + " SELECT 'inbox', i.tenant_id, t.slug, i.last_error, i.received_at"
                        + "   FROM platform.inbox i JOIN platform.tenants t ON t.id = i.tenant_id"
                        + "   WHERE i.processed_at IS NULL AND i.attempts > 3"
                        + ") e ORDER BY at DESC NULLS LAST LIMIT 30";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setTimestamp(1, Timestamp.from(now.minus(Duration.ofHours(24))));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Instant at = instant(r.getTimestamp(5));
                    out.add(
                            new RecentError(
                                    r.getString(1),
                                    r.getLong(2),
                                    r.getString(3),
                                    r.getString(4),
                                    at == null ? null : at(at)));
                }
            }
        }
        return out;
    }

    private static Long age(Instant now, Timestamp oldest) {
        return oldest == null
                ? null
                : Math.max(0, Duration.between(oldest.toInstant(), now).toSeconds());
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    private static OffsetDateTime at(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
