package com.buildcrm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.buildcrm.it.Api.Reply;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The AI manager end to end on the running server, through the sandbox channel with the
 * panel-houses pack and the offline rule brain: greeting chain, qualification to FULL_DATA, the
 * call flow, one answer per burst, and leads the AI must leave alone.
 */
class AiManagerIT {

    private static Api api;
    private static String operator;
    private static long tenantId;
    private static String owner;

    @BeforeAll
    static void setUp() {
        api = SharedServer.get().api();
        operator = api.operatorLogin(ServerProcess.OPERATOR_EMAIL, ServerProcess.OPERATOR_PASSWORD);
        tenantId =
                api.createTenant(operator, "ai-panels", "ru", "owner@ai.kz", "owner-pass-1")
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
                        "{\"enabled\":true,\"brain\":\"rules\",\"debounceMs\":2500}");
        assertThat(ai.status()).as(ai.toString()).isEqualTo(200);
        owner = api.userLogin("ai-panels", "owner@ai.kz", "owner-pass-1");
    }

    @Test
    void aNewLeadGetsTheGreetingChainInOrderThenQuestionsAndReachesFullData() {
        String phone = "+77010000001";
        write(phone, "Здравствуйте! Интересуют панельные дома");
        // text → album of three photos → site link → the first question (the city)
        JsonArray out = awaitOutbound(phone, 6);
        List<String> kinds = kinds(out);
        assertThat(kinds).startsWith("TEXT", "IMAGE", "IMAGE", "IMAGE", "TEXT", "TEXT");
        assertThat(out.getJsonObject(4).getString("text")).contains("http");
        assertThat(out.getJsonObject(1).getJsonObject("media").getString("url"))
                .contains("/media/" + tenantId + "/");
        assertThat(out.getJsonObject(5).getString("text").toLowerCase()).contains("город");

        answer(phone, "Мы из Алматы");
        assertThat(lastOut(phone).toLowerCase()).containsAnyOf("склад", "самовывоз");
        answer(phone, "дом 10 на 12, высота 3 метра");
        answer(phone, "фундамент закрывать будем");
        answer(phone, "окон 6, дверей 2");
        answer(phone, "проект есть");

        JsonObject lead = lead(phone);
        assertThat(lead.getJsonObject("stage").getString("role")).isEqualTo("FULL_DATA");
        JsonObject fields = lead.getJsonObject("fields");
        assertThat(fields.getString("city")).isEqualTo("Алматы");
        assertThat(fields.getJsonNumber("length_m").intValue()).isEqualTo(10);
        assertThat(fields.getJsonNumber("width_m").intValue()).isEqualTo(12);
        assertThat(fields.getJsonNumber("height_m").intValue()).isEqualTo(3);
        assertThat(fields.getBoolean("foundation_closed")).isTrue();
        assertThat(fields.getJsonNumber("windows").intValue()).isEqualTo(6);
        assertThat(fields.getJsonNumber("doors").intValue()).isEqualTo(2);
        assertThat(fields.getBoolean("has_project")).isTrue();
        assertThat(lead.getString("city")).isEqualTo("Алматы");

        JsonArray events = events(lead);
        List<String> moves =
                events.stream()
                        .map(JsonValue::asJsonObject)
                        .filter(e -> e.getString("type").equals("stage.changed"))
                        .map(e -> e.getJsonObject("details").getString("toRole"))
                        .collect(Collectors.toList());
        assertThat(moves).contains("FULL_DATA", "PARTIAL_DATA");
        assertThat(
                        events.stream()
                                .map(JsonValue::asJsonObject)
                                .filter(e -> e.getString("type").equals("stage.changed"))
                                .map(e -> e.getString("actor")))
                .containsOnly("AI");
        assertThat(events.stream().map(JsonValue::asJsonObject))
                .allSatisfy(e -> assertThat(e.getString("reason", "")).isNotBlank());

        // a returning client is not greeted again
        int before = outbound(phone).size();
        answer(phone, "Спасибо, жду расчёт");
        JsonArray after = outbound(phone);
        assertThat(after.size() - before).isEqualTo(1);
        assertThat(kinds(after).subList(before, after.size())).containsOnly("TEXT");
    }

    @Test
    void aClientWhoAsksForACallIsAskedNameAndTimeAndLandsInCallRequested() {
        String phone = "+77010000002";
        write(phone, "Добрый день, можете мне позвонить?");
        awaitOutbound(phone, 6);
        JsonObject lead = awaitLead(phone, l -> stageRole(l).equals("CALL_REQUESTED"));
        assertThat(lastOut(phone).toLowerCase()).containsAnyOf("обращаться", "зовут", "имя");
        answer(phone, "Ержан");
        assertThat(lastOut(phone).toLowerCase()).containsAnyOf("удобно", "время", "когда");
        answer(phone, "завтра в 10 утра");
        lead = lead(phone);
        assertThat(stageRole(lead)).isEqualTo("CALL_REQUESTED");
        assertThat(lead.getJsonObject("fields").getString("name")).isEqualTo("Ержан");
        assertThat(lead.getJsonObject("fields").getString("preferred_call_time"))
                .contains("завтра");
        assertThat(lead.getInt("score")).isGreaterThan(0);
        assertThat(events(lead).stream().map(e -> e.asJsonObject().getString("type")))
                .contains("call.requested");
    }

    @Test
    void threeQuickMessagesGetOneAnswer() {
        String phone = "+77010000003";
        write(phone, "Здравствуйте");
        write(phone, "Мы из Астаны");
        write(phone, "Нужен дом 8 на 10");
        // the greeting chain (5 messages) and exactly one answer to the whole burst
        await().atMost(Duration.ofSeconds(40))
                .during(Duration.ofSeconds(6))
                .until(() -> outbound(phone).size(), n -> n == 6);
        JsonObject lead = lead(phone);
        assertThat(lead.getJsonObject("fields").getString("city")).isEqualTo("Астана");
        assertThat(lead.getJsonObject("fields").getJsonNumber("length_m").intValue()).isEqualTo(8);
        assertThat(lastOut(phone).toLowerCase()).containsAnyOf("доставк", "казахстан");
    }

    @Test
    void theAiLeavesWonLeadsAloneAndNeverMovesALeadAPersonMoved() {
        String won = "+77010000004";
        write(won, "Здравствуйте, хочу дом");
        awaitOutbound(won, 6);
        JsonObject lead = lead(won);
        patch(lead, Json.createObjectBuilder().add("stageId", stageId("WON")).build());
        int sent = outbound(won).size();
        write(won, "Мы из Караганды, дом 10 на 10");
        await().atMost(Duration.ofSeconds(20))
                .during(Duration.ofSeconds(6))
                .until(() -> outbound(won).size(), n -> n == sent);
        assertThat(stageRole(lead(won))).isEqualTo("WON");

        String moved = "+77010000005";
        write(moved, "Добрый вечер");
        awaitOutbound(moved, 6);
        lead = lead(moved);
        // moved back by hand: the AI would move it forward on its own, but must not now
        patch(lead, Json.createObjectBuilder().add("stageId", stageId("NEW")).build());
        answer(moved, "Шымкент, дом 9 на 12, высота 3, фундамент закроем");
        JsonObject after = lead(moved);
        assertThat(stageRole(after)).isEqualTo("NEW");
        assertThat(after.getJsonObject("fields").getString("city")).isEqualTo("Шымкент");
        assertThat(after.getBoolean("stageLockedByHuman")).isTrue();
    }

    @Test
    void aClientWhoWantsAPersonIsHandedOffAndTheAiStops() {
        String phone = "+77010000006";
        write(phone, "Здравствуйте");
        awaitOutbound(phone, 6);
        answer(phone, "Соедините с живым менеджером пожалуйста");
        JsonObject lead = lead(phone);
        assertThat(lead.getBoolean("needsHuman")).isTrue();
        assertThat(lead.getString("handledBy")).isEqualTo("HUMAN");
        int sent = outbound(phone).size();
        write(phone, "Алло?");
        await().atMost(Duration.ofSeconds(20))
                .during(Duration.ofSeconds(6))
                .until(() -> outbound(phone).size(), n -> n == sent);
    }

    @Test
    void thePreviewPlaysADialogueWithoutTouchingAnyLead() {
        Reply r =
                api.post(
                        "/api/admin/tenants/" + tenantId + "/ai/preview",
                        operator,
                        "{\"turns\":[[\"Здравствуйте\"],[\"Мы из Алма-Аты\",\"дом 10х12\"]]}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonObject preview = r.json();
        assertThat(preview.getJsonArray("greeting")).isNotEmpty();
        JsonObject second = preview.getJsonArray("turns").getJsonObject(1);
        assertThat(second.getJsonObject("fields").getString("city")).isEqualTo("Алматы");
        assertThat(second.getString("stage")).isEqualTo("PARTIAL_DATA");
        assertThat(second.getJsonArray("replies")).isNotEmpty();
        Reply bad =
                api.post(
                        "/api/admin/tenants/" + tenantId + "/ai/preview",
                        operator,
                        "{\"turns\":[]}");
        assertThat(bad.status()).isEqualTo(400);
    }

    // --- helpers

    private static void write(String phone, String text) {
        Reply r =
                api.post(
                        "/api/admin/tenants/" + tenantId + "/sandbox/messages",
                        operator,
                        Json.createObjectBuilder()
                                .add("phone", phone)
                                .add("name", "Клиент")
                                .add("text", text)
                                .build());
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
    }

    /** Writes and waits for the bot's answer (one more outbound message). */
    private static void answer(String phone, String text) {
        int before = outbound(phone).size();
        write(phone, text);
        awaitOutbound(phone, before + 1);
    }

    private static JsonArray chat(String phone) {
        return api.get("/api/admin/tenants/" + tenantId + "/sandbox/chats/" + phone, operator)
                .array();
    }

    private static JsonArray outbound(String phone) {
        return chat(phone).stream()
                .map(JsonValue::asJsonObject)
                .filter(m -> m.getString("direction").equals("OUT"))
                .collect(Json::createArrayBuilder, (b, v) -> b.add(v), (a, b) -> {})
                .build();
    }

    private static JsonArray awaitOutbound(String phone, int atLeast) {
        return await().atMost(Duration.ofSeconds(40))
                .until(() -> outbound(phone), a -> a.size() >= atLeast);
    }

    private static String lastOut(String phone) {
        JsonArray out = outbound(phone);
        return out.getJsonObject(out.size() - 1).getString("text", "");
    }

    private static List<String> kinds(JsonArray messages) {
        return messages.stream().map(m -> m.asJsonObject().getString("kind")).toList();
    }

    private static JsonObject lead(String phone) {
        return awaitLead(phone, l -> true);
    }

    private static JsonObject awaitLead(
            String phone, java.util.function.Predicate<JsonObject> condition) {
        return await().atMost(Duration.ofSeconds(40))
                .until(
                        () -> {
                            JsonArray items =
                                    api.get("/api/crm/leads?q=" + phone.substring(1), owner)
                                            .json()
                                            .getJsonArray("items");
                            return items.isEmpty() ? null : items.getJsonObject(0);
                        },
                        l -> l != null && condition.test(l));
    }

    private static String stageRole(JsonObject lead) {
        return lead.getJsonObject("stage").getString("role", "");
    }

    private static JsonArray events(JsonObject lead) {
        Reply r = api.get("/api/crm/leads/" + lead.getJsonNumber("id") + "/events", owner);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.array();
    }

    private static void patch(JsonObject lead, JsonObject body) {
        Reply r = api.patch("/api/crm/leads/" + lead.getJsonNumber("id"), owner, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    private static long stageId(String role) {
        return api.get("/api/crm/stages", owner).array().stream()
                .map(JsonValue::asJsonObject)
                .filter(s -> role.equals(s.getString("role", null)))
                .findFirst()
                .orElseThrow()
                .getJsonNumber("id")
                .longValue();
    }
}
