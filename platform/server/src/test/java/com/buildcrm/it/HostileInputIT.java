package com.buildcrm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.buildcrm.it.Api.Reply;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile and odd inputs on the running server (issue 12, items 3, 10 and 12): NUL characters
 * anywhere in the API are a 400 problem naming the field, not a 500; wrong JSON types are refused;
 * a media id that is a path is a client error; webhooks acknowledge whatever content they get and
 * keep it (NUL replaced, over-long ids hashed); a WhatsApp number libphonenumber does not know yet
 * still gets its answer; an unreadable sender is set aside and shown on the health page.
 */
class HostileInputIT {

    /** A NUL character as JSON writes it: the wire carries the six characters {@code \u0000}. */
    private static final String NUL = "\\u0000";

    private static final String APP_SECRET = "hostile-app-secret";

    private static Api api;
    private static String operator;
    private static CrmFixture crm;
    private static long leadId;
    private static FakeChatFlow chatflow;

    @BeforeAll
    static void setUp() throws IOException {
        api = SharedServer.get().api();
        operator = api.operatorLogin(ServerProcess.OPERATOR_EMAIL, ServerProcess.OPERATOR_PASSWORD);
        crm = new CrmFixture(api, operator, "hostile");
        crm.clientWrites("+77010000101", "Hostile Lead", "здравствуйте");
        leadId = CrmFixture.id(crm.awaitLeads(1).get("Hostile Lead"));
        chatflow = new FakeChatFlow();
    }

    @AfterAll
    static void stop() {
        chatflow.close();
    }

    @Test
    void nulInAQueryParameterIsAProblemNamingTheParameter() {
        assertField(api.get("/api/crm/leads?q=%00", crm.owner), "q");
        assertField(api.get("/api/crm/leads?city=Alma%00ty", crm.owner), "city");
        assertField(api.get("/api/crm/board?q=a%00", crm.owner), "q");
        Reply webhook = api.post("/webhooks/chatflow/key%00?secret=s", null, "{}");
        assertThat(webhook.status()).as(webhook.toString()).isBetween(400, 499);
    }

    @Test
    void aQueryNumberThatIsNoNumberIsAProblemNamingTheParameter() {
        // JAX-RS would answer 404 ("no such resource"), though the resource exists
        assertField(api.get("/api/crm/leads?limit=abc", crm.owner), "limit");
        assertField(api.get("/api/crm/board?limit=1e3", crm.owner), "limit");
        assertField(api.get("/api/crm/leads/" + leadId + "/messages?limit=x", crm.owner), "limit");
        // a path id that is no number is still a resource that does not exist
        assertThat(api.get("/api/crm/leads/abc", crm.owner).status()).isEqualTo(404);
        assertThat(api.get("/api/crm/leads?limit=20", crm.owner).status()).isEqualTo(200);
    }

    @Test
    void nulInAJsonBodyIsAProblemNamingTheField() {
        String lead = "/api/crm/leads/" + leadId;
        String tenant = "/api/admin/tenants/" + crm.tenantId;
        assertField(
                api.post(
                        "/api/admin/auth/login",
                        null,
                        "{\"email\":\"op" + NUL + "@x.kz\",\"password\":\"secret-1\"}"),
                "email");
        assertField(
                api.post(
                        "/api/crm/auth/login",
                        null,
                        "{\"tenant\":\"host"
                                + NUL
                                + "ile\",\"email\":\"owner@hostile.kz\",\"password\":\"p\"}"),
                "tenant");
        assertField(
                api.post("/api/crm/stages", crm.owner, "{\"name\":\"Этап" + NUL + "\"}"), "name");
        assertField(api.method("PATCH", lead, crm.owner, "{\"name\":\"Имя" + NUL + "\"}"), "name");
        assertField(
                api.method(
                        "PATCH", lead, crm.owner, "{\"fields\":{\"city\":\"Ал" + NUL + "маты\"}}"),
                "fields.city");
        assertField(
                api.post(lead + "/messages", crm.owner, "{\"text\":\"привет" + NUL + "\"}"),
                "text");
        assertField(
                api.post(
                        tenant + "/sandbox/messages",
                        operator,
                        "{\"phone\":\"+77010000102\",\"text\":\"hi" + NUL + "\"}"),
                "text");
        assertField(
                api.method(
                        "PUT",
                        tenant + "/followups",
                        operator,
                        "{\"steps\":[{\"delayMinutes\":60,\"text\":\"ау" + NUL + "\"}]}"),
                "steps[0].text");
        assertField(
                api.method("PUT", tenant + "/ai", operator, "{\"prompt\":\"Ты" + NUL + "\"}"),
                "prompt");
        // the same texts without NUL are fine
        assertThat(api.method("PATCH", lead, crm.owner, "{\"name\":\"Hostile Lead\"}").status())
                .isEqualTo(200);
    }

