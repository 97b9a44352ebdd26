package com.buildcrm.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildcrm.followup.QuietHours;
import com.buildcrm.notify.AlertKind;
import com.buildcrm.notify.LeadAlert;
import com.buildcrm.tenancy.DbTier;
import com.buildcrm.tenancy.TenantData;
import com.buildcrm.tenancy.TenantRef;
import com.buildcrm.tenancy.TenantWork;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who a lead alert reaches, on real PostgreSQL: recipients per kind, each user's choices, disabled
 * users, quiet hours (held or dropped), the call reminder once per task — and a second company's
 * look-alike subscriptions never get anything.
 */
class PushDbTest {

    private static final DbTier DB = DbTier.get();
    private static final Instant NOW = Instant.parse("2026-12-03T08:00:00Z"); // 13:00 in Almaty
    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    private static TenantRef acme;
    private static TenantRef beta;
    private static long manager;
    private static long rop;
    private static long disabled;
    private static long assignedLead;
    private static long unassignedLead;

    @BeforeAll
    static void seed() {
        acme = DB.newTenant("push", "Asia/Almaty");
        beta = DB.newTenant("push-other", "Asia/Almaty");
        for (TenantRef t : List.of(acme, beta)) {
            long stage = DB.stage(t, "NEW");
            DB.sql(
                    t,
                    "INSERT INTO users (email, name, role, password_hash) VALUES"
                            + " ('m@x.kz', 'Менеджер', 'manager', 'x'), ('r@x.kz', 'РОП', 'rop', 'x')",
                    "INSERT INTO users (email, name, role, password_hash, status) VALUES"
                            + " ('d@x.kz', 'Уволен', 'manager', 'x', 'DISABLED')",
                    "INSERT INTO leads (phone, name, stage_id, assignee_id, last_message_text,"
                            + " last_message_direction) SELECT '+77015550101', 'Ерлан', "
                            + stage
                            + ", id, 'Когда можно приехать посмотреть дом?', 'IN' FROM users WHERE email = 'm@x.kz'",
                    "INSERT INTO leads (phone, stage_id) VALUES ('+77015550202', " + stage + ")",
                    "INSERT INTO push_subscriptions (user_id, endpoint, p256dh, auth)"
                            + " SELECT id, 'https://push.example/"
                            + t.slug()
                            + "/' || id, 'k', 'a' FROM users",
                    "INSERT INTO push_preferences (user_id, hot_lead)"
                            + " SELECT id, false FROM users WHERE role = 'rop'");
        }
        manager = DB.number(acme, "SELECT id FROM users WHERE email = 'm@x.kz'");
        rop = DB.number(acme, "SELECT id FROM users WHERE email = 'r@x.kz'");
        disabled = DB.number(acme, "SELECT id FROM users WHERE email = 'd@x.kz'");
        assignedLead = DB.number(acme, "SELECT id FROM leads WHERE phone = '+77015550101'");
        unassignedLead = DB.number(acme, "SELECT id FROM leads WHERE phone = '+77015550202'");
    }

    @Test
    void clientWaitingGoesToTheAssigneeElseOwnersAndRops() {
        clear();
        run(alerts(false), w -> dispatch(w, assignedLead, AlertKind.CLIENT_WAITING, null));
        assertThat(recipients()).containsExactly(manager);
        JsonObject p = json(payloads().get(0));
        assertThat(p.getString("title")).isEqualTo("Клиент ждёт ответа: Ерлан");
        assertThat(p.getString("body")).isEqualTo("Когда можно приехать посмотреть дом?");
        assertThat(p.getString("url")).isEqualTo("/crm/leads/" + assignedLead);
        assertThat(DB.column(acme, "SELECT urgency FROM push_deliveries")).containsExactly("high");

        clear();
        run(alerts(false), w -> dispatch(w, unassignedLead, AlertKind.CLIENT_WAITING, null));
        assertThat(recipients()).containsExactlyInAnyOrder(1L, rop);
        assertThat(jobs()).isEqualTo(2);
        assertThat(DB.number(beta, "SELECT count(*) FROM push_deliveries")).isZero();
    }

    @Test
    void hotLeadsFollowEachUsersChoiceAndDisabledUsersGetNothing() {
        clear();
        run(alerts(false), w -> dispatch(w, assignedLead, AlertKind.HOT_LEAD, null));
        // the ROP switched hot leads off
        assertThat(recipients()).containsExactlyInAnyOrder(manager, 1L);
        assertThat(DB.column(acme, "SELECT DISTINCT urgency FROM push_deliveries"))
                .containsExactly("normal");
        clear();
        run(alerts(false), w -> dispatch(w, assignedLead, AlertKind.ASSIGNED, disabled));
        assertThat(recipients()).isEmpty();
    }

    @Test
    void quietHoursHoldAlertsUntilMorningAndDropCallReminders() {
        clear();
        run(alerts(true), w -> dispatch(w, assignedLead, AlertKind.CLIENT_WAITING, null));
        // quiet 12:00–14:00 in Almaty: held until 14:00 local = 09:00Z, and so is its job
        assertThat(
                        DB.number(
                                acme,
                                "SELECT count(*) FROM push_deliveries"
                                        + " WHERE not_before = timestamptz '2026-12-03T09:00:00Z'"))
                .isEqualTo(1);
        assertThat(
                        DB.number(
                                acme,
                                "SELECT count(*) FROM scheduled_tasks WHERE task_name = 'push-send'"
                                        + " AND execution_time = timestamptz '2026-12-03T09:00:00Z'"))
                .isEqualTo(1);
        clear();
        run(alerts(true), w -> dispatch(w, assignedLead, AlertKind.CALL_SOON, null));
        assertThat(recipients()).isEmpty();
    }

