package com.buildcrm.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildcrm.analytics.AnalyticsViews.Calls;
import com.buildcrm.lead.LeadService;
import com.buildcrm.tenancy.DbTier;
import com.buildcrm.tenancy.TenantData;
import com.buildcrm.tenancy.TenantRef;
import java.lang.reflect.Field;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Calls made on time, late and missed, counted by PostgreSQL from call tasks due in the period: due
 * time + 15 min grace, "as soon as possible" calls within 60 min of their creation. To-dos, calls
 * due outside the period, open calls not yet late, and another company's calls do not count.
 */
class CallAnalyticsDbTest {

    private static final DbTier DB = DbTier.get();
    private static TenantRef acme;

    @BeforeAll
    static void seed() {
        acme = DB.newTenant("calls", "Asia/Almaty");
        TenantRef other = DB.newTenant("calls-other", "Asia/Almaty");
        DB.sql(
                acme,
                "INSERT INTO leads (phone, stage_id) VALUES ('+77010000001', "
                        + DB.stage(acme, "CALL_REQUESTED")
                        + ")",
                // on time: done 10 min after the due time
                task(
                        "CALL",
                        "'2026-11-10T09:00:00Z'",
                        "'2026-11-10T09:10:00Z'",
                        "2026-11-09T12:00:00Z"),
                // on time: done before the due time
                task(
                        "CALL",
                        "'2026-11-11T09:00:00Z'",
                        "'2026-11-11T08:00:00Z'",
                        "2026-11-10T12:00:00Z"),
                // late: 16 min after
                task(
                        "CALL",
                        "'2026-11-12T09:00:00Z'",
                        "'2026-11-12T09:16:00Z'",
                        "2026-11-11T12:00:00Z"),
                // missed: never done
                task("CALL", "'2026-11-13T09:00:00Z'", "NULL", "2026-11-12T12:00:00Z"),
                // as soon as possible: done in 50 min (on time), in 2 h (late), never (missed)
                task("CALL", "NULL", "'2026-11-14T09:50:00Z'", "2026-11-14T09:00:00Z"),
                task("CALL", "NULL", "'2026-11-15T11:00:00Z'", "2026-11-15T09:00:00Z"),
                task("CALL", "NULL", "NULL", "2026-11-16T09:00:00Z"),
                // open, due after "now" (2026-11-20T12:00Z): not late yet, counts nowhere
                task("CALL", "'2026-11-20T12:10:00Z'", "NULL", "2026-11-19T12:00:00Z"),
                // open asap created 30 min before now: not late yet
                task("CALL", "NULL", "NULL", "2026-11-20T11:30:00Z"),
                // a to-do, missed: not a call
                task("TODO", "'2026-11-13T09:00:00Z'", "NULL", "2026-11-12T12:00:00Z"),
                // due before the period
                task("CALL", "'2026-10-13T09:00:00Z'", "NULL", "2026-10-12T12:00:00Z"));
        DB.sql(
                other,
                "INSERT INTO leads (phone, stage_id) VALUES ('+77010000001', "
                        + DB.stage(other, "CALL_REQUESTED")
                        + ")",
                task("CALL", "'2026-11-13T09:00:00Z'", "NULL", "2026-11-12T12:00:00Z"));
    }

    private static String task(String kind, String dueAt, String doneAt, String createdAt) {
        return "INSERT INTO lead_tasks (lead_id, kind, title, due_at, done_at, source, created_at)"
                + " SELECT id, '"
                + kind
                + "', 'Позвонить', "
                + dueAt
                + ", "
                + doneAt
                + ", 'USER', '"
                + createdAt
                + "' FROM leads";
    }

    private static AnalyticsService service() {
        TenantData data = DB.data(acme, 1, "owner");
        LeadService leads = new LeadService();
        try {
            Field f = LeadService.class.getDeclaredField("data");
            f.setAccessible(true);
            f.set(leads, data);
            Field d = LeadService.class.getDeclaredField("directory");
            d.setAccessible(true);
            d.set(leads, DB.directory());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        AnalyticsService service = new AnalyticsService();
        service.data = data;
        service.leads = leads;
        service.clock = Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"), ZoneOffset.UTC);
        return service;
    }

    @Test
    void callsAreOnTimeLateOrMissed() {
        Calls calls = service().responseTimes("2026-11-01", "2026-11-30").calls();

        assertThat(calls).isEqualTo(new Calls(3, 2, 2));
    }

    @Test
    void aPeriodWithoutCallsCountsNothing() {
        assertThat(service().responseTimes("2026-09-01", "2026-09-30").calls())
                .isEqualTo(new Calls(0, 0, 0));
    }
}
