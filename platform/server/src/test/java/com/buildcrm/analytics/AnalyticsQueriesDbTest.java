package com.buildcrm.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.buildcrm.analytics.AnalyticsViews.Calls;
import com.buildcrm.analytics.AnalyticsViews.DayCount;
import com.buildcrm.analytics.AnalyticsViews.FunnelResponse;
import com.buildcrm.analytics.AnalyticsViews.FunnelStage;
import com.buildcrm.analytics.AnalyticsViews.Handling;
import com.buildcrm.analytics.AnalyticsViews.ManagerStats;
import com.buildcrm.analytics.AnalyticsViews.ResponseTime;
import com.buildcrm.analytics.AnalyticsViews.ResponseTimesResponse;
import com.buildcrm.lead.LeadService;
import com.buildcrm.tenancy.DbTier;
import com.buildcrm.tenancy.TenantData;
import com.buildcrm.tenancy.TenantRef;
import com.buildcrm.web.ApiProblem;
import java.lang.reflect.Field;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The analytics aggregates (funnel, response-time percentiles, leads per day in the company's zone,
 * AI handling share, per-manager numbers) computed by PostgreSQL on a small known dataset, through
 * {@link AnalyticsService}. Rows outside the period, and another company's rows, must not count.
 */
class AnalyticsQueriesDbTest {

    private static final DbTier DB = DbTier.get();
    private static final String FROM = "2026-11-01";
    private static final String TO = "2026-11-30";
    private static TenantRef acme;
    private static long marat;
    private static long owner;
    private static Map<String, Long> stages;