    @Test
    void aMediaIdThatIsAPathIsAClientErrorNotAServerError() {
        Reply r =
                api.post(
                        "/api/crm/leads/" + leadId + "/messages",
                        crm.owner,
                        "{\"mediaId\":\"../../keys/master.key\"}");
        assertThat(r.status()).as(r.toString()).isIn(400, 404);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    @Test
    void wrongJsonTypesAreRefusedNamingTheField() {
        String lead = "/api/crm/leads/" + leadId;
        assertField(api.method("PATCH", lead, crm.owner, "{\"aiEnabled\":\"yes\"}"), "aiEnabled");
        assertField(api.method("PATCH", lead, crm.owner, "{\"aiEnabled\":\"false\"}"), "aiEnabled");
        assertField(api.method("PATCH", lead, crm.owner, "{\"stageId\":\"12\"}"), "stageId");
        assertField(api.method("PATCH", lead, crm.owner, "{\"name\":{\"x\":1}}"), "name");
        assertField(
                api.method(
                        "PUT",
                        "/api/admin/tenants/" + crm.tenantId + "/ai",
                        operator,
                        "{\"enabled\":\"yes\"}"),
                "enabled");
        assertField(
                api.method("PUT", "/api/crm/stages/order", crm.owner, "{\"ids\":[1,\"two\"]}"),
                "ids[1]");
        // nothing was switched by the refused requests; proper types still work
        assertThat(api.get(lead, crm.owner).json().getBoolean("aiEnabled")).isTrue();
        Reply off = api.method("PATCH", lead, crm.owner, "{\"aiEnabled\":false}");
        assertThat(off.status()).as(off.toString()).isEqualTo(200);
        assertThat(api.get(lead, crm.owner).json().getBoolean("aiEnabled")).isFalse();
        Reply on = api.method("PATCH", lead, crm.owner, "{\"aiEnabled\":true,\"fields\":null}");
        assertThat(on.status()).as(on.toString()).isEqualTo(200);
    }

    @Test
    void theSandboxRefusesMessagesForASuspendedTenant() {
        CrmFixture suspended = new CrmFixture(api, operator, "hostile-suspended");
        Reply s = api.post("/api/admin/tenants/" + suspended.tenantId + "/suspend", operator, "");
        assertThat(s.status()).as(s.toString()).isEqualTo(200);
        Reply r =
                api.post(
                        "/api/admin/tenants/" + suspended.tenantId + "/sandbox/messages",
                        operator,
                        "{\"phone\":\"+77010000103\",\"text\":\"hello\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(409);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aChatFlowWebhookWithNulAndAnOverlongIdIsStoredOnceAndAcknowledged() throws IOException {
        ChatFlowTenant cf = chatFlowTenant("hostile-cf", false);
        String longId = "3F" + "A".repeat(298);
        String body =
                fixture("inbound-text.json")
                        .replace("3F36C3C880D877783735", longId)
                        .replace("77001234567@s.whatsapp.net", "77015550001@s.whatsapp.net")
                        .replace("здравствуйте", "при" + NUL + "вет")
                        .replace("Customer Name", "Nul" + NUL + "Name");
        assertThat(body).contains(longId).contains(NUL);
        assertThat(api.post(cf.webhookPath, null, body).status()).isEqualTo(200);
        assertThat(api.post(cf.webhookPath, null, body).status()).isEqualTo(200); // redelivery
        // a NUL inside the sender: acknowledged too
        String nulSender =
                fixture("inbound-text.json")
                        .replace("3F36C3C880D877783735", "NUL-SENDER-1")
                        .replace(
                                "77001234567@s.whatsapp.net",
                                "7701555" + NUL + "0002@s.whatsapp.net");
        assertThat(api.post(cf.webhookPath, null, nulSender).status()).isEqualTo(200);

        long lead = api.awaitLead(cf.owner, "77015550001");
        JsonArray messages =
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> api.messages(cf.owner, lead), m -> m.size() >= 1);
        assertThat(messages.getJsonObject(0).getString("text")).isEqualTo("при\uFFFDвет");
        // the redelivery of the hashed id was recognised: still one message, also a moment later
        assertThat(api.post(cf.webhookPath, null, body).status()).isEqualTo(200);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> api.messages(cf.owner, lead).size() == 1);
    }

