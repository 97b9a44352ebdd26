package com.buildcrm.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.buildcrm.lead.LeadService;
import com.buildcrm.live.LiveEvent;
import com.buildcrm.task.TaskRequests.NewTask;
import com.buildcrm.task.TaskRequests.TaskPatch;
import com.buildcrm.task.TaskViews.TaskView;
import com.buildcrm.tenancy.DbTier;
import com.buildcrm.tenancy.TenantData;
import com.buildcrm.tenancy.TenantRef;
import com.buildcrm.web.ApiProblem;
import com.buildcrm.web.FieldError;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The task queries and rules on real PostgreSQL through {@link Tasks} and {@link CallTasks} with a
 * bound tenant: list order, edits, done/undone, delete, the lead events they write, validation that
 * changes nothing, the managers' visibility, and the AI's one open call task per lead.
 */
class TaskQueriesDbTest {

    private static final DbTier DB = DbTier.get();
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static TenantRef acme;
    private static long aliya;
    private static long bolat;
    private static long dana;
    private static long aliyasLead;
    private static long otherLead;

    @BeforeAll
    static void seed() {
        acme = DB.newTenant("tasks", "Asia/Almaty");
        DB.sql(
                acme,
                "INSERT INTO users (email, name, role, password_hash) VALUES"
                        + " ('aliya@acme.kz', 'Aliya', 'manager', 'x'),"
                        + " ('bolat@acme.kz', 'Bolat', 'manager', 'x')",
                "INSERT INTO users (email, name, role, password_hash, status) VALUES"
                        + " ('dana@acme.kz', 'Dana', 'manager', 'x', 'DISABLED')",
                "UPDATE crm_settings SET managers_see_all = false");
        aliya = DB.number(acme, "SELECT id FROM users WHERE email = 'aliya@acme.kz'");
        bolat = DB.number(acme, "SELECT id FROM users WHERE email = 'bolat@acme.kz'");
        dana = DB.number(acme, "SELECT id FROM users WHERE email = 'dana@acme.kz'");
        long stage = DB.stage(acme, "NEW");
        DB.sql(
                acme,
                "INSERT INTO leads (phone, stage_id, assignee_id, fields) VALUES ('+77010000001', "
                        + stage
                        + ", "
                        + aliya
                        + ", '{\"preferred_call_time\": \"завтра после обеда\"}'::jsonb)",
                "INSERT INTO leads (phone, stage_id) VALUES ('+77010000002', " + stage + ")");
        aliyasLead = DB.number(acme, "SELECT id FROM leads WHERE phone = '+77010000001'");
        otherLead = DB.number(acme, "SELECT id FROM leads WHERE phone = '+77010000002'");
    }

    /** Records the live events a service fires. */
    static final class Recorder implements Event<LiveEvent> {
        final List<LiveEvent> fired = new ArrayList<>();

