package com.buildcrm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.buildcrm.it.Api.Reply;
import com.buildcrm.it.FakeTranscription.Answer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Voice notes on the running server (ADR 033): a real ChatFlow voice note (the OGG fixture) is sent
 * to a fake OpenAI-compatible transcription endpoint and the AI answers from its text; an endpoint
 * that hangs or talks garbage, or none at all, leaves it "not transcribed" and the AI asks the
 * client to write — once per run of voice notes. The operator's settings keep the key write-only.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VoiceNotesIT {

    static final String ASK =
            "Извините, сейчас не могу прослушать голосовое — напишите, пожалуйста, текстом 🙏";

    private static Api api;
    private static String operator;
    private static FakeChatFlow chatflow;
    private static FakeTranscription stt;
    private static long tenantId;
    private static String owner;
    private static String webhookPath;

    @BeforeAll
    static void setUp() throws IOException {
        api = SharedServer.get().api();
        operator = api.operatorLogin(ServerProcess.OPERATOR_EMAIL, ServerProcess.OPERATOR_PASSWORD);
        chatflow = new FakeChatFlow();
        stt = new FakeTranscription();
        tenantId =
                api.createTenant(operator, "voice-cf", "ru", "owner@voice.kz", "owner-pass-1")
                        .getJsonNumber("id")
                        .longValue();
        Reply ai =
                api.method(
                        "PUT",
                        "/api/admin/tenants/" + tenantId + "/ai",
                        operator,
                        "{\"enabled\":true,\"brain\":\"rules\",\"debounceMs\":300}");
        assertThat(ai.status()).as(ai.toString()).isEqualTo(200);
        Reply channel =
                api.setChatFlowChannel(
                        operator, tenantId, chatflow.baseUrl(), "eyJ-voice-token", "SU5TVEFOQ0U=");
        assertThat(channel.status()).as(channel.toString()).isEqualTo(200);
        webhookPath = Api.webhookPath(channel.json());
        owner = api.userLogin("voice-cf", "owner@voice.kz", "owner-pass-1");
    }

    @AfterAll
    static void stop() {
        if (chatflow != null) {
            chatflow.close();
        }
        if (stt != null) {
            stt.close();
        }
    }

    @Test
    @Order(1)
    void theOperatorSetsTheEndpointsAndTheKeyIsNeverReturned() {
        Reply bad =
                put(
                        "/api/admin/tenants/" + tenantId + "/transcription",
                        "{\"mode\":\"OWN\",\"baseUrl\":\"ftp://x\",\"model\":\"whisper-1\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("baseUrl");
        assertThat(get("/api/admin/tenants/" + tenantId + "/transcription").getString("mode"))
                .isEqualTo("DEFAULT");

        // the platform default reaches a tenant that has none of its own
        Reply platform =
                put(
                        "/api/admin/transcription",
                        "{\"baseUrl\":\""
                                + stt.baseUrl()
                                + "\",\"model\":\"whisper-1\",\"apiKey\":\"sk-platform-secret-999\"}");
        assertThat(platform.status()).as(platform.toString()).isEqualTo(200);
        assertThat(platform.body()).doesNotContain("sk-platform-secret");
        assertThat(platform.json().getBoolean("apiKeySet")).isTrue();
        JsonObject inherited = get("/api/admin/tenants/" + tenantId + "/transcription");
        assertThat(inherited.getJsonObject("effective").getString("source")).isEqualTo("PLATFORM");
        // removed again: the other test classes on this server run without one
        Reply removed = put("/api/admin/transcription", "{\"baseUrl\":\"\",\"model\":\"\"}");
        assertThat(removed.json().getBoolean("configured")).isFalse();

        Reply own =
                put(
                        "/api/admin/tenants/" + tenantId + "/transcription",
                        "{\"mode\":\"OWN\",\"baseUrl\":\""
                                + stt.baseUrl()
                                + "\",\"model\":\"whisper-1\",\"apiKey\":\"sk-stt-secret-123456\"}");
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(own.body()).doesNotContain("sk-stt-secret");
        assertThat(own.json().getBoolean("apiKeySet")).isTrue();
        assertThat(own.json().getJsonObject("effective").getString("source")).isEqualTo("TENANT");
        // the mask or an absent key keeps the stored one
        Reply kept =
                put(
                        "/api/admin/tenants/" + tenantId + "/transcription",
                        "{\"mode\":\"OWN\",\"model\":\"whisper-1\"}");
        assertThat(kept.json().getBoolean("apiKeySet")).isTrue();
        // the console is the operator's: a business user gets 403
        Reply crm = api.get("/api/admin/tenants/" + tenantId + "/transcription", owner);
        assertThat(crm.status()).isEqualTo(403);
    }

    @Test
    @Order(2)
    void aVoiceNoteIsTranscribedFromTheRealOggAndAnsweredFromItsText() {
        stt.reset();
        stt.defaultAnswer(Answer.text("Здравствуйте, нужен дом 10 на 12 в Астане"));

        deliverVoice("77015550101", "VOICE-IT-1");

        long leadId = api.awaitLead(owner, "77015550101");
        JsonObject voice = transcribed(leadId);
        assertThat(voice.getString("transcript"))
                .isEqualTo("Здравствуйте, нужен дом 10 на 12 в Астане");
        // the endpoint got the very OGG file the client sent, with the model and the key
        FakeTranscription.Request sent = stt.requests().get(0);
        assertThat(sent.parts().get("file").content()).isEqualTo(ogg());
        assertThat(sent.parts().get("model").text()).isEqualTo("whisper-1");
        assertThat(sent.authorization()).isEqualTo("Bearer sk-stt-secret-123456");
        // the AI heard it: the city and the size come from the words, not from a "[voice]"
        JsonObject lead =
                await().atMost(Duration.ofSeconds(30))
                        .until(
                                () -> lead(leadId),
                                l -> l.getJsonObject("fields").containsKey("city"));
        assertThat(lead.getJsonObject("fields").getString("city")).isEqualTo("Астана");
        List<String> replies = await().until(() -> sentTo("77015550101"), r -> !r.isEmpty());
        assertThat(replies).doesNotContain(ASK);
    }

    @Test
    @Order(3)
    void aHangingOrGarbledEndpointLeavesItUntranscribedAndTheClientIsAskedToWriteOnce() {
        stt.reset();
        stt.enqueue(Answer.text("too late").after(Duration.ofSeconds(20)));
        String phone = "77015550102";
        deliverVoice(phone, "VOICE-IT-2");

        long leadId = api.awaitLead(owner, phone);
        // the turn is not stuck: within the transcription timeout the AI asks to write
        List<String> first =
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> sentTo(phone), r -> r.contains(ASK));
        assertThat(firstVoice(leadId).getString("transcription")).isEqualTo("FAILED");
        assertThat(
                        !firstVoice(leadId).containsKey("transcript")
                                || firstVoice(leadId).isNull("transcript"))
                .isTrue();

        // a second voice note in a row, garbled this time: noted, but no second request
        stt.enqueue(Answer.raw(200, "<html>502 Bad Gateway</html>"));
        deliverVoice(phone, "VOICE-IT-3");
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                voices(leadId).stream()
                                        .filter(v -> "FAILED".equals(v.getString("transcription")))
                                        .count(),
                        n -> n == 2);
        // the client writes: that is answered, and the request to write was made only once
        deliverText(phone, "VOICE-IT-TEXT", "Дом 8 на 10 в Караганде");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> sentTo(phone), r -> r.size() > first.size());
        assertThat(sentTo(phone).stream().filter(ASK::equals).count()).isEqualTo(1);
    }

    @Test
    @Order(4)
    void aVoiceNoteOnALeadAPersonLeadsIsTranscribedForThemAndTheAiStaysSilent() {
        stt.reset();
        stt.defaultAnswer(Answer.text("Перезвоните мне после обеда, пожалуйста, я Ержан"));
        String phone = "77015550104";
        deliverText(phone, "VOICE-IT-HUMAN-1", "Здравствуйте");
        long leadId = api.awaitLead(owner, phone);
        // the AI's first turn (chain and answer) is stored in one transaction
        long answered =
                await().atMost(Duration.ofSeconds(30)).until(() -> outgoing(leadId), n -> n > 0);
        Reply takeover = api.post("/api/crm/leads/" + leadId + "/takeover", owner, "");
        assertThat(takeover.status()).as(takeover.toString()).isIn(200, 204);

        deliverVoice(phone, "VOICE-IT-HUMAN-2");

        // the person reads what was said, under the voice note
        JsonObject voice = transcribed(leadId);
        assertThat(voice.getString("transcript"))
                .isEqualTo("Перезвоните мне после обеда, пожалуйста, я Ержан");
        assertThat(stt.requests()).hasSize(1);
        // and the AI does not answer a lead a person leads
        await().atMost(Duration.ofSeconds(10))
                .during(Duration.ofSeconds(3))
                .until(() -> outgoing(leadId), n -> n == answered);
        assertThat(lead(leadId).getString("handledBy")).isEqualTo("HUMAN");
    }

    /** The lead's outgoing messages (the AI's and people's) in the CRM. */
    private static long outgoing(long leadId) {
        return api.messages(owner, leadId).stream()
                .map(JsonValue::asJsonObject)
                .filter(m -> "OUT".equals(m.getString("direction")))
                .count();
    }

    @Test
    @Order(5)
    void withoutAnEndpointTheVoiceNoteIsMarkedNotTranscribedAndTheClientIsAskedToWrite() {
        Reply off = put("/api/admin/tenants/" + tenantId + "/transcription", "{\"mode\":\"OFF\"}");
        assertThat(off.json().getJsonObject("effective").getString("source")).isEqualTo("NONE");
        assertThat(off.json().getBoolean("apiKeySet")).isFalse();
        stt.reset();
        String phone = "77015550103";
        deliverVoice(phone, "VOICE-IT-4");
        long leadId = api.awaitLead(owner, phone);
        await().atMost(Duration.ofSeconds(30)).until(() -> sentTo(phone), r -> r.contains(ASK));
        assertThat(firstVoice(leadId).getString("transcription")).isEqualTo("OFF");
        assertThat(stt.requests()).isEmpty();
    }

    private static void deliverVoice(String digits, String messageId) {
        String body =
                fixture("inbound-voice.json")
                        .replace("AC3441202AD75F09DDCB72E62BD0F417", messageId)
                        .replace("77001234567", digits);
        assertThat(api.post(webhookPath, null, body).status()).isEqualTo(200);
    }

    private static void deliverText(String digits, String messageId, String text) {
        String body =
                fixture("inbound-text.json")
                        .replace("3F36C3C880D877783735", messageId)
                        .replace("77001234567", digits)
                        .replace("\"здравствуйте\"", "\"" + text + "\"");
        assertThat(body).contains(text);
        assertThat(api.post(webhookPath, null, body).status()).isEqualTo(200);
    }

    private static List<JsonObject> voices(long leadId) {
        return api.messages(owner, leadId).stream()
                .map(JsonValue::asJsonObject)
                .filter(m -> "VOICE".equals(m.getString("kind")))
                .toList();
    }

    /** The lead's first voice note, once its transcription is DONE (waits up to 30 s). */
    private static JsonObject transcribed(long leadId) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> firstVoice(leadId),
                        m -> m != null && "DONE".equals(m.getString("transcription", "")));
    }

    private static JsonObject firstVoice(long leadId) {
        List<JsonObject> v = voices(leadId);
        return v.isEmpty() ? null : v.get(0);
    }

    private static JsonObject lead(long leadId) {
        return api.get("/api/crm/leads/" + leadId, owner).json();
    }

    private static List<String> sentTo(String digits) {
        return chatflow.calls().stream()
                .filter(c -> c.params().getOrDefault("jid", "").equals(digits + "@s.whatsapp.net"))
                .map(c -> c.params().getOrDefault("msg", c.params().getOrDefault("message", "")))
                .collect(Collectors.toList());
    }

    private static Reply put(String path, String json) {
        return api.method("PUT", path, operator, json);
    }

    private static JsonObject get(String path) {
        Reply r = api.get(path, operator);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private static byte[] ogg() {
        try (var reader =
                Json.createReader(new java.io.StringReader(fixture("inbound-voice.json")))) {
            return Base64.getDecoder()
                    .decode(reader.readObject().getJsonObject("mediaData").getString("base64"));
        }
    }

    private static String fixture(String name) {
        try (InputStream in =
                VoiceNotesIT.class.getResourceAsStream("/fixtures/chatflow/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