    @BeforeAll
    static void seed() {
        acme = DB.newTenant("analytics", "Asia/Almaty");
        TenantRef other = DB.newTenant("analytics-other", "Asia/Almaty");
        DB.sql(
                acme,
                "INSERT INTO users (email, name, role, password_hash) VALUES"
                        + " ('marat@acme.kz', 'Marat', 'manager', 'x'),"
                        + " ('rita@acme.kz', 'Rita', 'rop', 'x'),"
                        + " ('zarina@acme.kz', 'Zarina', 'manager', 'x')");
        marat = DB.number(acme, "SELECT id FROM users WHERE email = 'marat@acme.kz'");
        owner = DB.number(acme, "SELECT id FROM users WHERE role = 'owner'");
        stages =
                DB.column(acme, "SELECT role FROM stages").stream()
                        .map(String::valueOf)
                        .collect(Collectors.toMap(r -> r, r -> DB.stage(acme, r)));
        long inProgress = stages.get("IN_PROGRESS");
        long won = stages.get("WON");
        DB.sql(
                acme,
                // L1: AI-led, in progress, Marat's; the AI answered after 10 s and 30 s
                lead("+77010000001", inProgress, "AI", marat, "2026-11-02T05:00:00Z"),
                message("+77010000001", "IN", "CLIENT", null, "2026-11-02T05:00:00Z"),
                message("+77010000001", "OUT", "AI", null, "2026-11-02T05:00:10Z"),
                message("+77010000001", "IN", "CLIENT", null, "2026-11-02T05:01:40Z"),
                message("+77010000001", "OUT", "AI", null, "2026-11-02T05:02:10Z"),
                // ... assigned to Marat by the rule, who never wrote; then the owner took the
                // conversation over after the AI had answered and wrote 2 min later
                event(
                        "+77010000001",
                        "lead.assigned",
                        "SYSTEM",
                        null,
                        "{\"assigneeId\": " + marat + "}",
                        "2026-11-02T05:00:01Z"),
                event(
                        "+77010000001",
                        "handoff.takeover",
                        "HUMAN",
                        owner,
                        "{}",
                        "2026-11-02T05:10:00Z"),
                message("+77010000001", "OUT", "HUMAN", owner, "2026-11-02T05:12:00Z"),
                // L2: taken over, won by Marat; he answered after 120 s and, to a burst of two
                // messages, 100 s after its first
                lead("+77010000002", won, "HUMAN", marat, "2026-11-02T06:00:00Z"),
                event("+77010000002", "stage.changed", "{\"toId\": " + inProgress + "}"),
                event("+77010000002", "handoff.requested", "{}"),
                event("+77010000002", "stage.changed", "{\"toId\": " + won + "}"),
                message("+77010000002", "IN", "CLIENT", null, "2026-11-02T06:00:00Z"),
                // assigned to Marat at 06:00:30, taken over by him at 06:01: his first response
                // counts from the assignment, the earlier of the two
                event(
                        "+77010000002",
                        "lead.assigned",
                        "SYSTEM",
                        null,
                        "{\"assigneeId\": " + marat + "}",
                        "2026-11-02T06:00:30Z"),
                event(
                        "+77010000002",
                        "handoff.takeover",
                        "HUMAN",
                        marat,
                        "{}",
                        "2026-11-02T06:01:00Z"),
                message("+77010000002", "OUT", "HUMAN", marat, "2026-11-02T06:02:00Z"),
                message("+77010000002", "IN", "CLIENT", null, "2026-11-02T06:03:20Z"),
                message("+77010000002", "IN", "CLIENT", null, "2026-11-02T06:03:30Z"),
                message("+77010000002", "OUT", "HUMAN", marat, "2026-11-02T06:05:00Z"),
                // L3: new, unanswered; created at 00:30 on 4 November in Almaty (UTC+5)
                lead("+77010000003", stages.get("NEW"), "AI", null, "2026-11-03T19:30:00Z"),
                message("+77010000003", "IN", "CLIENT", null, "2026-11-03T19:30:00Z"),
                // L4: before the period (won, Marat's, answered at once): counts nowhere
                lead("+77010000004", won, "AI", marat, "2026-10-15T10:00:00Z"),
                message("+77010000004", "IN", "CLIENT", null, "2026-10-15T10:00:00Z"),
                message("+77010000004", "OUT", "AI", null, "2026-10-15T10:00:01Z"),
                event(
                        "+77010000004",
                        "handoff.takeover",
                        "HUMAN",
                        marat,
                        "{}",
                        "2026-10-15T10:05:00Z"),
                message("+77010000004", "OUT", "HUMAN", marat, "2026-10-15T10:06:00Z"),
                // Marat's calls: one on time (within 15 min of its due time), one missed (still
                // open on 20 November), one due after the period (counts nowhere)
                call("+77010000002", marat, "2026-11-05T10:00:00Z", "2026-11-05T10:10:00Z"),
                call("+77010000002", marat, "2026-11-06T10:00:00Z", null),
                call("+77010000002", marat, "2026-12-06T10:00:00Z", null));
        DB.sql(
                other,
                lead("+77010000001", DB.stage(other, "WON"), "AI", null, "2026-11-02T05:00:00Z"),
                message("+77010000001", "IN", "CLIENT", null, "2026-11-02T05:00:00Z"),
                message("+77010000001", "OUT", "AI", null, "2026-11-02T05:00:01Z"),
                // user ids overlap between companies: here Marat's and the owner's ids take over,
                // write, are assigned and get calls, which must not count for acme
                "INSERT INTO users (email, name, role, password_hash) VALUES"
                        + " ('ghost@other.kz', 'Ghost', 'manager', 'x')",
                event(
                        "+77010000001",
                        "lead.assigned",
                        "SYSTEM",
                        null,
                        "{\"assigneeId\": " + marat + "}",
                        "2026-11-02T05:00:02Z"),
                event(
                        "+77010000001",
                        "handoff.takeover",
                        "HUMAN",
                        marat,
                        "{}",
                        "2026-11-02T05:00:03Z"),
                event(
                        "+77010000001",
                        "handoff.takeover",
                        "HUMAN",
                        owner,
                        "{}",
                        "2026-11-02T05:00:04Z"),
                message("+77010000001", "OUT", "HUMAN", marat, "2026-11-02T05:00:05Z"),
                message("+77010000001", "OUT", "HUMAN", owner, "2026-11-02T05:00:06Z"),
                call("+77010000001", marat, "2026-11-05T10:00:00Z", "2026-11-05T10:00:00Z"));
        assertThat(DB.number(other, "SELECT id FROM users WHERE name = 'Ghost'"))
                .as("the other company has a user with Marat's id")
                .isEqualTo(marat);
    }

