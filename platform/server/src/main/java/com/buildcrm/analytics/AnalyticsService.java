package com.buildcrm.analytics;

import com.buildcrm.analytics.AnalyticsViews.Calls;
import com.buildcrm.analytics.AnalyticsViews.DayCount;
import com.buildcrm.analytics.AnalyticsViews.FunnelResponse;
import com.buildcrm.analytics.AnalyticsViews.FunnelStage;
import com.buildcrm.analytics.AnalyticsViews.Handling;
import com.buildcrm.analytics.AnalyticsViews.ManagerStats;
import com.buildcrm.analytics.AnalyticsViews.ManagersResponse;
import com.buildcrm.analytics.AnalyticsViews.Period;
import com.buildcrm.analytics.AnalyticsViews.ResponseTime;
import com.buildcrm.analytics.AnalyticsViews.ResponseTimesResponse;
import com.buildcrm.analytics.AnalyticsViews.StageCard;
import com.buildcrm.lead.LeadFilter;
import com.buildcrm.lead.LeadService;
import com.buildcrm.message.MessageAuthor;
import com.buildcrm.tenancy.TenantData;
import com.buildcrm.web.ApiProblem;
import com.buildcrm.web.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Funnel, response times and per-manager numbers of the caller's company, computed in SQL on the
 * tenant's schema (the unit of work's {@code search_path} resolves the unqualified table names).
 */
@ApplicationScoped
public class AnalyticsService {

    /** The longest period one call may cover. */
    static final int MAX_DAYS = 366;

    /** The period when none is given: the last 30 days, today included. */
    static final int DEFAULT_DAYS = 30;

    /** Minutes after a call's due time that still count as on time. */
    static final int CALL_GRACE_MINUTES = 15;

    /** Minutes after its creation within which an "as soon as possible" call counts as on time. */
    static final int ASAP_CALL_MINUTES = 60;

    /** The lead event a person's take-over writes ({@code handoff.Handoffs}). */
    private static final String TAKE_OVER = "handoff.takeover";

    /** Active users of this role are listed in the managers table even with nothing done. */
    private static final String MANAGER = "manager";

    @Inject TenantData data;
    @Inject LeadService leads;
    @Inject Clock clock;

    /** A validated period: instants plus the company's zone. */
    record Range(Instant from, Instant to, ZoneId zone) {
        OffsetDateTime fromUtc() {
            return OffsetDateTime.ofInstant(from, ZoneOffset.UTC);
        }

        OffsetDateTime toUtc() {
            return OffsetDateTime.ofInstant(to, ZoneOffset.UTC);
        }

        Period view() {
            return new Period(
                    OffsetDateTime.ofInstant(from, zone),
                    OffsetDateTime.ofInstant(to, zone),
                    zone.getId());
        }
    }

    /**
     * A stage with its leads of the period: a typed projection of {@link #COLUMNS} (over {@code
     * stages st} and the period's leads {@code l}).
     *
     * @param current the period's leads now in the stage
     * @param reached the period's leads that are or were in the stage (all of them for NEW)
     */
    private record FunnelRow(StageCard stage, long current, long reached) {

        /** The select list {@link #of} reads, in its order. */
        static final String COLUMNS =
                "st.id, st.name, st.role, st.position, st.color,"
                        + " (SELECT count(*) FROM l WHERE l.stage_id = st.id),"
                        + " (SELECT count(*) FROM l WHERE l.stage_id = st.id"
                        + "   OR st.role = 'NEW'"
                        + "   OR EXISTS (SELECT 1 FROM lead_events e WHERE e.lead_id = l.id"
                        + "     AND e.type = 'stage.changed'"
                        + "     AND (e.details->>'toId' = st.id::text"
                        + "       OR (e.details->>'toId' IS NULL AND e.details->>'toRole' = st.role))))";

