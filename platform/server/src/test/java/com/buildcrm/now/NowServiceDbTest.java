package com.buildcrm.now;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.buildcrm.lead.LeadService;
import com.buildcrm.live.LiveEvent;
import com.buildcrm.now.NowService.NowItem;
import com.buildcrm.now.situation.NextActions;
import com.buildcrm.tenancy.DbTier;
import com.buildcrm.tenancy.TenantRef;
import com.buildcrm.web.ApiProblem;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Now queue's reads and the snooze on real PostgreSQL, through {@link NowService} with a bound
 * tenant: who sees which leads, the ranking, the snooze of the lead and of the task its action
 * comes from, and the live event after it.
 */
class NowServiceDbTest {

    private static final DbTier DB = DbTier.get();
    private static final Instant NOW = Instant.parse("2026-11-20T06:00:00Z");
    private static TenantRef acme;
    private static long aliya;
    private static long bolat;
    private static long aliyasWaiting;
    private static long bolatsTask;
    private static long unassignedTask;
    private static long closed;
    private static long taskId;

    @BeforeAll
    static void seed() {
        acme = DB.newTenant("now", "Asia/Almaty");
        DB.sql(
                acme,
                "INSERT INTO users (email, name, role, password_hash) VALUES"
                        + " ('aliya@acme.kz', 'Aliya', 'manager', 'x'),"
                        + " ('bolat@acme.kz', 'Bolat', 'manager', 'x')");
        aliya = DB.number(acme, "SELECT id FROM users WHERE email = 'aliya@acme.kz'");
        bolat = DB.number(acme, "SELECT id FROM users WHERE email = 'bolat@acme.kz'");
        // Aliya leads this conversation and the client wrote last, 20 minutes ago
        aliyasWaiting = lead("+77010000001", "IN_PROGRESS", "HUMAN", aliya, 40);
        message(aliyasWaiting, "OUT", "HUMAN", "2026-11-20T05:30:00Z");
        message(aliyasWaiting, "IN", "CLIENT", "2026-11-20T05:40:00Z");
        // Bolat's lead has a task that was due an hour ago
        bolatsTask = lead("+77010000002", "IN_PROGRESS", "AI", bolat, 60);
        task(bolatsTask, "2026-11-20T05:00:00Z");
        // nobody's lead with a task due now
        unassignedTask = lead("+77010000003", "NEW", "AI", null, 20);
        taskId = task(unassignedTask, "2026-11-20T05:30:00Z");
        // a won lead with a due task: nothing to do
        closed = lead("+77010000004", "WON", "HUMAN", aliya, 90);
        task(closed, "2026-11-20T05:00:00Z");
        message(closed, "IN", "CLIENT", "2026-11-20T05:50:00Z");
    }

    private static long lead(
            String phone, String stageRole, String handledBy, Long assignee, int score) {
        DB.sql(
                acme,
                "INSERT INTO leads (phone, stage_id, score, handled_by, assignee_id, created_at)"
                        + " VALUES ('"
                        + phone
                        + "', "
                        + DB.stage(acme, stageRole)
                        + ", "
                        + score
                        + ", '"
                        + handledBy
                        + "', "
                        + (assignee == null ? "NULL" : assignee)
                        + ", '2026-11-19T10:00:00Z')");
        return DB.number(acme, "SELECT id FROM leads WHERE phone = ?", phone);
    }

    private static void message(long lead, String direction, String author, String at) {
        DB.sql(
                acme,
                "INSERT INTO messages (lead_id, direction, author, kind, text, status, created_at)"
                        + " VALUES ("
                        + lead
                        + ", '"
                        + direction
                        + "', '"
                        + author
                        + "', 'text', 'x', '"
                        + ("IN".equals(direction) ? "RECEIVED" : "SENT")
                        + "', '"
                        + at
                        + "')");
    }

    private static long task(long lead, String dueAt) {
        DB.sql(
                acme,
                "INSERT INTO lead_tasks (lead_id, kind, title, due_at, source, created_at)"
                        + " VALUES ("
                        + lead
                        + ", 'TODO', 'Отправить смету', '"
                        + dueAt
                        + "', 'USER', '2026-11-19T10:00:00Z')");
        return DB.number(acme, "SELECT max(id) FROM lead_tasks WHERE lead_id = ?", lead);
    }