    private static String call(String phone, long assignee, String dueAt, String doneAt) {
        return "INSERT INTO lead_tasks (lead_id, kind, title, due_at, source, assignee_id, done_at,"
                + " created_at) SELECT id, 'CALL', 'Позвонить', '"
                + dueAt
                + "', 'USER', "
                + assignee
                + ", "
                + (doneAt == null ? "NULL" : "'" + doneAt + "'")
                + ", '2026-11-01T00:00:00Z' FROM leads WHERE phone = '"
                + phone
                + "'";
    }

    private static String lead(
            String phone, long stage, String handledBy, Long assignee, String createdAt) {
        return "INSERT INTO leads (phone, stage_id, handled_by, assignee_id, created_at) VALUES ('"
                + phone
                + "', "
                + stage
                + ", '"
                + handledBy
                + "', "
                + (assignee == null ? "NULL" : assignee)
                + ", '"
                + createdAt
                + "')";
    }

    private static String message(
            String phone, String direction, String author, Long authorId, String at) {
        return "INSERT INTO messages (lead_id, direction, author, author_id, kind, text, status,"
                + " created_at) SELECT id, '"
                + direction
                + "', '"
                + author
                + "', "
                + (authorId == null ? "NULL" : authorId)
                + ", 'text', 'x', '"
                + (direction.equals("IN") ? "RECEIVED" : "SENT")
                + "', '"
                + at
                + "' FROM leads WHERE phone = '"
                + phone
                + "'";
    }

    private static String event(
            String phone, String type, String actor, Long actorId, String details, String at) {
        return "INSERT INTO lead_events (lead_id, type, actor, actor_id, details, created_at)"
                + " SELECT id, '"
                + type
                + "', '"
                + actor
                + "', "
                + (actorId == null ? "NULL" : actorId)
                + ", '"
                + details
                + "'::jsonb, '"
                + at
                + "' FROM leads WHERE phone = '"
                + phone
                + "'";
    }

    private static String event(String phone, String type, String details) {
        return "INSERT INTO lead_events (lead_id, type, actor, details) SELECT id, '"
                + type
                + "', 'HUMAN', '"
                + details
                + "'::jsonb FROM leads WHERE phone = '"
                + phone
                + "'";
    }

    private static AnalyticsService service() {
        TenantData data = DB.data(acme, 1, "owner");
        LeadService leads = new LeadService();
        set(leads, "data", data);
        set(leads, "directory", DB.directory());
        AnalyticsService service = new AnalyticsService();
        service.data = data;
        service.leads = leads;
        service.clock = Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"), ZoneOffset.UTC);
        return service;
    }