        static FunnelRow of(Object[] r) {
            return new FunnelRow(
                    new StageCard(
                            num(r[0]),
                            (String) r[1],
                            (String) r[2],
                            (int) num(r[3]),
                            (String) r[4]),
                    num(r[5]),
                    num(r[6]));
        }
    }

    public FunnelResponse funnel(String from, String to) {
        return data.tx(
                em -> {
                    Range r = range(from, to);
                    @SuppressWarnings("unchecked")
                    List<Object[]> rows =
                            em.createNativeQuery(
                                            "WITH l AS (SELECT id, stage_id FROM leads WHERE created_at >= ?1 AND created_at < ?2)"
                                                    + " SELECT "
                                                    + FunnelRow.COLUMNS
                                                    + " FROM stages st ORDER BY st.position, st.id")
                                    .setParameter(1, r.fromUtc())
                                    .setParameter(2, r.toUtc())
                                    .getResultList();
                    List<FunnelStage> stages = new ArrayList<>();
                    Long previous = null;
                    for (Object[] r0 : rows) {
                        FunnelRow row = FunnelRow.of(r0);
                        long reached = row.reached();
                        Double conversion =
                                previous == null || previous == 0
                                        ? null
                                        : round((double) reached / previous);
                        stages.add(
                                new FunnelStage(row.stage(), row.current(), reached, conversion));
                        previous = reached;
                    }
                    long total =
                            num(
                                    em.createNativeQuery(
                                                    "SELECT count(*) FROM leads WHERE created_at >= ?1 AND created_at < ?2")
                                            .setParameter(1, r.fromUtc())
                                            .setParameter(2, r.toUtc())
                                            .getSingleResult());
                    return new FunnelResponse(r.view(), total, stages);
                });
    }

    public ResponseTimesResponse responseTimes(String from, String to) {
        return data.tx(
                em -> {
                    Range r = range(from, to);
                    Map<String, ResponseTime> byAuthor = new HashMap<>();
                    @SuppressWarnings("unchecked")
                    List<Object[]> rows =
                            em.createNativeQuery(
                                            answers()
                                                    + " SELECT author, count(*),"
                                                    + " percentile_cont(0.5) WITHIN GROUP (ORDER BY secs),"
                                                    + " percentile_cont(0.9) WITHIN GROUP (ORDER BY secs)"
                                                    + " FROM answers GROUP BY author")
                                    .setParameter(1, r.fromUtc())
                                    .setParameter(2, r.toUtc())
                                    .getResultList();
                    rows.forEach(
                            row ->
                                    byAuthor.put(
                                            (String) row[0],
                                            new ResponseTime(
                                                    num(row[1]), dbl(row[2]), dbl(row[3]))));
                    ResponseTime none = new ResponseTime(0, null, null);

                    Map<String, Long> perDay = new HashMap<>();
                    @SuppressWarnings("unchecked")
                    List<Object[]> days =
                            em.createNativeQuery(
                                            "SELECT to_char(created_at AT TIME ZONE ?3, 'YYYY-MM-DD'), count(*) FROM leads WHERE created_at >= ?1 AND created_at < ?2 GROUP BY 1")
                                    .setParameter(1, r.fromUtc())
                                    .setParameter(2, r.toUtc())
                                    .setParameter(3, r.zone().getId())
                                    .getResultList();
                    days.forEach(d -> perDay.put((String) d[0], num(d[1])));
                    List<DayCount> leadsPerDay = new ArrayList<>();
                    LocalDate last = r.to().minusNanos(1).atZone(r.zone()).toLocalDate();
                    for (LocalDate d = r.from().atZone(r.zone()).toLocalDate();
                            !d.isAfter(last);
                            d = d.plusDays(1)) {
                        leadsPerDay.add(
                                new DayCount(d.toString(), perDay.getOrDefault(d.toString(), 0L)));
                    }

                    Object[] h =
                            (Object[])
                                    em.createNativeQuery(
                                                    "SELECT count(*), count(*) FILTER (WHERE l.handled_by = 'AI'"
                                                            + " AND NOT EXISTS (SELECT 1 FROM lead_events e WHERE e.lead_id = l.id AND e.type LIKE 'handoff.%'))"
                                                            + " FROM leads l WHERE l.created_at >= ?1 AND l.created_at < ?2")
                                            .setParameter(1, r.fromUtc())
                                            .setParameter(2, r.toUtc())
                                            .getSingleResult();
                    long total = num(h[0]);
                    long ai = num(h[1]);
                    Calls calls = calls(em, r);
                    return new ResponseTimesResponse(
                            r.view(),
                            byAuthor.getOrDefault(MessageAuthor.AI.name(), none),
                            byAuthor.getOrDefault(MessageAuthor.HUMAN.name(), none),
                            leadsPerDay,
                            new Handling(
                                    total,
                                    ai,
                                    total - ai,
                                    total == 0 ? null : round((double) ai / total)),
                            calls);
                });
    }