        @Override
        public void fire(LiveEvent event) {
            fired.add(event);
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
            throw new UnsupportedOperationException();
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

    private static Tasks tasks(long user, String role, Recorder live) {
        TenantData data = DB.data(acme, user, role);
        LeadService leads = new LeadService();
        set(leads, "data", data);
        set(leads, "directory", DB.directory());
        Tasks tasks = new Tasks();
        tasks.data = data;
        tasks.leads = leads;
        tasks.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        tasks.live = live;
        return tasks;
    }

    private static int phones;

    /** A new unassigned lead. */
    private static long newLead() {
        String phone = "+7702" + String.format("%07d", ++phones);
        DB.sql(
                acme,
                "INSERT INTO leads (phone, stage_id) VALUES ('"
                        + phone
                        + "', "
                        + DB.stage(acme, "NEW")
                        + ")");
        return DB.number(acme, "SELECT id FROM leads WHERE phone = '" + phone + "'");
    }

    private static Tasks owner() {
        return tasks(1, "owner", new Recorder());
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

    private static NewTask task(String title, String kind, String dueAt, Long assignee) {
        NewTask t = new NewTask();
        t.title = title;
        t.kind = kind;
        t.dueAt = dueAt;
        t.assigneeId = assignee;
        return t;
    }

    private static List<String> eventTypes(long leadId) {
        return DB
                .column(
                        acme,
                        "SELECT type FROM lead_events WHERE lead_id = ? AND type LIKE 'task.%' ORDER BY id",
                        leadId)
                .stream()
                .map(String::valueOf)
                .toList();
    }

    private static FieldError fieldOf(ApiProblem p) {
        assertThat(p.status()).isEqualTo(400);
        try {
            Field f = ApiProblem.class.getDeclaredField("errors");
            f.setAccessible(true);
            @SuppressWarnings("unchecked")
            List<FieldError> errors = (List<FieldError>) f.get(p);
            assertThat(errors).hasSize(1);
            return errors.get(0);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aTaskIsCreatedListedEditedDoneReopenedAndDeletedWithHistoryAndLiveEvents() {
        Recorder live = new Recorder();
        Tasks tasks = tasks(1, "owner", live);
        long otherLead = newLead();
        List<String> before = eventTypes(otherLead);

        TaskView later =
                tasks.create(
                        otherLead,
                        task("  Отправить расчёт ", null, "2026-12-03T15:00:00+05:00", bolat));
        assertThat(later.kind()).isEqualTo("TODO");
        assertThat(later.title()).isEqualTo("Отправить расчёт");
        assertThat(later.dueAt().toInstant()).isEqualTo(Instant.parse("2026-12-03T10:00:00Z"));
        assertThat(later.assignee().name()).isEqualTo("Bolat");
        assertThat(later.source()).isEqualTo("USER");
        assertThat(later.done()).isFalse();
        TaskView asap = tasks.create(otherLead, task("Перезвонить", "call", null, null));
        assertThat(asap.kind()).isEqualTo("CALL");
        assertThat(asap.dueAt()).isNull();
        assertThat(asap.assignee()).isNull();

        assertThat(tasks.list(otherLead))
                .extracting(TaskView::id)
                .containsExactly(asap.id(), later.id());

        TaskPatch edit = new TaskPatch();
        edit.title = "Отправить КП";
        edit.dueAt = "2026-12-04T04:00:00Z";
        edit.assigneeId = 0L;
        edit.note = "с доставкой";
        TaskView edited = tasks.patch(later.id(), edit);
        assertThat(edited.title()).isEqualTo("Отправить КП");
        assertThat(edited.dueAt().toInstant()).isEqualTo(Instant.parse("2026-12-04T04:00:00Z"));
        assertThat(edited.assignee()).isNull();
        assertThat(edited.note()).isEqualTo("с доставкой");

        TaskPatch done = new TaskPatch();
        done.done = true;
        TaskView finished = tasks.patch(asap.id(), done);
        assertThat(finished.done()).isTrue();
        assertThat(finished.doneAt().toInstant()).isEqualTo(NOW);
        assertThat(tasks.list(otherLead))
                .extracting(TaskView::id)
                .containsExactly(later.id(), asap.id());

        TaskPatch undo = new TaskPatch();
        undo.done = false;
        assertThat(tasks.patch(asap.id(), undo).done()).isFalse();
        assertThat(tasks.patch(asap.id(), undo).doneAt()).as("nothing to change").isNull();

        tasks.delete(later.id());
        assertThat(tasks.list(otherLead)).extracting(TaskView::id).containsExactly(asap.id());

        List<String> after = new ArrayList<>(eventTypes(otherLead));
        after.subList(0, before.size()).clear();
        assertThat(after)
                .containsExactly(
                        "task.created",
                        "task.created",
                        "task.updated",
                        "task.done",
                        "task.reopened",
                        "task.deleted");
        assertThat(
                        DB.column(
                                acme,
                                "SELECT reason FROM lead_events WHERE lead_id = ? AND type = 'task.done'",
                                otherLead))
                .containsExactly("Задача «Перезвонить» выполнена");
        assertThat(live.fired)
                .isNotEmpty()
                .allSatisfy(
                        e -> {
                            assertThat(e.type()).isEqualTo("task.changed");
                            assertThat(e.leadId()).isEqualTo(otherLead);
                            assertThat(e.tenantId()).isEqualTo(acme.id());
                        });
    }

    @Test
    void badInputIsA400NamingTheFieldAndChangesNothing() {
        Tasks tasks = owner();
        long otherLead = newLead();
        TaskView t = tasks.create(otherLead, task("Встреча", "TODO", "2026-12-05T10:00:00Z", null));
        long count = DB.number(acme, "SELECT count(*) FROM lead_tasks");
        long events = DB.number(acme, "SELECT count(*) FROM lead_events");

        assertThat(
                        field(
                                () ->
                                        tasks.create(
                                                otherLead,
                                                task("x", null, "2026-12-03T09:58:00Z", null))))
                .isEqualTo("dueAt");
        assertThat(field(() -> tasks.create(otherLead, task("x", null, "завтра", null))))
                .isEqualTo("dueAt");
        assertThat(field(() -> tasks.create(otherLead, task("x", null, null, 999_999L))))
                .isEqualTo("assigneeId");
        assertThat(field(() -> tasks.create(otherLead, task("x", null, null, dana))))
                .isEqualTo("assigneeId");
        assertThat(field(() -> tasks.create(otherLead, task("x", "MEETING", null, null))))
                .isEqualTo("kind");
        assertThat(field(() -> tasks.create(otherLead, task("   ", null, null, null))))
                .isEqualTo("title");
        TaskPatch past = new TaskPatch();
        past.dueAt = "2026-12-01T10:00:00Z";
        past.done = true;
        assertThat(field(() -> tasks.patch(t.id(), past))).isEqualTo("dueAt");
        TaskPatch disabled = new TaskPatch();
        disabled.assigneeId = dana;
        assertThat(field(() -> tasks.patch(t.id(), disabled))).isEqualTo("assigneeId");

        // an overdue task's own time sent back with done is no change of the time
        DB.sql(acme, "UPDATE lead_tasks SET due_at = '2026-12-02T10:00:00Z' WHERE id = " + t.id());
        TaskPatch same = new TaskPatch();
        same.dueAt = "2026-12-02T15:00:00+05:00";
        same.done = true;
        assertThat(tasks.patch(t.id(), same).done()).isTrue();
        TaskPatch reopen = new TaskPatch();
        reopen.done = false;
        tasks.patch(t.id(), reopen);
        events += 2;

        // a minute of clock skew is accepted
        TaskView skew = tasks.create(otherLead, task("y", null, "2026-12-03T09:59:30Z", null));
        tasks.delete(skew.id());
        assertThat(DB.number(acme, "SELECT count(*) FROM lead_tasks")).isEqualTo(count);
        assertThat(DB.number(acme, "SELECT count(*) FROM lead_events")).isEqualTo(events + 2);
        assertThat(
                        DB.number(
                                acme,
                                "SELECT count(*) FROM lead_tasks WHERE id = ? AND done_at IS NULL",
                                t.id()))
                .isEqualTo(1);
    }

    private static String field(Runnable call) {
        return fieldOf(catchThrowableOfType(call::run, ApiProblem.class)).field();
    }

    @Test
    void aManagerWhoCannotSeeTheLeadGets404ForItsTasks() {
        TaskView t = owner().create(aliyasLead, task("Показать проект", null, null, aliya));
        Tasks bolats = tasks(bolat, "manager", new Recorder());

        assertThat(catchThrowableOfType(() -> bolats.list(aliyasLead), ApiProblem.class).status())
                .isEqualTo(404);
        TaskPatch done = new TaskPatch();
        done.done = true;
        ApiProblem patch = catchThrowableOfType(() -> bolats.patch(t.id(), done), ApiProblem.class);
        assertThat(patch.status()).isEqualTo(404);
        assertThat(patch.getMessage()).contains("Task " + t.id());
        assertThat(catchThrowableOfType(() -> bolats.delete(t.id()), ApiProblem.class).status())
                .isEqualTo(404);
        assertThat(
                        catchThrowableOfType(
                                        () ->
                                                bolats.create(
                                                        aliyasLead, task("x", null, null, null)),
                                        ApiProblem.class)
                                .status())
                .isEqualTo(404);
        // Aliya sees her lead and may mark the task done
        assertThat(tasks(aliya, "manager", new Recorder()).patch(t.id(), done).done()).isTrue();
    }

    @Test
    void callRequestedMakesOneOpenAiCallTaskAndNewWordsMoveIt() {
        CallTasks calls = new CallTasks();
        calls.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        calls.directory = DB.directory();
        TenantData data = DB.data(acme, 1, "owner");
        OffsetDateTime at = OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC);

        data.work(
                w -> {
                    calls.requested(w, aliyasLead, at);
                    return null;
                });
        data.work(
                w -> {
                    calls.requested(w, aliyasLead, at);
                    return null;
                });
        String open =
                "SELECT count(*) FROM lead_tasks WHERE lead_id = ? AND source = 'AI' AND kind = 'CALL'"
                        + " AND done_at IS NULL";
        assertThat(DB.number(acme, open, aliyasLead)).isEqualTo(1);
        TaskView task =
                owner().list(aliyasLead).stream()
                        .filter(t -> t.source().equals("AI"))
                        .findFirst()
                        .orElseThrow();
        assertThat(task.title()).isEqualTo("Позвонить");
        assertThat(task.kind()).isEqualTo("CALL");
        assertThat(task.dueText()).isEqualTo("завтра после обеда");
        assertThat(task.assignee().id()).isEqualTo(aliya);
        CallTime parsed =
                CallTimeParser.parse(
                        "завтра после обеда",
                        NOW.atZone(java.time.ZoneId.of("Asia/Almaty")),
                        WorkingHours.DEFAULT);
        assertThat(task.dueAt() == null ? null : task.dueAt().toInstant()).isEqualTo(parsed.at());

        DB.sql(
                acme,
                "UPDATE leads SET fields = '{\"preferred_call_time\": \"в 15:00\"}'::jsonb WHERE id = "
                        + aliyasLead);
        data.work(
                w -> {
                    calls.requested(w, aliyasLead, at);
                    return null;
                });
        assertThat(DB.number(acme, open, aliyasLead)).isEqualTo(1);
        assertThat(
                        DB.column(
                                acme,
                                "SELECT due_text FROM lead_tasks WHERE lead_id = ? AND source = 'AI'",
                                aliyasLead))
                .containsExactly("в 15:00");
        assertThat(eventTypes(aliyasLead)).contains("task.created", "task.updated");

        // words named in a later turn (no new milestone): the resync moves the task once
        DB.sql(
                acme,
                "UPDATE leads SET fields = '{\"preferred_call_time\": \"после 18\"}'::jsonb WHERE id = "
                        + aliyasLead);
        assertThat((boolean) data.<Boolean>work(w -> calls.resync(w, aliyasLead, at))).isTrue();
        assertThat((boolean) data.<Boolean>work(w -> calls.resync(w, aliyasLead, at))).isFalse();
        assertThat(
                        DB.column(
                                acme,
                                "SELECT due_text FROM lead_tasks WHERE lead_id = ? AND source = 'AI'",
                                aliyasLead))
                .containsExactly("после 18");
        assertThat((boolean) data.<Boolean>work(w -> calls.resync(w, newLead(), at)))
                .as("no call task: nothing to move")
                .isFalse();
        assertThat(
                        DB.column(
                                acme,
                                "SELECT actor FROM lead_events WHERE lead_id = ? AND type = 'task.created'"
                                        + " AND details->>'title' = 'Позвонить'",
                                aliyasLead))
                .containsExactly("AI");
    }
}
