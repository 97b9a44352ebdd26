package com.buildcrm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.buildcrm.it.Api.Reply;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Follow-ups and handoff end to end on the running server through the sandbox: a silent lead gets
 * its follow-up; a manager takes over and nothing automatic happens afterwards even if the client
 * writes; returned to the AI, the bot answers the next message.
 */
// Runs beside the sequential black-box classes (see the Failsafe configuration in the pom): it
// mostly waits for real-time steps, on a server of its own, so the shared server never sees it.
@Execution(ExecutionMode.CONCURRENT)
class FollowUpHandoffIT {

    private static ServerProcess server;
    private static Api api;
    private static String operator;
    private static long tenantId;
    private static String owner;
    private static Sandbox sandbox;

    @BeforeAll
    static void setUp() {
        server = ServerProcess.startFresh();
        api = server.api();
        operator = api.operatorLogin(ServerProcess.OPERATOR_EMAIL, ServerProcess.OPERATOR_PASSWORD);
        tenantId =
                api.createTenant(operator, "fu-panels", "ru", "owner@fu.kz", "owner-pass-1")
                        .getJsonNumber("id")
                        .longValue();
        assertThat(
                        api.method(
                                        "PUT",
                                        "/api/admin/tenants/" + tenantId + "/channel",
                                        operator,
                                        "{\"provider\":\"sandbox\",\"settings\":{}}")
                                .status())
                .isEqualTo(200);
        assertThat(
                        api.method(
                                        "PUT",
                                        "/api/admin/tenants/" + tenantId + "/ai",
                                        operator,
                                        "{\"debounceMs\":1000}")
                                .status())
                .isEqualTo(200);
        // one-minute steps and no quiet hours, so the test runs at any time of day
        Reply policy =
                api.method(
                        "PUT",
                        "/api/admin/tenants/" + tenantId + "/followups",
                        operator,
                        "{\"steps\":[{\"delayMinutes\":1,\"text\":\"{name}, подскажите, актуален ли ещё вопрос?\"},"
                                + "{\"delayMinutes\":2,\"text\":\"Когда вам удобно созвониться?\"}],"
                                + "\"quietHours\":{\"from\":\"00:00\",\"to\":\"00:00\"},"
                                + "\"minSpacingMinutes\":0,\"jitterMinutes\":0}");
        assertThat(policy.status()).as(policy.toString()).isEqualTo(200);
        assertThat(policy.json().getString("source")).isEqualTo("tenant");
        owner = api.userLogin("fu-panels", "owner@fu.kz", "owner-pass-1");
        sandbox = new Sandbox(api, operator, tenantId, owner);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theOperatorSeesThePolicyAndATimelineAndBadPoliciesAreRefused() {
        JsonObject timeline =
                api.get(
                                "/api/admin/tenants/"
                                        + tenantId
                                        + "/followups/timeline?armedAt=2026-11-26T10:00:00Z",
                                operator)
                        .json();
        assertThat(timeline.getString("timezone")).isEqualTo("Asia/Almaty");
        assertThat(timeline.getJsonArray("steps")).hasSize(2);
        assertThat(timeline.getJsonArray("steps").getJsonObject(0).getString("dueAt"))
                .startsWith("2026-11-26T15:01"); // 10:01Z in Almaty (+05:00)

        Reply bad =
                api.method(
                        "PUT",
                        "/api/admin/tenants/" + tenantId + "/followups",
                        operator,
                        "{\"steps\":[{\"delayMinutes\":30,\"text\":\"a\"},{\"delayMinutes\":10,\"text\":\"a\"}]}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().getJsonArray("errors").toString()).contains("steps[1]");
        assertThat(
                        api.get("/api/admin/tenants/" + tenantId + "/followups", operator)
                                .json()
                                .getJsonArray("steps"))
                .hasSize(2); // unchanged
    }

    @Test
    void aSilentLeadIsWokenUpThenAManagerTakesOverAndReturnsItToTheAi() {
        String phone = "+77017000001";
        sandbox.write(phone, "Здравствуйте, интересует дом");
        int greeted = sandbox.awaitOutbound(phone, 6).size();
        JsonObject lead = sandbox.lead(phone);
        assertThat(lead.getString("waitingForReplySince", null)).isNotNull();

        // the first follow-up after a minute of silence, without a name placeholder left over
        JsonArray out =
                await().atMost(Duration.ofSeconds(150))
                        .until(() -> sandbox.outbound(phone), a -> a.size() > greeted);
        String followUp = out.getJsonObject(greeted).getString("text");
        assertThat(followUp).isEqualTo("Подскажите, актуален ли ещё вопрос?");
        assertThat(types(lead)).contains("followup.armed", "followup.sent");

        // a manager takes over: no bot message and no follow-up afterwards, even when the client
        // writes
        Reply taken =
                api.post("/api/crm/leads/" + lead.getJsonNumber("id") + "/takeover", owner, "");
        assertThat(taken.status()).as(taken.toString()).isEqualTo(200);
        assertThat(taken.json().getString("handledBy")).isEqualTo("HUMAN");
        assertThat(taken.json().getJsonObject("handler").getString("name"))
                .isEqualTo("Owner of fu-panels");
        int before = sandbox.outbound(phone).size();
        sandbox.write(phone, "Да, актуально, мы из Алматы");
        await().atMost(Duration.ofSeconds(150))
                .during(Duration.ofSeconds(75)) // past the next follow-up's time
                .until(() -> sandbox.outbound(phone).size(), n -> n == before);
        assertThat(types(lead)).contains("handoff.takeover", "followup.cancelled");

        // the manager writes (through the outbox), then gives the lead back to the AI
        Reply sent =
                api.post(
                        "/api/crm/leads/" + lead.getJsonNumber("id") + "/messages",
                        owner,
                        "{\"text\":\"Здравствуйте! Меня зовут Айгерим, я менеджер.\"}");
        assertThat(sent.status()).as(sent.toString()).isIn(200, 201);
        sandbox.awaitOutbound(phone, before + 1);
        Reply back =
                api.post("/api/crm/leads/" + lead.getJsonNumber("id") + "/return-to-ai", owner, "");
        assertThat(back.status()).isEqualTo(200);
        assertThat(back.json().getString("handledBy")).isEqualTo("AI");
        // nothing is sent on return …
        int afterReturn = sandbox.outbound(phone).size();
        await().during(Duration.ofSeconds(5))
                .atMost(Duration.ofSeconds(10))
                .until(() -> sandbox.outbound(phone).size(), n -> n == afterReturn);
        // … and the AI answers the next message
        sandbox.write(phone, "Дом 10 на 12 нужен");
        JsonArray answered = sandbox.awaitOutbound(phone, afterReturn + 1);
        assertThat(answered.getJsonObject(answered.size() - 1).getString("author")).isEqualTo("AI");
        assertThat(types(lead)).contains("handoff.returned");
    }

    @Test
    void aMessageFromTheCrmTakesTheLeadOverAutomatically() {
        String phone = "+77017000002";
        sandbox.write(phone, "Добрый день");
        sandbox.awaitOutbound(phone, 6);
        JsonObject lead = sandbox.lead(phone);
        Reply sent =
                api.post(
                        "/api/crm/leads/" + lead.getJsonNumber("id") + "/messages",
                        owner,
                        "{\"text\":\"Добрый день! Я подключился к диалогу.\"}");
        assertThat(sent.status()).as(sent.toString()).isIn(200, 201);
        JsonObject after = api.get("/api/crm/leads/" + lead.getJsonNumber("id"), owner).json();
        assertThat(after.getString("handledBy")).isEqualTo("HUMAN");
        assertThat(types(lead)).contains("handoff.takeover");
    }

    @Test
    void aTakeOverPinsTheHandoffSummaryWithThePacksLabels() {
        String phone = "+77017000003";
        sandbox.write(phone, "Здравствуйте, нужен дом 10 на 12, мы из Алматы");
        sandbox.awaitOutbound(phone, 6);
        JsonObject lead = sandbox.lead(phone);
        String path = "/api/crm/leads/" + lead.getJsonNumber("id") + "/summary";
        Reply before = api.get(path, owner);
        assertThat(before.status()).as(before.toString()).isEqualTo(200);
        assertThat(before.json().getBoolean("pinned")).isFalse();
        assertThat(before.json().get("snapshot")).isNull();

        assertThat(
                        api.post(
                                        "/api/crm/leads/" + lead.getJsonNumber("id") + "/takeover",
                                        owner,
                                        "")
                                .status())
                .isEqualTo(200);
        JsonObject after = api.get(path, owner).json();
        assertThat(after.getBoolean("pinned")).isTrue();
        assertThat(after.getString("trigger")).isEqualTo("TAKEN_OVER");
        assertThat(after.getString("takenAt")).isNotBlank();
        JsonObject snapshot = after.getJsonObject("snapshot");
        assertThat(snapshot.getJsonObject("want").getString("topicRu")).isEqualTo("Панельные дома");
        assertThat(snapshot.getJsonObject("want").getJsonArray("clientWords").toString())
                .contains("нужен дом 10 на 12");
        // what the AI collected, under the pack's labels (never the raw keys)
        List<String> labels =
                snapshot.getJsonArray("fields").stream()
                        .map(f -> f.asJsonObject().getString("labelRu"))
                        .collect(Collectors.toList());
        assertThat(labels).contains("Город", "Длина, м", "Ширина, м");
        assertThat(labels).noneMatch(l -> l.matches("[a-z_]+"));
        // the required fields the client did not give are the open questions
        assertThat(
                        snapshot.getJsonArray("open").stream()
                                .map(o -> o.asJsonObject().getString("labelRu"))
                                .collect(Collectors.toList()))
                .contains("Высота стен, м", "Двери, шт.");
        assertThat(after.getJsonObject("summary").getJsonObject("nextStep").getString("kind"))
                .isNotBlank();
        // another lead id, or none: 404
        assertThat(api.get("/api/crm/leads/99999999/summary", owner).status()).isEqualTo(404);
    }

    private static List<String> types(JsonObject lead) {
        return sandbox.events(lead).stream()
                .map(e -> e.asJsonObject().getString("type"))
                .collect(Collectors.toList());
    }
}
