package com.buildcrm.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    private static Map<String, Long> stages;

    @BeforeAll
    static void seed() {
        acme = DB.newTenant("analytics", "Asia/Almaty");
        TenantRef other = DB.newTenant("analytics-other", "Asia/Almaty");
        DB.sql(
                acme,
                "INSERT INTO users (email, name, role, password_hash) VALUES"
                        + " ('marat@acme.kz', 'Marat', 'manager', 'x')");
        marat = DB.number(acme, "SELECT id FROM users WHERE email = 'marat@acme.kz'");
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
                // L2: taken over, won by Marat; he answered after 120 s and, to a burst of two
                // messages, 100 s after its first
                lead("+77010000002", won, "HUMAN", marat, "2026-11-02T06:00:00Z"),
                event("+77010000002", "stage.changed", "{\"toId\": " + inProgress + "}"),
                event("+77010000002", "handoff.requested", "{}"),
                event("+77010000002", "stage.changed", "{\"toId\": " + won + "}"),
                message("+77010000002", "IN", "CLIENT", null, "2026-11-02T06:00:00Z"),
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
                message("+77010000004", "OUT", "AI", null, "2026-10-15T10:00:01Z"));
        DB.sql(
                other,
                lead("+77010000001", DB.stage(other, "WON"), "AI", null, "2026-11-02T05:00:00Z"),
                message("+77010000001", "IN", "CLIENT", null, "2026-11-02T05:00:00Z"),
                message("+77010000001", "OUT", "AI", null, "2026-11-02T05:00:01Z"));
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
        assertThat(times.handling()).isEqualTo(new Handling(3, 2, 1, 0.6667));
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
    void managersGetTheirLeadsWinsAndAnswers() {
        List<ManagerStats> managers = service().managers(FROM, TO).managers();

        assertThat(managers).extracting(ManagerStats::name).containsExactly("Marat", "Owner");
        ManagerStats m = managers.get(0);
        assertThat(m.id()).isEqualTo(marat);
        assertThat(m.role()).isEqualTo("manager");
        assertThat(m.active()).isTrue();
        assertThat(m.leadsAssigned()).isEqualTo(2);
        assertThat(m.won()).isEqualTo(1);
        assertThat(m.responseTime()).isEqualTo(new ResponseTime(2, 110.0, 118.0));
        assertThat(managers.get(1).leadsAssigned()).isZero();
        assertThat(managers.get(1).responseTime()).isEqualTo(new ResponseTime(0, null, null));
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