    @Test
    void oddChatFlowContentIsAlwaysAcknowledged() {
        ChatFlowTenant cf = chatFlowTenant("hostile-odd", false);
        List<String> bodies =
                List.of(
                        chatflowBody("ODD-1", "7".repeat(10_000) + "@s.whatsapp.net", "\\ud800x"),
                        chatflowBody("ODD-2", "77015550010@s.whatsapp.net", "\\udfff\\ud800"),
                        chatflowBody(NUL, "77015550011@s.whatsapp.net", NUL + NUL),
                        chatflowBody("ODD-4" + NUL, NUL, "x".repeat(100_000)),
                        "{\"messageType\":5,\"metadata\":[1,2],\"message\":{\"a\":1}}",
                        "{\"messageType\":\"image\",\"message\":\"\",\"metadata\":{"
                                + "\"messageId\":\"ODD-6\",\"remoteJid\":\"77015550012@s.whatsapp.net\","
                                + "\"timestamp\":99999999999999999999999},\"mediaData\":{\"type\":\"image\","
                                + "\"mimetype\":\"image/png"
                                + NUL
                                + "\",\"fileName\":\"a"
                                + NUL
                                + ".png\",\"base64\":\"%%%not base64\"}}",
                        "{\"body\":{\"body\":{\"body\":{\"body\":{\"messageType\":\"text\"}}}}}",
                        "[" + "[".repeat(500) + "]".repeat(500) + "]",
                        "{\"messageType\":\"text\",\"message\":\"no metadata\"}");
        for (String body : bodies) {
            Reply r = api.post(cf.webhookPath, null, body);
            assertThat(r.status())
                    .as(body.length() > 300 ? body.substring(0, 300) : body)
                    .isEqualTo(200);
        }
        api.awaitLead(cf.owner, "77015550010");
        api.awaitLead(cf.owner, "77015550011");
        // a send time of the year 6 million is read as "now", not a message that cannot be stored
        long odd6 = api.awaitLead(cf.owner, "77015550012");
        assertThat(
                        await().atMost(Duration.ofSeconds(30))
                                .until(() -> api.messages(cf.owner, odd6), m -> m.size() == 1)
                                .getJsonObject(0)
                                .getString("kind"))
                .isEqualTo("IMAGE");
    }