    /** Records what would be published. */
    static final class Published implements Event<LiveEvent> {
        final List<LiveEvent> events = new ArrayList<>();

        @Override
        public void fire(LiveEvent event) {
            events.add(event);
        }

        @Override
        public <U extends LiveEvent> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends LiveEvent> CompletionStage<U> fireAsync(
                U event, NotificationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Event<LiveEvent> select(Annotation... qualifiers) {
            return this;
        }

        @Override
        public <U extends LiveEvent> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends LiveEvent> Event<U> select(
                TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }

    private static NowService service(long userId, String role, Published published) {
        return service(acme, userId, role, published);
    }

    private static NowService service(
            TenantRef tenant, long userId, String role, Published published) {
        NextActions actions = NextActions.at(Clock.fixed(NOW, ZoneOffset.UTC), DB.directory());
        LeadService leads = new LeadService();
        set(leads, "data", DB.data(tenant, userId, role));
        set(leads, "nextActions", actions);
        set(leads, "directory", DB.directory());
        NowService service = new NowService();
        service.data = DB.data(tenant, userId, role);
        service.leads = leads;
        service.nextActions = actions;
        service.live = published;
        return service;
    }

    /** LeadService lives in another package; its injected fields are set as CDI would. */
    private static void set(Object target, String field, Object value) {
        try {
            Field f = target.getClass().getDeclaredField(field);
            f.setAccessible(true);
            f.set(target, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Long> ids(List<NowItem> items) {
        return items.stream().map(i -> i.lead().id()).toList();
    }

    @Test
    void eachScopeHoldsTheLeadsItShould() {
        List<NowItem> team = service(1, "owner", new Published()).queue("team");
        assertThat(ids(team))
                .contains(aliyasWaiting, bolatsTask, unassignedTask)
                .doesNotContain(closed);
        // the queue's action is the lead's nextAction
        team.forEach(i -> assertThat(i.lead().nextAction()).isEqualTo(i.action()));
        NowItem waiting =
                team.stream().filter(i -> i.lead().id() == aliyasWaiting).findFirst().orElseThrow();
        assertThat(waiting.action().kind()).isEqualTo("CLIENT_WAITING");
        assertThat(waiting.action().reason()).containsPattern("\\p{IsCyrillic}");

        assertThat(ids(service(aliya, "manager", new Published()).queue("me")))
                .containsExactlyInAnyOrder(aliyasWaiting, unassignedTask);
        assertThat(ids(service(bolat, "manager", new Published()).queue(null)))
                .containsExactlyInAnyOrder(bolatsTask, unassignedTask);
        assertThat(ids(service(1, "owner", new Published()).queue("me")))
                .containsExactly(unassignedTask);
        assertThatThrownBy(() -> service(aliya, "manager", new Published()).queue("team"))
                .isInstanceOfSatisfying(
                        ApiProblem.class, p -> assertThat(p.status()).isEqualTo(403));
        assertThatThrownBy(() -> service(1, "owner", new Published()).queue("all"))
                .isInstanceOfSatisfying(
                        ApiProblem.class, p -> assertThat(p.status()).isEqualTo(400));
    }

    @Test
    void theTeamViewCountsQueuedAndOverdue() {
        List<NowService.TeamMember> team = service(1, "owner", new Published()).team();
        assertThat(team)
                .extracting(NowService.TeamMember::name)
                .contains("Aliya", "Bolat", "Owner");
        NowService.TeamMember a =
                team.stream().filter(m -> m.userId() == aliya).findFirst().orElseThrow();
        NowService.TeamMember b =
                team.stream().filter(m -> m.userId() == bolat).findFirst().orElseThrow();
        // Aliya's client has waited 20 minutes; Bolat's task was due an hour ago
        assertThat(a.queued()).isEqualTo(1);
        assertThat(a.overdue()).isEqualTo(1);
        assertThat(b.queued()).isEqualTo(1);
        assertThat(b.overdue()).isEqualTo(1);
    }

    @Test
    void snoozingSetsTheLeadsAndTheTasksSnoozeAndPublishes() {
        Published published = new Published();
        NowService owner = service(1, "owner", published);
        assertThatThrownBy(() -> owner.snooze(unassignedTask, 4))
                .isInstanceOfSatisfying(
                        ApiProblem.class, p -> assertThat(p.status()).isEqualTo(400));
        assertThatThrownBy(() -> owner.snooze(unassignedTask, null)).isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> owner.snooze(999_999L, 30))
                .isInstanceOfSatisfying(
                        ApiProblem.class, p -> assertThat(p.status()).isEqualTo(404));
        assertThat(published.events).isEmpty();

        owner.snooze(unassignedTask, 30);
        Instant until = NOW.plusSeconds(30 * 60);
        assertThat(
                        snoozed(
                                "SELECT next_action_snoozed_until FROM leads WHERE id = ?",
                                unassignedTask))
                .isEqualTo(until);
        assertThat(snoozed("SELECT snoozed_until FROM lead_tasks WHERE id = ?", taskId))
                .isEqualTo(until);
        assertThat(published.events)
                .containsExactly(new LiveEvent(acme.id(), "lead.updated", unassignedTask, null));
        assertThat(ids(owner.queue("team"))).doesNotContain(unassignedTask);
        DB.sql(
                acme,
                "UPDATE leads SET next_action_snoozed_until = NULL WHERE id = " + unassignedTask,
                "UPDATE lead_tasks SET snoozed_until = NULL WHERE id = " + taskId);
    }

    @Test
    void theQueueIsRankedByUrgencyThenScore() {
        TenantRef rank = DB.newTenant("now-rank", "Asia/Almaty");
        long newStage = DB.stage(rank, "NEW");
        DB.sql(
                rank,
                // a person leads it and the client wrote 5 minutes ago
                "INSERT INTO leads (phone, stage_id, score, handled_by, assignee_id, created_at)"
                        + " VALUES ('+1', "
                        + newStage
                        + ", 10, 'HUMAN', 1, '2026-11-20T05:00:00Z')",
                "INSERT INTO messages (lead_id, direction, author, kind, status, created_at)"
                        + " SELECT id, 'IN', 'CLIENT', 'text', 'RECEIVED', '2026-11-20T05:55:00Z'"
                        + " FROM leads WHERE phone = '+1'",
                // hot and nobody's
                "INSERT INTO leads (phone, stage_id, score, temperature, created_at) VALUES ('+2', "
                        + newStage
                        + ", 90, 'HOT', '2026-11-20T05:00:00Z')",
                // quiet for ten days: stale, the higher score first
                "INSERT INTO leads (phone, stage_id, score, created_at) VALUES ('+3', "
                        + newStage
                        + ", 50, '2026-11-10T05:00:00Z')",
                "INSERT INTO leads (phone, stage_id, score, created_at) VALUES ('+4', "
                        + newStage
                        + ", 20, '2026-11-10T05:00:00Z')",
                // fresh: nothing to do
                "INSERT INTO leads (phone, stage_id, score, created_at) VALUES ('+5', "
                        + newStage
                        + ", 70, '2026-11-20T05:00:00Z')");
        List<NowItem> queue = service(rank, 1, "owner", new Published()).queue("team");
        assertThat(queue)
                .extracting(i -> i.lead().phone(), i -> i.action().kind())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("+1", "CLIENT_WAITING"),
                        org.assertj.core.groups.Tuple.tuple("+2", "HOT_UNASSIGNED"),
                        org.assertj.core.groups.Tuple.tuple("+3", "STALE"),
                        org.assertj.core.groups.Tuple.tuple("+4", "STALE"));
        // the tenant's stale days count: with 30 days nothing is stale yet
        DB.sql(rank, "UPDATE crm_settings SET stale_after_days = 30");
        assertThat(service(rank, 1, "owner", new Published()).queue("team"))
                .extracting(i -> i.lead().phone())
                .containsExactly("+1", "+2");
    }

    private static Instant snoozed(String sql, long id) {
        Object v = DB.column(acme, sql, id).get(0);
        return v instanceof java.sql.Timestamp ts
                ? ts.toInstant()
                : ((java.time.OffsetDateTime) v).toInstant();
    }
}
