package com.buildcrm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.buildcrm.it.Api.Reply;
import com.buildcrm.it.FakePushService.Push;
import com.buildcrm.it.FakePushService.Subscription;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The manager's day end to end on the uber jar (issue 14, "Done when"): a sandbox client asks for a
 * call → the AI's call task exists with the parsed time → the lead is assigned by the company's
 * round-robin rule → it is first in that manager's Now queue → an "assigned to you" push reaches
 * the fake push service, which checks the VAPID token, decrypts the body (RFC 8291) and the payload
 * opens the lead → the manager marks the call done → their Now queue is empty.
 */
class ManagerDayIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static Api api;
    private static FakePushService push;

    @BeforeAll
    static void setUp() {
        api = SharedServer.get().api();
        push = new FakePushService();
    }

    @AfterAll
    static void tearDown() {
        if (push != null) {
            push.close();
        }
    }

    @Test
    void aCallRequestBecomesAnAssignedTaskFirstInTheManagersNowWithAPushAndDoneEmptiesIt() {
        String operator =
                api.operatorLogin(ServerProcess.OPERATOR_EMAIL, ServerProcess.OPERATOR_PASSWORD);
        String slug = "day-a";
        long tenantId =
                api.createTenant(operator, slug, "ru", "owner@day-a.kz", "owner-pass-1")
                        .getJsonNumber("id")
                        .longValue();
        ok(
                api.method(
                        "PUT",
                        "/api/admin/tenants/" + tenantId + "/channel",
                        operator,
                        "{\"provider\":\"sandbox\",\"settings\":{}}"));
        ok(
                api.method(
                        "PUT",
                        "/api/admin/tenants/" + tenantId + "/ai",
                        operator,
                        "{\"enabled\":true,\"brain\":\"rules\",\"debounceMs\":1000}"));
        // no quiet hours: the pushes are not held whatever the time of day the test runs
        ok(
                api.method(
                        "PUT",
                        "/api/admin/tenants/" + tenantId + "/followups",
                        operator,
                        "{\"steps\":[{\"delayMinutes\":600,\"text\":\"{name}, актуален ли ещё вопрос?\"}],"
                                + "\"quietHours\":{\"from\":\"00:00\",\"to\":\"00:00\"},"
                                + "\"minSpacingMinutes\":0,\"jitterMinutes\":0}"));
        String owner = api.userLogin(slug, "owner@day-a.kz", "owner-pass-1");
        long m1 =
                api.createUser(owner, "Айгерим", "m1@day-a.kz", "manager", "manager-pass-1")
                        .getJsonNumber("id")
                        .longValue();
        long m2 =
                api.createUser(owner, "Данияр", "m2@day-a.kz", "manager", "manager-pass-1")
                        .getJsonNumber("id")
                        .longValue();
        String manager = api.userLogin(slug, "m1@day-a.kz", "manager-pass-1");
        ok(
                api.method(
                        "PUT",
                        "/api/crm/settings/assignment",
                        owner,
                        Json.createObjectBuilder()
                                .add("mode", "ROUND_ROBIN")
                                .add("on", Json.createArrayBuilder().add("CALL_REQUESTED"))
                                .add("rotation", Json.createArrayBuilder().add(m1).add(m2))
                                .addNull("reassignAfterMinutes")
                                .build()
                                .toString()));

        // the manager's phone subscribes to pushes
        Reply key = api.get("/api/crm/push/key", manager);
        ok(key);
        push.expectVapidKey(key.json().getString("publicKey"));
        Subscription phone = push.subscribe();
        Reply subscribed = api.post("/api/crm/push/subscriptions", manager, phone.toJson());
        assertThat(subscribed.status()).as(subscribed.toString()).isEqualTo(201);
        assertThat(api.get("/api/crm/now", manager).array()).isEmpty();

        // a client asks for a call, gives a name and a time
        Sandbox sandbox =
                new Sandbox(api, operator, tenantId, owner)
                        .clientName("Клиент")
                        .timeouts(WAIT, WAIT);
        String client = "+77030000001";
        sandbox.write(client, "Добрый день, можете мне позвонить?");
        JsonObject lead =
                sandbox.awaitLead(
                        client,
                        l -> "CALL_REQUESTED".equals(l.getJsonObject("stage").getString("role")));
        long leadId = lead.getJsonNumber("id").longValue();
        sandbox.answer(client, "Ержан");
        Instant asked = Instant.now();
        sandbox.answer(client, "через 20 минут");

        // the AI's call task, with the parsed time, for the manager the rule chose
        JsonObject task =
                await().atMost(WAIT)
                        .until(
                                () -> openCallTask(manager, leadId),
                                t -> t != null && !t.isNull("dueAt"));
        assertThat(task.getString("source")).isEqualTo("AI");
        assertThat(task.getString("dueText")).contains("20 минут");
        Instant due = Instant.parse(task.getString("dueAt"));
        assertThat(due)
                .isBetween(
                        asked.plus(19, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES),
                        Instant.now().plus(21, ChronoUnit.MINUTES));
        assertThat(task.getJsonObject("assignee").getJsonNumber("id").longValue()).isEqualTo(m1);
        JsonObject assigned = api.get("/api/crm/leads/" + leadId, manager).json();
        assertThat(assigned.getJsonObject("assignee").getJsonNumber("id").longValue())
                .isEqualTo(m1);
        assertThat(events(manager, leadId)).contains("lead.assigned", "task.created");

        // first in the manager's Now: the call in about 20 minutes
        JsonArray now = api.get("/api/crm/now", manager).array();
        assertThat(now).isNotEmpty();
        JsonObject first = now.getJsonObject(0);
        assertThat(first.getJsonObject("lead").getJsonNumber("id").longValue()).isEqualTo(leadId);
        JsonObject action = first.getJsonObject("action");
        assertThat(action.getString("kind")).isEqualTo("CALL_DUE");
        assertThat(action.getString("reason")).startsWith("Звонок на ").contains("через");
        assertThat(action.getJsonNumber("taskId").longValue())
                .isEqualTo(task.getJsonNumber("id").longValue());
        // the same suggestion on the lead itself
        assertThat(
                        api.get("/api/crm/leads/" + leadId, manager)
                                .json()
                                .getJsonObject("nextAction")
                                .getString("reason"))
                .isEqualTo(action.getString("reason"));

        // the "assigned to you" push, decrypted by the fake push service
        await().atMost(WAIT).until(() -> pushes(phone, "ASSIGNED").size() == 1);
        Push p = pushes(phone, "ASSIGNED").get(0);
        assertThat(p.problem()).isNull();
        JsonObject payload = p.json();
        assertThat(payload.getString("title")).startsWith("Вам назначен лид");
        assertThat(payload.getString("url")).isEqualTo("/crm/leads/" + leadId);
        assertThat(payload.getJsonNumber("leadId").longValue()).isEqualTo(leadId);

        // the manager calls and marks it done: nothing left to do now
        Reply done =
                api.method(
                        "PATCH",
                        "/api/crm/tasks/" + task.getJsonNumber("id").longValue(),
                        manager,
                        "{\"done\":true}");
        ok(done);
        assertThat(done.json().getBoolean("done")).isTrue();
        assertThat(api.get("/api/crm/now", manager).array()).isEmpty();
        assertThat(events(manager, leadId)).contains("task.done");
        // the other manager was not given this lead and has nothing to do either
        String other = api.userLogin(slug, "m2@day-a.kz", "manager-pass-1");
        assertThat(api.get("/api/crm/now", other).array()).isEmpty();
    }

    private static JsonObject openCallTask(String token, long leadId) {
        Reply r = api.get("/api/crm/leads/" + leadId + "/tasks", token);
        ok(r);
        return r.array().stream()
                .map(JsonValue::asJsonObject)
                .filter(t -> t.getString("kind").equals("CALL") && !t.getBoolean("done"))
                .findFirst()
                .orElse(null);
    }

    private static List<String> events(String token, long leadId) {
        Reply r = api.get("/api/crm/leads/" + leadId + "/events", token);
        ok(r);
        return r.array().stream().map(e -> e.asJsonObject().getString("type")).toList();
    }

    private static List<Push> pushes(Subscription s, String kind) {
        return push.delivered(s).stream()
                .filter(p -> p.payload() != null && kind.equals(p.json().getString("kind", "")))
                .toList();
    }

    private static void ok(Reply r) {
        assertThat(r.status()).as(r.toString()).isBetween(200, 299);
    }
}