    /** Call tasks due in the period: on time, late, missed (see {@link Calls}). */
    private Calls calls(EntityManager em, Range r) {
        Object[] c = (Object[]) callsQuery(em, r, "SELECT 0 AS who, ", " FROM c").getSingleResult();
        return new Calls(num(c[1]), num(c[2]), num(c[3]));
    }

    /** {@link #calls} per assignee of the call task (tasks without one count for nobody). */
    private Map<Long, Calls> callsByAssignee(EntityManager em, Range r) {
        Map<Long, Calls> byUser = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                callsQuery(
                                em,
                                r,
                                "SELECT assignee_id, ",
                                " FROM c WHERE assignee_id IS NOT NULL GROUP BY assignee_id")
                        .getResultList();
        rows.forEach(c -> byUser.put(num(c[0]), new Calls(num(c[1]), num(c[2]), num(c[3]))));
        return byUser;
    }

    private Query callsQuery(EntityManager em, Range r, String select, String from) {
        return em.createNativeQuery(
                        "WITH c AS (SELECT assignee_id, done_at, CASE WHEN due_at IS NULL"
                                + " THEN created_at + make_interval(mins => ?3)"
                                + " ELSE due_at + make_interval(mins => ?4) END AS deadline"
                                + " FROM lead_tasks WHERE kind = 'CALL'"
                                + " AND COALESCE(due_at, created_at) >= ?1"
                                + " AND COALESCE(due_at, created_at) < ?2) "
                                + select
                                + "count(*) FILTER (WHERE done_at <= deadline),"
                                + " count(*) FILTER (WHERE done_at > deadline),"
                                + " count(*) FILTER (WHERE done_at IS NULL AND deadline < ?5)"
                                + from)
                .setParameter(1, r.fromUtc())
                .setParameter(2, r.toUtc())
                .setParameter(3, ASAP_CALL_MINUTES)
                .setParameter(4, CALL_GRACE_MINUTES)
                .setParameter(5, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    /**
     * A user with the period's leads assigned to them: a typed projection of {@link #COLUMNS} (over
     * {@code users u}, their leads {@code l} and those leads' stages {@code st}).
     */
    private record ManagerRow(
            long id, String name, String role, boolean active, long leads, long won) {

        /** The select list {@link #of} reads, in its order. */
        static final String COLUMNS =
                "u.id, u.name, u.role, u.status,"
                        + " count(l.id), count(l.id) FILTER (WHERE st.role = 'WON')";

        static ManagerRow of(Object[] r) {
            return new ManagerRow(
                    num(r[0]),
                    (String) r[1],
                    (String) r[2],
                    "ACTIVE".equals(r[3]),
                    num(r[4]),
                    num(r[5]));
        }
    }

    public ManagersResponse managers(String from, String to) {
        return data.tx(
                em -> {
                    Range r = range(from, to);
                    Map<Long, Long> replies =
                            countsByUser(
                                    em,
                                    r,
                                    "SELECT author_id, count(*) FROM messages WHERE direction = 'OUT'"
                                            + " AND author = 'HUMAN' AND author_id IS NOT NULL"
                                            + " AND created_at >= ?1 AND created_at < ?2 GROUP BY author_id");
                    Map<Long, Long> takeOvers =
                            countsByUser(
                                    em,
                                    r,
                                    "SELECT actor_id, count(*) FROM lead_events WHERE type = '"
                                            + TAKE_OVER
                                            + "' AND actor_id IS NOT NULL"
                                            + " AND created_at >= ?1 AND created_at < ?2 GROUP BY actor_id");
                    Map<Long, ResponseTime> firstResponses = new HashMap<>();
                    @SuppressWarnings("unchecked")
                    List<Object[]> rows =
                            em.createNativeQuery(
                                            firstResponses()
                                                    + " SELECT user_id, count(*),"
                                                    + " percentile_cont(0.5) WITHIN GROUP (ORDER BY secs),"
                                                    + " percentile_cont(0.9) WITHIN GROUP (ORDER BY secs)"
                                                    + " FROM firsts GROUP BY user_id")
                                    .setParameter(1, r.fromUtc())
                                    .setParameter(2, r.toUtc())
                                    .getResultList();
                    rows.forEach(
                            row ->
                                    firstResponses.put(
                                            num(row[0]),
                                            new ResponseTime(
                                                    num(row[1]), dbl(row[2]), dbl(row[3]))));
                    Map<Long, Calls> calls = callsByAssignee(em, r);
                    @SuppressWarnings("unchecked")
                    List<Object[]> users =
                            em.createNativeQuery(
                                            "SELECT "
                                                    + ManagerRow.COLUMNS
                                                    + " FROM users u LEFT JOIN leads l ON l.assignee_id = u.id AND l.created_at >= ?1 AND l.created_at < ?2"
                                                    + " LEFT JOIN stages st ON st.id = l.stage_id"
                                                    + " GROUP BY u.id, u.name, u.role, u.status ORDER BY u.name, u.id")
                                    .setParameter(1, r.fromUtc())
                                    .setParameter(2, r.toUtc())
                                    .getResultList();
                    ResponseTime none = new ResponseTime(0, null, null);
                    Calls noCalls = new Calls(0, 0, 0);
                    List<ManagerStats> result = new ArrayList<>();
                    for (Object[] r0 : users) {
                        ManagerRow u = ManagerRow.of(r0);
                        ManagerStats stats =
                                new ManagerStats(
                                        u.id(),
                                        u.name(),
                                        u.role(),
                                        u.active(),
                                        u.leads(),
                                        u.won(),
                                        replies.getOrDefault(u.id(), 0L),
                                        takeOvers.getOrDefault(u.id(), 0L),
                                        firstResponses.getOrDefault(u.id(), none),
                                        calls.getOrDefault(u.id(), noCalls));
                        if ((u.active() && MANAGER.equals(u.role())) || worked(stats)) {
                            result.add(stats);
                        }
                    }
                    return new ManagersResponse(r.view(), result);
                });
    }

    /** Whether the user did anything the managers table counts in the period. */
    private static boolean worked(ManagerStats s) {
        Calls c = s.calls();
        return s.leadsAssigned() > 0
                || s.humanReplies() > 0
                || s.takeOvers() > 0
                || s.firstResponse().responses() > 0
                || c.onTime() + c.late() + c.missed() > 0;
    }

    /** {@code SELECT user_id, count} rows of the period (parameters ?1 and ?2) as a map. */
    private static Map<Long, Long> countsByUser(EntityManager em, Range r, String sql) {
        Map<Long, Long> counts = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery(sql)
                        .setParameter(1, r.fromUtc())
                        .setParameter(2, r.toUtc())
                        .getResultList();
        rows.forEach(row -> counts.put(num(row[0]), num(row[1])));
        return counts;
    }

    /**
     * A person's first response to a lead that became theirs: per user and lead, the moment in the
     * period the lead first became theirs (their take-over, or an assignment to them — by the rule,
     * by hand or by a take-over), and the seconds until their first message to the client at or
     * after it. Leads they have not answered yet give no row.
     */
    private static String firstResponses() {
        return "WITH owned AS (SELECT user_id, lead_id, min(at) AS since FROM ("
                + " SELECT actor_id AS user_id, lead_id, created_at AS at FROM lead_events"
                + " WHERE type = '"
                + TAKE_OVER
                + "' AND actor_id IS NOT NULL AND created_at >= ?1 AND created_at < ?2"
                + " UNION ALL SELECT (details->>'assigneeId')::bigint, lead_id, created_at FROM lead_events"
                + " WHERE type = 'lead.assigned' AND details->>'assigneeId' IS NOT NULL"
                + " AND created_at >= ?1 AND created_at < ?2) s GROUP BY user_id, lead_id),"
                + " firsts AS (SELECT o.user_id,"
                + " EXTRACT(EPOCH FROM (f.created_at - o.since))::float8 AS secs"
                + " FROM owned o JOIN LATERAL (SELECT m.created_at FROM messages m"
                + " WHERE m.lead_id = o.lead_id AND m.direction = 'OUT' AND m.author = 'HUMAN'"
                + " AND m.author_id = o.user_id AND m.created_at >= o.since"
                + " ORDER BY m.created_at, m.id LIMIT 1) f ON true)";
    }

    /**
     * Our answers to clients: for each client message written in the period that opens a wait (the
     * lead's first message, or the first after one of ours), the next message of ours, its author
     * and the delay in seconds.
     */
    private static String answers() {
        return "WITH m AS (SELECT id, lead_id, direction, created_at,"
                + " LAG(direction) OVER (PARTITION BY lead_id ORDER BY created_at, id) AS prev"
                + " FROM messages),"
                + " starts AS (SELECT id, lead_id, created_at FROM m WHERE direction = 'IN'"
                + " AND (prev IS NULL OR prev = 'OUT') AND created_at >= ?1 AND created_at < ?2),"
                + " answers AS (SELECT r.author, r.author_id,"
                + " EXTRACT(EPOCH FROM (r.created_at - st.created_at))::float8 AS secs"
                + " FROM starts st JOIN LATERAL (SELECT o.author, o.author_id, o.created_at FROM messages o WHERE o.lead_id = st.lead_id AND o.direction = 'OUT'"
                + " AND o.id > st.id ORDER BY o.id LIMIT 1) r ON true)";
    }

    /**
     * {@code from}/{@code to} as dates or date-times in the company's zone; default: last 30 days.
     */
    private Range range(String from, String to) {
        ZoneId zone = leads.zone();
        List<FieldError> errors = new ArrayList<>();
        Instant end =
                to == null || to.isBlank()
                        ? LocalDate.now(clock.withZone(zone))
                                .plusDays(1)
                                .atStartOfDay(zone)
                                .toInstant()
                        : LeadFilter.instant("to", to, zone, true, errors);
        Instant start =
                from == null || from.isBlank()
                        ? (end == null
                                ? null
                                : end.atZone(zone).minusDays(DEFAULT_DAYS).toInstant())
                        : LeadFilter.instant("from", from, zone, false, errors);
        if (errors.isEmpty()) {
            if (!start.isBefore(end)) {
                errors.add(new FieldError("to", "must be after from"));
            } else if (ChronoUnit.DAYS.between(start, end) > MAX_DAYS) {
                errors.add(new FieldError("from", "the period is at most " + MAX_DAYS + " days"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.badRequest("The request has invalid query parameters", errors);
        }
        return new Range(start, end, zone);
    }

    private static long num(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    private static Double dbl(Object o) {
        return o == null ? null : round(((Number) o).doubleValue());
    }

    private static Double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
