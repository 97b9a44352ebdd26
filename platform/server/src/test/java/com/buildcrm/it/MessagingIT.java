package com.buildcrm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.buildcrm.it.Api.Reply;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The WhatsApp message path on the running server: real ChatFlow payloads through the real webhook
 * into leads and conversations, and replies through the durable outbox to a fake ChatFlow.
 */
class MessagingIT {

    private static Api api;
    private static String operator;
    private static FakeChatFlow chatflow;
    private static long tenantId;
    private static String owner;
    private static String webhookPath;

    @BeforeAll
    static void setUp() throws IOException {
        api = SharedServer.get().api();
        operator = api.operatorLogin(ServerProcess.OPERATOR_EMAIL, ServerProcess.OPERATOR_PASSWORD);
        chatflow = new FakeChatFlow();
        tenantId = companyWithoutAi("wa-chatflow", "owner@wa.kz");
        Reply channel =
                api.setChatFlowChannel(
                        operator, tenantId, chatflow.baseUrl(), "eyJ-test-token", "SU5TVEFOQ0U=");
        assertThat(channel.status()).as(channel.toString()).isEqualTo(200);
        webhookPath = Api.webhookPath(channel.json());
        assertThat(channel.json().getJsonObject("settings").getString("token"))
                .doesNotContain("eyJ-test-token");
        owner = api.userLogin("wa-chatflow", "owner@wa.kz", "owner-pass-1");
    }

    /** A new company whose AI is off: this class tests the message path, not the AI. */
    private static long companyWithoutAi(String slug, String ownerEmail) {
        long id =
                api.createTenant(operator, slug, "ru", ownerEmail, "owner-pass-1")
                        .getJsonNumber("id")
                        .longValue();
        api.setAi(operator, id, false);
        return id;
    }

    @AfterAll
    static void stop() {
        chatflow.close();
    }

