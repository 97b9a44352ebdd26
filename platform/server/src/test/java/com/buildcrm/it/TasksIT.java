package com.buildcrm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.buildcrm.it.Api.Reply;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tasks on a lead through HTTP on the running server: create, list, edit, done, undone, delete and
 * their history; bad input as problem+json that changes nothing; a manager who may not see the lead
 * and another company get 404; and the AI's call task when a sandbox lead asks for a call.
 */
class TasksIT {

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    private static Api api;
    private static String operator;
    private static CrmFixture a;
    private static CrmFixture b;
    private static long lead;
    private static long bLead;
    private static long marat;
    private static long dana;

    @BeforeAll
    static void setUp() {
        api = SharedServer.get().api();
        operator = api.operatorLogin(ServerProcess.OPERATOR_EMAIL, ServerProcess.OPERATOR_PASSWORD);
        a = new CrmFixture(api, operator, "tasks-a");
        b = new CrmFixture(api, operator, "tasks-b");
        a.clientWrites("+7 701 000 21 01", "Айдос", "Хочу дом");
        a.clientWrites("+7 701 000 21 02", "Бота", "Цена?");
        b.clientWrites("+7 701 000 21 01", "Другая компания", "Здравствуйте");
        Map<String, JsonObject> leads = a.awaitLeads(2);
        lead = CrmFixture.id(leads.get("Айдос"));
        bLead = CrmFixture.id(b.awaitLeads(1).values().iterator().next());
        marat = a.createManager("Марат", "marat@tasks-a.kz");
        dana = a.createManager("Дана", "dana@tasks-a.kz");
        Reply disabled =
                api.patch(
                        "/api/crm/users/" + dana,
                        a.owner,
                        Json.createObjectBuilder().add("status", "DISABLED").build());
        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
    }

    private static Reply create(long leadId, String token, String json) {
        return api.post("/api/crm/leads/" + leadId + "/tasks", token, json);
    }

    private static Reply patch(long taskId, String token, String json) {
        return api.method("PATCH", "/api/crm/tasks/" + taskId, token, json);
    }

    private static JsonArray tasks(long leadId, String token) {
        Reply r = api.get("/api/crm/leads/" + leadId + "/tasks", token);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.array();
    }

    private static String in(Duration d) {
        return Instant.now().plus(d).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static void assertInvalid(Reply r, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().getJsonArray("errors").stream())
                .extracting(e -> e.asJsonObject().getString("field"))
                .containsExactly(field);
    }

