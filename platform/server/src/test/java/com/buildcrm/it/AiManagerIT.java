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
    private static Sandbox sandbox;

    @BeforeAll
    static void setUp() {
        api = SharedServer.get().api();
        operator = api.operatorLogin(ServerProcess.OPERATOR_EMAIL, ServerProcess.OPERATOR_PASSWORD);
        tenantId =
                api.createTenant(operator, "ai-panels", "ru", "owner@ai.kz", "owner-pass-1")
                        .getJsonNumber("id")
                        .longValue();
        api.setSandboxChannel(operator, tenantId);
        api.setAiSettings(
                operator, tenantId, "{\"enabled\":true,\"brain\":\"rules\",\"debounceMs\":2500}");
        owner = api.userLogin("ai-panels", "owner@ai.kz", "owner-pass-1");
        sandbox =
                new Sandbox(api, operator, tenantId, owner)
                        .clientName("Клиент")
                        .timeouts(Duration.ofSeconds(40), Duration.ofSeconds(40));
    }

    @Test
    void aNewLeadGetsTheGreetingChainInOrderThenQuestionsAndReachesFullData() {
        String phone = "+77010000001";
        sandbox.write(phone, "Здравствуйте! Интересуют панельные дома");
        // text → album of three photos → site link → the first question (the city)
        JsonArray out = sandbox.awaitOutbound(phone, 6);
        List<String> kinds = kinds(out);
        assertThat(kinds).startsWith("TEXT", "IMAGE", "IMAGE", "IMAGE", "TEXT", "TEXT");
        assertThat(out.getJsonObject(4).getString("text")).contains("http");
        assertThat(out.getJsonObject(1).getJsonObject("media").getString("url"))
                .contains("/media/" + tenantId + "/");
        assertThat(out.getJsonObject(5).getString("text").toLowerCase()).contains("город");

        sandbox.answer(phone, "Мы из Алматы");
        assertThat(sandbox.lastOut(phone).toLowerCase()).containsAnyOf("склад", "самовывоз");
        sandbox.answer(phone, "дом 10 на 12, высота 3 метра");
        sandbox.answer(phone, "фундамент закрывать будем");
        sandbox.answer(phone, "окон 6, дверей 2");
        sandbox.answer(phone, "проект есть");

        JsonObject lead = sandbox.lead(phone);
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

        JsonArray events = sandbox.events(lead);
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
        int before = sandbox.outbound(phone).size();
        sandbox.answer(phone, "Спасибо, жду расчёт");
        JsonArray after = sandbox.outbound(phone);
        assertThat(after.size() - before).isEqualTo(1);
        assertThat(kinds(after).subList(before, after.size())).containsOnly("TEXT");
    }

    @Test
    void aQuestionIsAnsweredFromTheTenantsKnowledgeBaseAndRecordedAndBadBasesAreRefused() {
        long kbTenant =
                api.createTenant(operator, "kb-panels", "ru", "owner@kb.kz", "owner-pass-1")
                        .getJsonNumber("id")
                        .longValue();
        String path = "/api/admin/tenants/" + kbTenant + "/knowledge";
        assertThat(
                        api.method(
                                        "PUT",
                                        "/api/admin/tenants/" + kbTenant + "/channel",
                                        operator,
                                        "{\"provider\":\"sandbox\",\"settings\":{}}")
                                .status())
                .isEqualTo(200);
        assertThat(
                        api.method(
                                        "PUT",
                                        "/api/admin/tenants/" + kbTenant + "/ai",
                                        operator,
                                        "{\"enabled\":true,\"brain\":\"rules\",\"debounceMs\":500}")
                                .status())
                .isEqualTo(200);
        String kbOwner = api.userLogin("kb-panels", "owner@kb.kz", "owner-pass-1");

        // a new tenant starts with the pack's defaults; only the operator may read them
        Reply defaults = api.get(path, operator);
        assertThat(defaults.status()).as(defaults.toString()).isEqualTo(200);
        assertThat(defaults.json().getString("source")).isEqualTo("PACK");
        assertThat(defaults.json().getJsonArray("entries")).isNotEmpty();
        assertThat(api.get(path, null).status()).isEqualTo(401);
        assertThat(api.get(path, kbOwner).status()).isEqualTo(403);

        Reply saved =
                api.method(
                        "PUT",
                        path,
                        operator,
                        "{\"entries\":[{\"title\":\"Окна в комплекте\",\"questions\":"
                                + "[\"Окна входят в цену?\",\"Окна идут в комплекте?\"],"
                                + "\"answer\":\"Да, два окна ПВХ 1200×1400 уже входят в комплект.\"},"
                                + "{\"title\":\"Гарантия\",\"answer\":\"Гарантия на панели — 7 лет.\"}]}");
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.json().getString("source")).isEqualTo("TENANT");
        long version = saved.json().getJsonNumber("version").longValue();

        // bad bases change nothing: an empty document (400), a 10 MB one (413)
        Reply empty =
                api.method(
                        "PUT",
                        path,
                        operator,
                        "{\"entries\":[{\"title\":\"Прайс\",\"answer\":\"  \"}]}");
        assertThat(empty.status()).as(empty.toString()).isEqualTo(400);
        assertThat(empty.raw().headers().firstValue("Content-Type").orElse(""))
                .contains("application/problem+json");
        Reply huge =
                api.method(
                        "PUT",
                        path,
                        operator,
                        "{\"entries\":[{\"title\":\"Прайс\",\"answer\":\""
                                + "а".repeat(10 * 1024 * 1024)
                                + "\"}]}");
        assertThat(huge.status()).as(huge.toString()).isEqualTo(413);
        // a NUL character (PostgreSQL cannot store one) is named in a 400, nothing saved
        Reply nul =
                api.method(
                        "PUT",
                        path,
                        operator,
                        "{\"entries\":[{\"title\":\"Прайс\",\"questions\":[\"Цена?\"],"
                                + "\"answer\":\"от 50 000 \\u0000 за м²\"}]}");
        assertThat(nul.status()).as(nul.toString()).isEqualTo(400);
        assertThat(nul.body()).contains("entries[0].answer").contains("NUL");
        assertThat(api.get(path, operator).json().getJsonNumber("version").longValue())
                .isEqualTo(version);
        assertThat(
                        api.get(path, operator)
                                .json()
                                .getJsonArray("entries")
                                .getJsonObject(0)
                                .getString("title"))
                .isEqualTo("Окна в комплекте");

        // the operator's preview answers from the tenant's base, as a real turn does
        Reply preview =
                api.post(
                        "/api/admin/tenants/" + kbTenant + "/ai/preview",
                        operator,
                        "{\"turns\":[[\"Здравствуйте! Окна идут в комплекте?\"]]}");
        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        JsonObject previewTurn = preview.json().getJsonArray("turns").getJsonObject(0);
        assertThat(previewTurn.getJsonArray("replies").toString())
                .contains("два окна ПВХ 1200×1400");
        assertThat(previewTurn.getJsonArray("events").toString()).contains("knowledge.answered");

        Sandbox kbSandbox =
                new Sandbox(api, operator, kbTenant, kbOwner)
                        .clientName("Клиент")
                        .timeouts(Duration.ofSeconds(40), Duration.ofSeconds(40));
        String phone = "+77010000077";
        kbSandbox.write(phone, "Здравствуйте! Окна входят в цену?");
        kbSandbox.awaitOutbound(phone, 6);
        assertThat(kbSandbox.lastOut(phone)).contains("два окна ПВХ 1200×1400");
        JsonObject answered =
                kbSandbox.events(kbSandbox.lead(phone)).stream()
                        .map(JsonValue::asJsonObject)
                        .filter(e -> e.getString("type").equals("knowledge.answered"))
                        .findFirst()
                        .orElseThrow();
        assertThat(answered.getJsonObject("details").getString("title"))
                .isEqualTo("Окна в комплекте");
        assertThat(answered.getJsonObject("details").getString("answer")).contains("два окна ПВХ");

        // a question nothing answers is left for the specialist, never invented
        kbSandbox.answer(phone, "а баню строите?");
        assertThat(kbSandbox.lastOut(phone)).contains("специалист");
        assertThat(
                        kbSandbox.events(kbSandbox.lead(phone)).stream()
                                .map(e -> e.asJsonObject().getString("type")))
                .contains("knowledge.declined");
    }

    @Test
    void aClientWhoAsksForACallIsAskedNameAndTimeAndLandsInCallRequested() {
        String phone = "+77010000002";
        sandbox.write(phone, "Добрый день, можете мне позвонить?");
        sandbox.awaitOutbound(phone, 6);
        JsonObject lead = sandbox.awaitLead(phone, l -> stageRole(l).equals("CALL_REQUESTED"));
        assertThat(sandbox.lastOut(phone).toLowerCase())
                .containsAnyOf("обращаться", "зовут", "имя");
        sandbox.answer(phone, "Ержан");
        assertThat(sandbox.lastOut(phone).toLowerCase()).containsAnyOf("удобно", "время", "когда");
        sandbox.answer(phone, "завтра в 10 утра");
        lead = sandbox.lead(phone);
        assertThat(stageRole(lead)).isEqualTo("CALL_REQUESTED");
        assertThat(lead.getJsonObject("fields").getString("name")).isEqualTo("Ержан");
        assertThat(lead.getJsonObject("fields").getString("preferred_call_time"))
                .contains("завтра");
        assertThat(lead.getInt("score")).isGreaterThan(0);
        assertThat(sandbox.events(lead).stream().map(e -> e.asJsonObject().getString("type")))
                .contains("call.requested");
    }

    @Test
    void aNewLeadIsGreetedOnArrivalAndItsTurnAnswersAfterTheDebounceWithoutGreetingAgain() {
        // a company whose AI waits a minute (the most it may) for the rest of a burst: the greeting
        // must not wait for it
        long slow = ruleBrainCompany("ai-slow", "owner@slow.kz", 60000);
        Sandbox client = sandboxOf(slow, "ai-slow", "owner@slow.kz", "Айгуль");
        String phone = "+77010000031";
        client.write(phone, "Здравствуйте, мы из Астаны");

        // the whole chain (text, album of three, link) while the turn is still up to a minute away
        JsonArray chain = client.awaitOutbound(phone, 5);
        assertThat(kinds(chain)).containsExactly("TEXT", "IMAGE", "IMAGE", "IMAGE", "TEXT");
        JsonObject lead = client.lead(phone);
        List<String> types = eventTypes(client.events(lead));
        assertThat(types).containsOnlyOnce("greeting.sent");
        // no turn ran: the city the client named is not taken yet, and nothing waits to wake them
        assertThat(lead.getJsonObject("fields").containsKey("city")).isFalse();
        assertThat(types).doesNotContain("followup.armed");
        assertThat(lead.getJsonObject("lastMessage").getString("direction")).isEqualTo("OUT");

        // the company stops waiting: the next message's turn answers the whole burst, once,
        // without a second chain
        api.setAiSettings(operator, slow, "{\"debounceMs\":0}");
        client.answer(phone, "Нужен дом 8 на 10");
        JsonObject answered =
                client.awaitLead(
                        phone,
                        l -> "Астана".equals(l.getJsonObject("fields").getString("city", "")));
        assertThat(answered.getJsonObject("fields").getJsonNumber("length_m").intValue())
                .isEqualTo(8);
        JsonArray out = client.outbound(phone);
        assertThat(out).hasSize(6);
        assertThat(client.lastOut(phone).toLowerCase()).containsAnyOf("доставк", "казахстан");
        List<String> after = eventTypes(client.events(answered));
        assertThat(after).containsOnlyOnce("greeting.sent");
        // the bot wrote and waits for the client: the first reminder is armed
        assertThat(after).contains("followup.armed");
    }

    @Test
    void theOperatorsChangesToTheAiSetupApplyToTheVeryNextLead() {
        // the company's setup is kept per instance between turns (ADR 055); a change drops it
        long kept = ruleBrainCompany("ai-kept", "owner@kept.kz", 0);
        Sandbox client = sandboxOf(kept, "ai-kept", "owner@kept.kz", "Дана");
        client.write("+77010000041", "Здравствуйте");
        assertThat(kinds(client.awaitOutbound("+77010000041", 6)))
                .startsWith("TEXT", "IMAGE", "IMAGE", "IMAGE", "TEXT");

        // a new greeting chain greets the next lead at once, not after the kept copy expires
        String greeting = "Добрый день! Меня зовут Дана, я помогу подобрать дом.";
        assertThat(
                        api.method(
                                        "PUT",
                                        "/api/admin/tenants/" + kept + "/greeting",
                                        operator,
                                        "{\"steps\":[{\"kind\":\"text\",\"text\":\""
                                                + greeting
                                                + "\"}]}")
                                .status())
                .isEqualTo(200);
        client.write("+77010000042", "Здравствуйте");
        JsonArray second = client.awaitOutbound("+77010000042", 2);
        assertThat(second.get(0).asJsonObject().getString("text")).isEqualTo(greeting);

        // the AI switched off: the next lead gets nothing from it
        api.setAi(operator, kept, false);
        client.write("+77010000043", "Здравствуйте");
        JsonObject silent = client.lead("+77010000043");
        assertThat(silent.getJsonObject("lastMessage").getString("direction")).isEqualTo("IN");
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .until(() -> client.outbound("+77010000043").isEmpty());
    }

    /** A new company on the sandbox channel whose AI answers with the rule brain. */
    private static long ruleBrainCompany(String slug, String ownerEmail, int debounceMs) {
        long id =
                api.createTenant(operator, slug, "ru", ownerEmail, "owner-pass-1")
                        .getJsonNumber("id")
                        .longValue();
        api.setSandboxChannel(operator, id);
        api.setAiSettings(
                operator,
                id,
                "{\"enabled\":true,\"brain\":\"rules\",\"debounceMs\":" + debounceMs + "}");
        return id;
    }

    /** The sandbox chats of that company, its client writing as {@code clientName}. */
    private static Sandbox sandboxOf(long id, String slug, String ownerEmail, String clientName) {
        return new Sandbox(api, operator, id, api.userLogin(slug, ownerEmail, "owner-pass-1"))
                .clientName(clientName)
                .timeouts(Duration.ofSeconds(40), Duration.ofSeconds(40));
    }

    private static List<String> eventTypes(JsonArray events) {
        return events.stream()
                .map(e -> e.asJsonObject().getString("type"))
                .collect(Collectors.toList());
    }

    @Test
    void threeQuickMessagesGetOneAnswer() {
        String phone = "+77010000003";
        sandbox.write(phone, "Здравствуйте");
        sandbox.write(phone, "Мы из Астаны");
        sandbox.write(phone, "Нужен дом 8 на 10");
        // the greeting chain (5 messages) and exactly one answer to the whole burst
        await().atMost(Duration.ofSeconds(40))
                .during(Duration.ofSeconds(6))
                .until(() -> sandbox.outbound(phone).size(), n -> n == 6);
        JsonObject lead = sandbox.lead(phone);
        assertThat(lead.getJsonObject("fields").getString("city")).isEqualTo("Астана");
        assertThat(lead.getJsonObject("fields").getJsonNumber("length_m").intValue()).isEqualTo(8);
        assertThat(sandbox.lastOut(phone).toLowerCase()).containsAnyOf("доставк", "казахстан");
    }

    @Test
    void theAiLeavesWonLeadsAloneAndNeverMovesALeadAPersonMoved() {
        String won = "+77010000004";
        sandbox.write(won, "Здравствуйте, хочу дом");
        sandbox.awaitOutbound(won, 6);
        JsonObject lead = sandbox.lead(won);
        patch(lead, Json.createObjectBuilder().add("stageId", stageId("WON")).build());
        int sent = sandbox.outbound(won).size();
        sandbox.write(won, "Мы из Караганды, дом 10 на 10");
        await().atMost(Duration.ofSeconds(20))
                .during(Duration.ofSeconds(6))
                .until(() -> sandbox.outbound(won).size(), n -> n == sent);
        assertThat(stageRole(sandbox.lead(won))).isEqualTo("WON");

        String moved = "+77010000005";
        sandbox.write(moved, "Добрый вечер");
        sandbox.awaitOutbound(moved, 6);
        lead = sandbox.lead(moved);
        // moved back by hand: the AI would move it forward on its own, but must not now
        patch(lead, Json.createObjectBuilder().add("stageId", stageId("NEW")).build());
        sandbox.answer(moved, "Шымкент, дом 9 на 12, высота 3, фундамент закроем");
        JsonObject after = sandbox.lead(moved);
        assertThat(stageRole(after)).isEqualTo("NEW");
        assertThat(after.getJsonObject("fields").getString("city")).isEqualTo("Шымкент");
        assertThat(after.getBoolean("stageLockedByHuman")).isTrue();
    }

    @Test
    void aClientWhoWantsAPersonIsHandedOffAndTheAiStops() {
        String phone = "+77010000006";
        sandbox.write(phone, "Здравствуйте");
        sandbox.awaitOutbound(phone, 6);
        sandbox.answer(phone, "Соедините с живым менеджером пожалуйста");
        JsonObject lead = sandbox.lead(phone);
        assertThat(lead.getBoolean("needsHuman")).isTrue();
        assertThat(lead.getString("handledBy")).isEqualTo("HUMAN");
        int sent = sandbox.outbound(phone).size();
        sandbox.write(phone, "Алло?");
        await().atMost(Duration.ofSeconds(20))
                .during(Duration.ofSeconds(6))
                .until(() -> sandbox.outbound(phone).size(), n -> n == sent);
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

    private static List<String> kinds(JsonArray messages) {
        return messages.stream().map(m -> m.asJsonObject().getString("kind")).toList();
    }

    private static String stageRole(JsonObject lead) {
        return lead.getJsonObject("stage").getString("role", "");
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