    @Test
    void aMetaWebhookWithOverlongIdsIsStoredOnceAndAcknowledged() {
        CrmFixture meta = new CrmFixture(api, operator, "hostile-meta");
        Reply channel =
                api.method(
                        "PUT",
                        "/api/admin/tenants/" + meta.tenantId + "/channel",
                        operator,
                        Json.createObjectBuilder()
                                .add("provider", "meta-cloud")
                                .add(
                                        "settings",
                                        Json.createObjectBuilder()
                                                .add("baseUrl", "http://127.0.0.1:9/")
                                                .add("apiVersion", "21.0")
                                                .add("phoneNumberId", "1234567890")
                                                .add("accessToken", "hostile-token")
                                                .add("appSecret", APP_SECRET)
                                                .add("verifyToken", "hostile-verify"))
                                .build()
                                .toString());
        assertThat(channel.status()).as(channel.toString()).isEqualTo(200);
        String path = URI.create(channel.json().getString("webhookUrl")).getRawPath();
        String wamid = "wamid." + "HBgLNzcwMTU1NTAwMDMVAgASGBQzQU".repeat(10);
        assertThat(wamid).hasSize(306);
        String body = metaText("77015550003", wamid, "сообщение с длинным id");
        assertThat(api.postMetaSigned(path, APP_SECRET, body).status()).isEqualTo(200);
        assertThat(api.postMetaSigned(path, APP_SECRET, body).status()).isEqualTo(200);
        String status = metaStatus(wamid + "-out", "77015550003");
        assertThat(api.postMetaSigned(path, APP_SECRET, status).status()).isEqualTo(200);

        long lead = api.awaitLead(meta.owner, "77015550003");
        assertThat(
                        await().atMost(Duration.ofSeconds(30))
                                .until(() -> api.messages(meta.owner, lead), m -> m.size() >= 1))
                .hasSize(1);
        assertThat(api.postMetaSigned(path, APP_SECRET, body).status()).isEqualTo(200);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> api.messages(meta.owner, lead).size() == 1);
    }

    @Test
    void aWhatsAppNumberLibphonenumberCallsInvalidStillGetsTheAiAnswerAndManagerReplies()
            throws IOException {
        ChatFlowTenant cf = chatFlowTenant("hostile-new-range", true);
        // +7 703 is a new Kazakh mobile range: possible, but not valid in libphonenumber 9.0.19
        String jid = "77031234567@s.whatsapp.net";
        String body =
                fixture("inbound-text.json")
                        .replace("3F36C3C880D877783735", "NEW-RANGE-1")
                        .replace("77001234567@s.whatsapp.net", jid);
        assertThat(api.post(cf.webhookPath, null, body).status()).isEqualTo(200);
        long lead = api.awaitLead(cf.owner, "77031234567");
        await().atMost(Duration.ofSeconds(60))
                .until(
                        () ->
                                chatflow.calls().stream()
                                        .anyMatch(c -> jid.equals(c.params().get("jid"))));
        Reply reply =
                api.post(
                        "/api/crm/leads/" + lead + "/messages",
                        cf.owner,
                        "{\"text\":\"Здравствуйте!\"}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        // a Meta-style sender (digits, no jid) of that range is a lead as well
        Reply sandbox =
                api.post(
                        "/api/admin/tenants/" + crm.tenantId + "/sandbox/messages",
                        operator,
                        "{\"phone\":\"+77031234568\",\"name\":\"Новый диапазон\",\"text\":\"hi\"}");
        assertThat(sandbox.status()).as(sandbox.toString()).isEqualTo(202);
        api.awaitLead(crm.owner, "77031234568");
    }

    @Test
    void anInboundEventWhoseSenderIsNoPhoneIsKeptAndShownOnTheHealthPage() throws IOException {
        ChatFlowTenant cf = chatFlowTenant("hostile-sender", false);
        String body =
                fixture("inbound-text.json")
                        .replace("3F36C3C880D877783735", "BAD-SENDER-1")
                        .replace("77001234567@s.whatsapp.net", "not-a-phone-xyz@s.whatsapp.net");
        assertThat(api.post(cf.webhookPath, null, body).status()).isEqualTo(200);
        JsonObject health =
                await().atMost(Duration.ofSeconds(30))
                        .until(
                                () -> api.get("/api/admin/health", operator).json(),
                                h ->
                                        h.getJsonArray("errors").stream()
                                                .map(JsonValue::asJsonObject)
                                                .anyMatch(
                                                        e ->
                                                                e.getString("message", "")
                                                                        .contains(
                                                                                "not-a-phone-xyz")));
        assertThat(health.getString("status")).isEqualTo("degraded");
        assertThat(health.getJsonObject("inbox").getJsonNumber("poison").longValue()).isPositive();
    }

    // --- helpers ---

    /** A company on ChatFlow (the fake one), with the rule-brain AI on or off. */
    private record ChatFlowTenant(long id, String owner, String webhookPath) {}

    private static ChatFlowTenant chatFlowTenant(String slug, boolean ai) {
        long id =
                api.createTenant(operator, slug, "ru", "owner@" + slug + ".kz", "owner-pass-1")
                        .getJsonNumber("id")
                        .longValue();
        Reply settings =
                api.method(
                        "PUT",
                        "/api/admin/tenants/" + id + "/ai",
                        operator,
                        ai
                                ? "{\"enabled\":true,\"brain\":\"rules\",\"debounceMs\":500}"
                                : "{\"enabled\":false}");
        assertThat(settings.status()).as(settings.toString()).isEqualTo(200);
        Reply channel =
                api.setChatFlowChannel(
                        operator, id, chatflow.baseUrl(), "eyJ-hostile", "SE9TVElMRQ==");
        assertThat(channel.status()).as(channel.toString()).isEqualTo(200);
        return new ChatFlowTenant(
                id,
                api.userLogin(slug, "owner@" + slug + ".kz", "owner-pass-1"),
                Api.webhookPath(channel.json()));
    }

    /** A ChatFlow text message; the arguments are JSON string contents (escapes allowed). */
    private static String chatflowBody(String id, String remoteJid, String text) {
        return "{\"messageType\":\"text\",\"message\":\""
                + text
                + "\",\"metadata\":{\"sender\":\"Odd"
                + NUL
                + "\",\"timestamp\":1764686607,\"messageId\":\""
                + id
                + "\",\"remoteJid\":\""
                + remoteJid
                + "\"}}";
    }

    private static void assertField(Reply r, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().getJsonArray("errors").stream().map(JsonValue::asJsonObject))
                .as(r.toString())
                .anyMatch(e -> field.equals(e.getString("field")));
    }

    private static String metaText(String from, String wamid, String text) {
        JsonObject message =
                Json.createObjectBuilder()
                        .add("from", from)
                        .add("id", wamid)
                        .add("timestamp", "1764686620")
                        .add("type", "text")
                        .add("text", Json.createObjectBuilder().add("body", text))
                        .build();
        return Api.metaWebhook(
                Api.metaMessages(
                        "1234567890", "Мета", from, Json.createArrayBuilder().add(message)));
    }

    private static String metaStatus(String wamid, String recipient) {
        return Api.metaWebhook(
                Json.createObjectBuilder()
                        .add("messaging_product", "whatsapp")
                        .add(
                                "statuses",
                                Json.createArrayBuilder()
                                        .add(
                                                Json.createObjectBuilder()
                                                        .add("id", wamid)
                                                        .add("status", "delivered")
                                                        .add("timestamp", "1764686630")
                                                        .add("recipient_id", recipient)))
                        .build());
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in =
                HostileInputIT.class.getResourceAsStream("/fixtures/chatflow/" + name)) {
            if (in == null) {
                throw new IOException("missing fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