    /** LeadService lives in another package; its injected field is set as CDI would. */
    private static void set(Object target, String field, Object value) {
        try {
            Field f = target.getClass().getDeclaredField(field);
            f.setAccessible(true);
            f.set(target, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theFunnelCountsCurrentAndReachedStages() {
        FunnelResponse funnel = service().funnel(FROM, TO);

        assertThat(funnel.leads()).isEqualTo(3);
        assertThat(funnel.period().timezone()).isEqualTo("Asia/Almaty");
        Map<String, FunnelStage> byRole =
                funnel.stages().stream()
                        .collect(Collectors.toMap(s -> s.stage().role(), Function.identity()));
        assertThat(byRole).hasSize(stages.size());
        assertThat(byRole.get("NEW").current()).isEqualTo(1);
        assertThat(byRole.get("NEW").reached()).as("every lead starts as new").isEqualTo(3);
        assertThat(byRole.get("IN_PROGRESS").current()).isEqualTo(1);
        assertThat(byRole.get("IN_PROGRESS").reached())
                .as("now there, or moved there")
                .isEqualTo(2);
        assertThat(byRole.get("WON").current()).isEqualTo(1);
        assertThat(byRole.get("WON").reached()).isEqualTo(1);
        assertThat(byRole.get("LOST").reached()).isZero();
        // in position order, each conversion is reached / the previous stage's reached
        List<FunnelStage> ordered = funnel.stages();
        assertThat(ordered.get(0).stage().role()).isEqualTo("NEW");
        assertThat(ordered.get(0).conversionFromPrevious()).isNull();
        for (int i = 1; i < ordered.size(); i++) {
            long previous = ordered.get(i - 1).reached();
            Double expected =
                    previous == 0
                            ? null
                            : Math.round((double) ordered.get(i).reached() / previous * 10_000)
                                    / 10_000.0;
            assertThat(ordered.get(i).conversionFromPrevious()).isEqualTo(expected);
        }
    }

    @Test
    void responseTimesArePercentilesOfFirstAnswers() {
        ResponseTimesResponse times = service().responseTimes(FROM, TO);

        assertThat(times.ai()).isEqualTo(new ResponseTime(2, 20.0, 28.0));
        assertThat(times.human()).isEqualTo(new ResponseTime(2, 110.0, 118.0));
        // L1 was taken over by the owner after the AI had answered: only L3 stayed with the AI
        assertThat(times.handling()).isEqualTo(new Handling(3, 1, 2, 0.3333));
        assertThat(times.leadsPerDay()).hasSize(30);
        assertThat(times.leadsPerDay().get(0)).isEqualTo(new DayCount("2026-11-01", 0));
        assertThat(times.leadsPerDay())
                .contains(
                        new DayCount("2026-11-02", 2),
                        new DayCount("2026-11-03", 0),
                        new DayCount("2026-11-04", 1));
        assertThat(times.leadsPerDay().stream().mapToLong(DayCount::leads).sum()).isEqualTo(3);
    }

    @Test
    void managersGetTheirLeadsRepliesTakeOversFirstResponsesAndCalls() {
        List<ManagerStats> managers = service().managers(FROM, TO).managers();

        // Rita (a ROP who did nothing) is left out; Zarina, an active manager, shows with zeros
        assertThat(managers)
                .extracting(ManagerStats::name)
                .containsExactly("Marat", "Owner", "Zarina");
        ManagerStats m = managers.get(0);
        assertThat(m.id()).isEqualTo(marat);
        assertThat(m.role()).isEqualTo("manager");
        assertThat(m.active()).isTrue();
        assertThat(m.leadsAssigned()).isEqualTo(2);
        assertThat(m.won()).isEqualTo(1);
        assertThat(m.humanReplies())
                .as("two on L2; October's and the other company's not")
                .isEqualTo(2);
        assertThat(m.takeOvers()).isEqualTo(1);
        // L2: assigned 06:00:30, first message 06:02:00; L1 assigned but never answered by him
        assertThat(m.firstResponse()).isEqualTo(new ResponseTime(1, 90.0, 90.0));
        assertThat(m.calls()).isEqualTo(new Calls(1, 0, 1));

        // the owner took over L1 after the AI had answered and wrote two minutes later
        ManagerStats o = managers.get(1);
        assertThat(o.id()).isEqualTo(owner);
        assertThat(o.role()).isEqualTo("owner");
        assertThat(o.leadsAssigned()).isZero();
        assertThat(o.humanReplies()).isEqualTo(1);
        assertThat(o.takeOvers()).isEqualTo(1);
        assertThat(o.firstResponse()).isEqualTo(new ResponseTime(1, 120.0, 120.0));
        assertThat(o.calls()).isEqualTo(new Calls(0, 0, 0));

        ManagerStats z = managers.get(2);
        assertThat(z.humanReplies() + z.takeOvers() + z.leadsAssigned()).isZero();
        assertThat(z.firstResponse()).isEqualTo(new ResponseTime(0, null, null));
    }

    @Test
    void theDefaultPeriodIsTheLast30DaysAndAnInvalidOneIsRefused() {
        FunnelResponse funnel = service().funnel(null, null);
        // the fixed clock: 20 November; 30 days back from the end of that day
        assertThat(funnel.period().from().toLocalDate()).hasToString("2026-10-22");
        assertThat(funnel.period().to().toLocalDate()).hasToString("2026-11-21");
        assertThat(funnel.leads()).isEqualTo(3);
        assertThatThrownBy(() -> service().funnel("2026-11-30", "2026-11-01"))
                .isInstanceOfSatisfying(
                        ApiProblem.class, p -> assertThat(p.status()).isEqualTo(400));
    }
}