    @Test
    void realChatFlowPayloadsBecomeOneLeadWithTextAndAPlayableVoiceNoteAndRedeliveriesAreIgnored()
            throws IOException {
        String text = fixture("inbound-text.json");
        assertThat(api.post(webhookPath, null, text).status()).isEqualTo(200);
        assertThat(api.post(webhookPath, null, text).status()).isEqualTo(200); // redelivery
        assertThat(api.post(webhookPath, null, fixture("inbound-voice.json")).status())
                .isEqualTo(200);

        JsonObject lead = awaitLead("+77001234567");
        assertThat(lead.getString("name")).isEqualTo("Customer Name");
        assertThat(lead.getJsonObject("stage").getString("role")).isEqualTo("NEW");
        long leadId = lead.getJsonNumber("id").longValue();

        JsonArray messages =
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> messages(leadId), m -> m.size() >= 2);
        assertThat(messages).hasSize(2);
        assertThat(messages.getJsonObject(0).getString("text")).isEqualTo("здравствуйте");
        JsonObject voice = messages.getJsonObject(1);
        assertThat(voice.getString("kind")).isEqualTo("VOICE");
        String mediaUrl = voice.getJsonObject("media").getString("url");
        var audio =
                api.raw(
                        HttpRequest.newBuilder(
                                api.uri(
                                        URI.create(mediaUrl).getRawPath()
                                                + "?"
                                                + URI.create(mediaUrl).getRawQuery())));
        assertThat(audio.status()).isEqualTo(200);
        assertThat(audio.contentType()).startsWith("audio/ogg");
        assertThat(audio.body()).startsWith("OggS");
    }

    @Test
    void aManagerReplyGoesOutThroughTheOutboxEvenWhenChatFlowIsDownForAWhile() throws IOException {
        String body =
                fixture("inbound-text.json")
                        .replace("3F36C3C880D877783735", "REPLY-TEST-1")
                        .replace("77001234567@s.whatsapp.net", "77017654321@s.whatsapp.net");
        assertThat(api.post(webhookPath, null, body).status()).isEqualTo(200);
        long leadId = awaitLead("+77017654321").getJsonNumber("id").longValue();

        chatflow.failNext(2);
        Reply sent =
                api.post(
                        "/api/crm/leads/" + leadId + "/messages",
                        owner,
                        Json.createObjectBuilder()
                                .add(
                                        "text",
                                        "Здравствуйте! Подскажите, в каком городе планируете строительство?")
                                .build());
        assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
        assertThat(sent.json().getString("status")).isEqualTo("QUEUED");

        await().atMost(Duration.ofSeconds(60))
                .until(
                        () ->
                                chatflow.calls().stream()
                                        .anyMatch(
                                                c ->
                                                        c.params()
                                                                .getOrDefault("jid", "")
                                                                .equals(
                                                                        "77017654321@s.whatsapp.net")));
        FakeChatFlow.Call call =
                chatflow.calls().stream()
                        .filter(
                                c ->
                                        c.params()
                                                .getOrDefault("jid", "")
                                                .equals("77017654321@s.whatsapp.net"))
                        .findFirst()
                        .orElseThrow();
        assertThat(call.operation()).isEqualTo("send-text");
        assertThat(call.params())
                .containsEntry(
                        "msg", "Здравствуйте! Подскажите, в каком городе планируете строительство?")
                .containsEntry("token", "eyJ-test-token")
                .containsEntry("instance_id", "SU5TVEFOQ0U=");
        JsonArray messages =
                await().atMost(Duration.ofSeconds(10))
                        .until(
                                () -> messages(leadId),
                                m ->
                                        m.getJsonObject(m.size() - 1)
                                                .getString("status")
                                                .equals("SENT"));
        assertThat(messages.getJsonObject(messages.size() - 1).getString("author"))
                .isEqualTo("HUMAN");
        assertThat(
                        chatflow.calls().stream()
                                .filter(
                                        c ->
                                                c.params()
                                                        .getOrDefault("jid", "")
                                                        .equals("77017654321@s.whatsapp.net")))
                .hasSize(1);
    }

    @Test
    void unknownChannelBadSecretAndJunkBodiesNeverReachTheInboxOrCauseA5xx() throws IOException {
        String text = fixture("inbound-text.json").replace("3F36C3C880D877783735", "JUNK-TEST");
        String path = webhookPath.substring(0, webhookPath.indexOf('?'));
        assertThat(api.post(path + "?secret=wrong", null, text).status()).isEqualTo(401);
        assertThat(api.post(path, null, text).status()).isEqualTo(401);
        assertThat(api.post("/webhooks/chatflow/no-such-channel?secret=x", null, text).status())
                .isEqualTo(404);
        for (String junk :
                new String[] {
                    "",
                    "hello",
                    "[]",
                    "{\"messageType\":42}",
                    text.substring(0, text.length() / 2),
                    "{\"body\":"
                }) {
            Reply r = api.post(webhookPath, null, junk);
            assertThat(r.status()).as("body " + junk).isLessThan(500);
        }
        String n8nWrapped =
                "{\"body\":"
                        + fixture("inbound-text.json")
                                .replace("3F36C3C880D877783735", "WRAPPED-1")
                                .replace("77001234567@s.whatsapp.net", "77015550000@s.whatsapp.net")
                        + "}";
        assertThat(api.post(webhookPath, null, n8nWrapped).status()).isEqualTo(200);
        assertThat(awaitLead("+77015550000")).isNotNull();
        JsonArray all = api.get("/api/crm/leads?q=JUNK", owner).json().getJsonArray("items");
        assertThat(all).isEmpty();
    }

    @Test
    void aRotatedWebhookSecretStopsTheOldUrlAtOnceAndTheNewOneWorks() throws IOException {
        long rotating = companyWithoutAi("wa-rotate", "owner@rotate-wa.kz");
        Reply channel =
                api.setChatFlowChannel(
                        operator, rotating, chatflow.baseUrl(), "eyJ-rotate", "Uk9UQVRF");
        assertThat(channel.status()).as(channel.toString()).isEqualTo(200);
        String old = Api.webhookPath(channel.json());
        String text = fixture("inbound-text.json");
        // the channel is now known (and kept) under its old key
        assertThat(api.post(old, null, text.replace("3F36C3C880D877783735", "ROT-1")).status())
                .isEqualTo(200);

        Reply rotated =
                api.post("/api/admin/tenants/" + rotating + "/channel/rotate-secret", operator, "");
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        String fresh = Api.webhookPath(rotated.json());
        assertThat(fresh).isNotEqualTo(old);
        assertThat(api.post(old, null, text.replace("3F36C3C880D877783735", "ROT-2")).status())
                .isEqualTo(404);
        assertThat(api.post(fresh, null, text.replace("3F36C3C880D877783735", "ROT-3")).status())
                .isEqualTo(200);
    }

    @Test
    void phoneVariantsOfOnePersonEndInOneLead() {
        long sandboxTenant = companyWithoutAi("wa-sandbox", "owner@sb.kz");
        Reply configured =
                api.method(
                        "PUT",
                        "/api/admin/tenants/" + sandboxTenant + "/channel",
                        operator,
                        "{\"provider\":\"sandbox\",\"settings\":{}}");
        assertThat(configured.status()).as(configured.toString()).isEqualTo(200);
        for (String phone : new String[] {"8 701 123 45 67", "+7 (701) 123-45-67", "77011234567"}) {
            Reply r =
                    api.post(
                            "/api/admin/tenants/" + sandboxTenant + "/sandbox/messages",
                            operator,
                            Json.createObjectBuilder()
                                    .add("phone", phone)
                                    .add("name", "Асель")
                                    .add("text", "Сколько стоит дом 10 на 12? (" + phone + ")")
                                    .build());
            assertThat(r.status()).as(r.toString()).isEqualTo(202);
        }
        String sbOwner = api.userLogin("wa-sandbox", "owner@sb.kz", "owner-pass-1");
        JsonArray chat =
                await().atMost(Duration.ofSeconds(30))
                        .until(
                                () ->
                                        api.get(
                                                        "/api/admin/tenants/"
                                                                + sandboxTenant
                                                                + "/sandbox/chats/+77011234567",
                                                        operator)
                                                .array(),
                                c -> c.size() == 3);
        assertThat(chat).hasSize(3);
        JsonArray leads = api.get("/api/crm/leads", sbOwner).json().getJsonArray("items");
        assertThat(leads).hasSize(1);
        assertThat(leads.getJsonObject(0).getString("phone")).isEqualTo("+77011234567");
    }

    @Test
    void aPhotoUploadedInTheCrmIsSentAsAnImageWithItsCaptionAtASignedUrl() {
        String body =
                fixture("inbound-text.json")
                        .replace("3F36C3C880D877783735", "PHOTO-TEST-1")
                        .replace("77001234567@s.whatsapp.net", "77019998877@s.whatsapp.net");
        assertThat(api.post(webhookPath, null, body).status()).isEqualTo(200);
        long leadId = awaitLead("+77019998877").getJsonNumber("id").longValue();

        Reply uploaded = api.upload("/api/crm/media", owner, "house.png", "image/png", PNG);
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        assertThat(uploaded.json().getString("mimeType")).isEqualTo("image/png");
        Reply refused =
                api.upload(
                        "/api/crm/media",
                        owner,
                        "evil.png",
                        "image/png",
                        "not an image".getBytes(StandardCharsets.UTF_8));
        assertThat(refused.status()).isEqualTo(400);

        Reply sent =
                api.post(
                        "/api/crm/leads/" + leadId + "/messages",
                        owner,
                        Json.createObjectBuilder()
                                .add("mediaId", uploaded.json().getString("id"))
                                .add("text", "Так выглядит дом 10×12")
                                .build());
        assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
        FakeChatFlow.Call call =
                await().atMost(Duration.ofSeconds(60))
                        .until(
                                () ->
                                        chatflow.calls().stream()
                                                .filter(
                                                        c ->
                                                                c.params()
                                                                        .getOrDefault("jid", "")
                                                                        .equals(
                                                                                "77019998877@s.whatsapp.net"))
                                                .findFirst(),
                                java.util.Optional::isPresent)
                        .orElseThrow();
        assertThat(call.operation()).isEqualTo("send-image");
        assertThat(call.params()).containsEntry("caption", "Так выглядит дом 10×12");
        URI image = URI.create(call.params().get("imageurl"));
        Reply fetched =
                api.raw(
                        HttpRequest.newBuilder(
                                api.uri(image.getRawPath() + "?" + image.getRawQuery())));
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.contentType()).startsWith("image/png");
        Reply tampered =
                api.raw(
                        HttpRequest.newBuilder(
                                api.uri(
                                        image.getRawPath()
                                                + "?"
                                                + image.getRawQuery().replace("sig=", "sig=x"))));
        assertThat(tampered.status()).isEqualTo(404);
    }

    @Test
    void theOperatorTestsTheConnectionWithARealMessage() {
        Reply configured =
                api.post("/api/admin/tenants/" + tenantId + "/channel/test", operator, "{}");
        assertThat(configured.json().getString("result")).isEqualTo("CONFIGURED");
        Reply sent =
                api.post(
                        "/api/admin/tenants/" + tenantId + "/channel/test",
                        operator,
                        "{\"phone\":\"+7 701 222 33 44\",\"text\":\"Проверка связи\"}");
        assertThat(sent.json().getString("result")).as(sent.toString()).isEqualTo("ACCEPTED");
        assertThat(chatflow.calls())
                .anySatisfy(
                        c ->
                                assertThat(c.params())
                                        .containsEntry("jid", "77012223344@s.whatsapp.net")
                                        .containsEntry("msg", "Проверка связи"));
    }

    private static final byte[] PNG =
            java.util.Base64.getDecoder()
                    .decode(
                            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private static JsonObject awaitLead(String phone) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                api.get("/api/crm/leads?q=" + phone.substring(1), owner)
                                        .json()
                                        .getJsonArray("items"),
                        items -> !items.isEmpty())
                .getJsonObject(0);
    }

    private static JsonArray messages(long leadId) {
        return api.get("/api/crm/leads/" + leadId + "/messages", owner)
                .json()
                .getJsonArray("items");
    }

    private static String fixture(String name) {
        try (InputStream in = MessagingIT.class.getResourceAsStream("/fixtures/chatflow/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