    @Test
    void aTaskIsCreatedListedEditedDoneReopenedAndDeleted() {
        long leadId = CrmFixture.id(a.awaitLeads(2).get("Бота"));
        String due = in(Duration.ofHours(3));
        Reply created =
                create(
                        leadId,
                        a.owner,
                        "{\"title\":\"Отправить расчёт\",\"dueAt\":\""
                                + due
                                + "\",\"assigneeId\":"
                                + marat
                                + ",\"note\":\"дом 8×10\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonObject task = created.json();
        long id = task.getJsonNumber("id").longValue();
        assertThat(task.getJsonNumber("leadId").longValue()).isEqualTo(leadId);
        assertThat(task.getString("kind")).isEqualTo("TODO");
        assertThat(task.getString("title")).isEqualTo("Отправить расчёт");
        assertThat(task.getString("note")).isEqualTo("дом 8×10");
        assertThat(Instant.parse(task.getString("dueAt"))).isEqualTo(Instant.parse(due));
        assertThat(task.isNull("dueText")).isTrue();
        assertThat(task.getJsonObject("assignee").getString("name")).isEqualTo("Марат");
        assertThat(task.getBoolean("done")).isFalse();
        assertThat(task.isNull("doneAt")).isTrue();
        assertThat(task.getString("source")).isEqualTo("USER");
        assertThat(task.getString("createdAt")).isNotBlank();

        Reply call = create(leadId, a.owner, "{\"title\":\"Перезвонить\",\"kind\":\"CALL\"}");
        assertThat(call.status()).as(call.toString()).isEqualTo(201);
        long callId = call.json().getJsonNumber("id").longValue();
        assertThat(call.json().isNull("dueAt")).as("as soon as possible").isTrue();
        assertThat(ids(tasks(leadId, a.owner))).containsExactly(callId, id);

        Reply edited =
                patch(
                        id,
                        a.owner,
                        "{\"title\":\"Отправить КП\",\"assigneeId\":0,\"dueAt\":\""
                                + in(Duration.ofDays(1))
                                + "\"}");
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.json().getString("title")).isEqualTo("Отправить КП");
        assertThat(absentOrNull(edited.json(), "assignee")).isTrue();

        // a manager may mark it done (managers see all leads here)
        String manager = a.login("marat@tasks-a.kz");
        Reply done = patch(callId, manager, "{\"done\":true}");
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(done.json().getBoolean("done")).isTrue();
        assertThat(done.json().getString("doneAt")).isNotBlank();
        assertThat(ids(tasks(leadId, a.owner))).containsExactly(id, callId);
        Reply reopened = patch(callId, a.owner, "{\"done\":false}");
        assertThat(reopened.json().getBoolean("done")).isFalse();

        Reply deleted = api.method("DELETE", "/api/crm/tasks/" + id, a.owner, null);
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        assertThat(ids(tasks(leadId, a.owner))).containsExactly(callId);
        assertThat(api.method("DELETE", "/api/crm/tasks/" + id, a.owner, null).status())
                .isEqualTo(404);

        JsonArray events = api.get("/api/crm/leads/" + leadId + "/events", a.owner).array();
        List<String> types =
                events.stream()
                        .map(e -> e.asJsonObject().getString("type"))
                        .filter(t -> t.startsWith("task."))
                        .toList();
        // newest first
        assertThat(types)
                .containsExactly(
                        "task.deleted",
                        "task.reopened",
                        "task.done",
                        "task.updated",
                        "task.created",
                        "task.created");
        JsonObject doneEvent =
                events.stream()
                        .map(JsonValue::asJsonObject)
                        .filter(e -> e.getString("type").equals("task.done"))
                        .findFirst()
                        .orElseThrow();
        assertThat(doneEvent.getString("reason")).isEqualTo("Задача «Перезвонить» выполнена");
        assertThat(doneEvent.getJsonObject("user").getString("name")).isEqualTo("Марат");
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndCreatesNothing() {
        int before = tasks(lead, a.owner).size();
        assertInvalid(
                create(
                        lead,
                        a.owner,
                        "{\"title\":\"x\",\"dueAt\":\"" + in(Duration.ofMinutes(-10)) + "\"}"),
                "dueAt");
        assertInvalid(create(lead, a.owner, "{\"title\":\"x\",\"dueAt\":\"завтра\"}"), "dueAt");
        assertInvalid(
                create(lead, a.owner, "{\"title\":\"x\",\"assigneeId\":987654}"), "assigneeId");
        assertInvalid(
                create(lead, a.owner, "{\"title\":\"x\",\"assigneeId\":" + dana + "}"),
                "assigneeId");
        assertInvalid(create(lead, a.owner, "{\"title\":\"x\",\"kind\":\"MEETING\"}"), "kind");
        assertInvalid(create(lead, a.owner, "{\"title\":\"  \"}"), "title");
        assertInvalid(create(lead, a.owner, "{\"title\":\"" + "я".repeat(201) + "\"}"), "title");
        assertThat(tasks(lead, a.owner)).hasSize(before);

        long id =
                create(lead, a.owner, "{\"title\":\"Встреча\"}")
                        .json()
                        .getJsonNumber("id")
                        .longValue();
        assertInvalid(
                patch(
                        id,
                        a.owner,
                        "{\"done\":true,\"dueAt\":\"" + in(Duration.ofHours(-2)) + "\"}"),
                "dueAt");
        assertInvalid(patch(id, a.owner, "{\"assigneeId\":" + dana + "}"), "assigneeId");
        JsonObject unchanged =
                tasks(lead, a.owner).stream()
                        .map(JsonValue::asJsonObject)
                        .filter(t -> t.getJsonNumber("id").longValue() == id)
                        .findFirst()
                        .orElseThrow();
        assertThat(unchanged.getBoolean("done")).isFalse();
        assertThat(absentOrNull(unchanged, "assignee")).isTrue();
    }

    @Test
    void aManagerWhoMayNotSeeTheLeadGets404() {
        long id =
                create(lead, a.owner, "{\"title\":\"Показать проект\"}")
                        .json()
                        .getJsonNumber("id")
                        .longValue();
        String manager = a.login("marat@tasks-a.kz");
        a.managersSeeAll(false);
        try {
            assertThat(api.get("/api/crm/leads/" + lead + "/tasks", manager).status())
                    .isEqualTo(404);
            assertThat(create(lead, manager, "{\"title\":\"x\"}").status()).isEqualTo(404);
            Reply p = patch(id, manager, "{\"done\":true}");
            assertThat(p.status()).as(p.toString()).isEqualTo(404);
            assertThat(p.contentType()).startsWith("application/problem+json");
            assertThat(api.method("DELETE", "/api/crm/tasks/" + id, manager, null).status())
                    .isEqualTo(404);
        } finally {
            a.managersSeeAll(true);
        }
        assertThat(tasks(lead, a.owner).stream().map(JsonValue::asJsonObject))
                .anySatisfy(
                        t -> {
                            assertThat(t.getJsonNumber("id").longValue()).isEqualTo(id);
                            assertThat(t.getBoolean("done")).isFalse();
                        });
    }

    @Test
    void anotherCompanyCannotReachATaskById() {
        long id =
                create(lead, a.owner, "{\"title\":\"Только для A\"}")
                        .json()
                        .getJsonNumber("id")
                        .longValue();
        // B has no task yet: A's id reaches nothing in B's schema
        assertThat(patch(id, b.owner, "{\"title\":\"взлом\"}").status()).isEqualTo(404);
        assertThat(api.method("DELETE", "/api/crm/tasks/" + id, b.owner, null).status())
                .isEqualTo(404);
        // B's own tasks live in B's schema: ids start over there, the lists never mix
        JsonObject bTask = create(bLead, b.owner, "{\"title\":\"Задача B\"}").json();
        assertThat(tasks(bLead, b.owner)).hasSize(1);
        assertThat(tasks(lead, a.owner).stream().map(t -> t.asJsonObject().getString("title")))
                .doesNotContain("Задача B");
        assertThat(bTask.getJsonNumber("leadId").longValue()).isEqualTo(bLead);
        // A's lead ids mean nothing to B either
        assertThat(api.get("/api/crm/leads/" + lead + "/tasks", b.owner).status()).isIn(200, 404);
        assertThat(tasks(lead, a.owner).stream().map(JsonValue::asJsonObject))
                .anySatisfy(t -> assertThat(t.getString("title")).isEqualTo("Только для A"));
    }

    @Test
    void aLeadAskingForACallGetsOneOpenCallTaskFromTheAi() {
        long tenantId =
                api.createTenant(operator, "tasks-ai", "ru", "owner@tasks-ai.kz", "owner-pass-1")
                        .getJsonNumber("id")
                        .longValue();
        Reply channel =
                api.method(
                        "PUT",
                        "/api/admin/tenants/" + tenantId + "/channel",
                        operator,
                        "{\"provider\":\"sandbox\",\"settings\":{}}");
        assertThat(channel.status()).as(channel.toString()).isEqualTo(200);
        Reply ai =
                api.method(
                        "PUT",
                        "/api/admin/tenants/" + tenantId + "/ai",
                        operator,
                        "{\"enabled\":true,\"brain\":\"rules\",\"debounceMs\":1000}");
        assertThat(ai.status()).as(ai.toString()).isEqualTo(200);
        String owner = api.userLogin("tasks-ai", "owner@tasks-ai.kz", "owner-pass-1");
        Sandbox sandbox =
                new Sandbox(api, operator, tenantId, owner)
                        .clientName("Клиент")
                        .timeouts(Duration.ofSeconds(40), Duration.ofSeconds(40));
        String phone = "+77010002199";

        sandbox.write(phone, "Добрый день, можете мне позвонить?");
        JsonObject lead =
                sandbox.awaitLead(
                        phone,
                        l -> l.getJsonObject("stage").getString("role").equals("CALL_REQUESTED"));
        long leadId = CrmFixture.id(lead);
        JsonArray first =
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> tasks(leadId, owner), t -> !t.isEmpty());
        assertThat(first).hasSize(1);
        JsonObject call = first.getJsonObject(0);
        assertThat(call.getString("kind")).isEqualTo("CALL");
        assertThat(call.getString("source")).isEqualTo("AI");
        assertThat(call.getString("title")).isEqualTo("Позвонить");
        assertThat(call.getBoolean("done")).isFalse();

        // the AI asks the name and the time; the task follows the client's words
        sandbox.awaitOutbound(phone, 6);
        sandbox.answer(phone, "Ержан");
        LocalDate tomorrow = LocalDate.now(ALMATY).plusDays(1);
        sandbox.answer(phone, "завтра после обеда");
        JsonObject task =
                await().atMost(Duration.ofSeconds(20))
                        .until(
                                () -> tasks(leadId, owner).getJsonObject(0),
                                t -> !t.isNull("dueText"));
        assertThat(task.getString("dueText")).contains("завтра");
        assertThat(tasks(leadId, owner)).hasSize(1);
        assertThat(task.getJsonNumber("id")).isEqualTo(call.getJsonNumber("id"));
        // the company's zone is Asia/Almaty: "завтра после обеда" is tomorrow at 14:00 there
        ZonedDateTime due = Instant.parse(task.getString("dueAt")).atZone(ALMATY);
        assertThat(due.toLocalTime()).isEqualTo(LocalTime.of(14, 0));
        assertThat(due.toLocalDate()).isIn(tomorrow, LocalDate.now(ALMATY).plusDays(1));
        JsonArray events = sandbox.events(sandbox.lead(phone));
        assertThat(
                        events.stream()
                                .map(JsonValue::asJsonObject)
                                .filter(e -> e.getString("type").equals("task.created")))
                .singleElement()
                .satisfies(e -> assertThat(e.getString("actor")).isEqualTo("AI"));
    }

    @Test
    void theOpenApiDocumentDescribesTheTaskEndpointsAndAnalyticsCountsCalls() {
        Reply doc =
                api.raw(
                        java.net.http.HttpRequest.newBuilder(api.uri("/openapi"))
                                .header("Accept", "application/json"));
        assertThat(doc.status()).isEqualTo(200);
        JsonObject paths = doc.json().getJsonObject("paths");
        assertThat(paths.getJsonObject("/api/crm/leads/{id}/tasks").keySet())
                .contains("get", "post");
        assertThat(paths.getJsonObject("/api/crm/tasks/{id}").keySet()).contains("patch", "delete");

        Reply times = api.get("/api/crm/analytics/response-times", a.owner);
        assertThat(times.status()).as(times.toString()).isEqualTo(200);
        assertThat(times.json().getJsonObject("calls").keySet())
                .containsExactlyInAnyOrder("onTime", "late", "missed");
    }

    private static boolean absentOrNull(JsonObject o, String key) {
        return !o.containsKey(key) || o.isNull(key);
    }

    private static List<Long> ids(JsonArray tasks) {
        return tasks.stream().map(t -> t.asJsonObject().getJsonNumber("id").longValue()).toList();
    }
}