    @Test
    void aCallDueWithinTenMinutesIsRemindedOnce() {
        clear();
        DB.sql(
                acme,
                "DELETE FROM lead_tasks",
                task("now+5", "'2026-12-03T08:05:00Z'", manager, null),
                task("now+30", "'2026-12-03T08:30:00Z'", manager, null),
                task("long ago", "'2026-12-03T07:30:00Z'", manager, null),
                task("snoozed", "'2026-12-03T08:06:00Z'", manager, "'2026-12-03T08:20:00Z'"),
                task("nobody", "'2026-12-03T08:09:00Z'", null, null),
                "INSERT INTO lead_tasks (lead_id, kind, title, due_at, assignee_id, source, done_at)"
                        + " VALUES ("
                        + assignedLead
                        + ", 'CALL', 'done', '2026-12-03T08:05:00Z', "
                        + manager
                        + ", 'USER', now())",
                "INSERT INTO lead_tasks (lead_id, kind, title, due_at, assignee_id, source)"
                        + " VALUES ("
                        + assignedLead
                        + ", 'TODO', 'todo', '2026-12-03T08:05:00Z', "
                        + manager
                        + ", 'USER')");
        CallSoonJob job = callSoon(alerts(false));
        int first = DB.data(acme, 1, "owner").work(w -> job.remind(w, NOW));
        assertThat(first).isEqualTo(2);
        assertThat(
                        DB.column(
                                acme,
                                "SELECT title FROM lead_tasks WHERE call_soon_notified_at IS NOT NULL ORDER BY title"))
                .containsExactly("nobody", "now+5");
        // "now+5" → its assignee; "nobody" → the lead's assignee (the same manager)
        assertThat(recipients()).containsExactly(manager, manager);
        assertThat(json(payloads().get(0)).getString("title"))
                .isEqualTo("Звонок через 10 минут: Ерлан");
        int second = DB.data(acme, 1, "owner").work(w -> job.remind(w, NOW));
        assertThat(second).isZero();
    }

    // --- helpers ---

    private static String task(String title, String due, Long assignee, String snoozed) {
        return "INSERT INTO lead_tasks (lead_id, kind, title, due_at, assignee_id, source, snoozed_until)"
                + " VALUES ("
                + assignedLead
                + ", 'CALL', '"
                + title
                + "', "
                + due
                + ", "
                + assignee
                + ", 'USER', "
                + snoozed
                + ")";
    }

    private static PushAlerts alerts(boolean quiet) {
        PushAlerts a =
                new PushAlerts() {
                    @Override
                    QuietWindow quietWindow(TenantWork work) {
                        return new QuietWindow(
                                quiet
                                        ? new QuietHours(LocalTime.of(12, 0), LocalTime.of(14, 0))
                                        : new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT),
                                ALMATY);
                    }
                };
        a.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return a;
    }

    private static CallSoonJob callSoon(PushAlerts alerts) {
        CallSoonJob job = new CallSoonJob();
        job.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        job.alerts = new DirectEvent(alerts);
        return job;
    }

    private static void run(PushAlerts alerts, java.util.function.Consumer<TenantWork> work) {
        TenantData data = DB.data(acme, 1, "owner");
        CURRENT.set(alerts);
        try {
            data.work(
                    w -> {
                        work.accept(w);
                        return null;
                    });
        } finally {
            CURRENT.remove();
        }
    }

    private static void dispatch(TenantWork w, long lead, AlertKind kind, Long user) {
        CURRENT.get().dispatch(w, lead, kind, user);
    }

    private static final ThreadLocal<PushAlerts> CURRENT = new ThreadLocal<>();

    private static void clear() {
        DB.sql(
                acme,
                "DELETE FROM push_deliveries",
                "DELETE FROM scheduled_tasks WHERE task_name = 'push-send'");
    }

    private static List<Long> recipients() {
        return DB
                .column(
                        acme,
                        "SELECT s.user_id FROM push_deliveries d JOIN push_subscriptions s"
                                + " ON s.id = d.subscription_id ORDER BY d.id")
                .stream()
                .map(o -> ((Number) o).longValue())
                .toList();
    }

    private static List<String> payloads() {
        return DB.column(acme, "SELECT payload FROM push_deliveries ORDER BY id").stream()
                .map(Object::toString)
                .toList();
    }

    private static long jobs() {
        return DB.number(
                acme, "SELECT count(*) FROM scheduled_tasks WHERE task_name = 'push-send'");
    }

    private static JsonObject json(String s) {
        try (var r = Json.createReader(new StringReader(s))) {
            return r.readObject();
        }
    }

    /** A CDI event that calls the alert observer directly, as the container would. */
    private record DirectEvent(PushAlerts alerts) implements Event<LeadAlert> {
        @Override
        public void fire(LeadAlert event) {
            alerts.onAlert(event);
        }

        @Override
        public <U extends LeadAlert> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends LeadAlert> CompletionStage<U> fireAsync(
                U event, NotificationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Event<LeadAlert> select(Annotation... qualifiers) {
            return this;
        }

        @Override
        public <U extends LeadAlert> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends LeadAlert> Event<U> select(
                TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }
}
