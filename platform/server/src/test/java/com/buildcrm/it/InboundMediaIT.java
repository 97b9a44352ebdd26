package com.buildcrm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.buildcrm.channel.FakeProviderServer;
import com.buildcrm.it.Api.Reply;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Inbound media the provider does not inline, on the running server: a Meta Cloud API webhook
 * (signed with the app secret) carries only a media id; the server fetches the file from a fake
 * Graph API in Meta's two steps and keeps it with the message. A file that cannot be fetched leaves
 * the message in the CRM without its file: not lost, not poisoned.
 */
class InboundMediaIT {

    static final String APP_SECRET = "6a1f0c3e9b8d7a6f5e4d3c2b1a098765";
    static final String ACCESS_TOKEN = "EAAG-media-it-token";
    static final String PHONE_NUMBER_ID = "106540352242922";

    static final byte[] PNG =
            java.util.Base64.getDecoder()
                    .decode(
                            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private static Api api;
    private static FakeProviderServer graph;
    private static String owner;
    private static String webhookPath;

    @BeforeAll
    static void setUp() {
        api = SharedServer.get().api();
        String operator =
                api.operatorLogin(ServerProcess.OPERATOR_EMAIL, ServerProcess.OPERATOR_PASSWORD);
        graph = FakeProviderServer.start();
        long tenantId =
                api.createTenant(operator, "wa-meta-media", "ru", "owner@media.kz", "owner-pass-1")
                        .getJsonNumber("id")
                        .longValue();
        api.setAi(operator, tenantId, false); // this class tests the message path, not the AI
        Reply channel =
                api.method(
                        "PUT",
                        "/api/admin/tenants/" + tenantId + "/channel",
                        operator,
                        Json.createObjectBuilder()
                                .add("provider", "meta-cloud")
                                .add(
                                        "settings",
                                        Json.createObjectBuilder()
                                                .add("baseUrl", graph.baseUrl().toString())
                                                .add("apiVersion", "21.0")
                                                .add("phoneNumberId", PHONE_NUMBER_ID)
                                                .add("accessToken", ACCESS_TOKEN)
                                                .add("appSecret", APP_SECRET)
                                                .add("verifyToken", "verify-media-it")
                                                .add("requestTimeoutMs", "5000"))
                                .build()
                                .toString());
        assertThat(channel.status()).as(channel.toString()).isEqualTo(200);
        webhookPath = URI.create(channel.json().getString("webhookUrl")).getRawPath();
        owner = api.userLogin("wa-meta-media", "owner@media.kz", "owner-pass-1");
    }

    @AfterAll
    static void stop() {
        graph.close();
    }

    @Test
    void aMetaImageIdEndsAsAMessageWhoseFileIsTheOneMetaServed() throws Exception {
        String mediaId = "2754859441498128";
        graph.reply(
                "/v21.0/" + mediaId,
                200,
                description(mediaId, graph.baseUrl() + "files/house.png"));
        graph.file("/files/house.png", "image/png", PNG);

        // the image and a text right after it, in one delivery: the text's job must not record
        // the conversation before the image has its file
        Reply delivered =
                api.postMetaSigned(
                        webhookPath,
                        APP_SECRET,
                        webhook(
                                "77012220001",
                                "wamid.MEDIA-IT-1",
                                mediaId,
                                "Вот такой хочу",
                                "Сколько стоит?"));
        assertThat(delivered.status()).as(delivered.toString()).isEqualTo(200);

        long leadId = api.awaitLead(owner, "77012220001");
        JsonArray both =
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> api.messages(owner, leadId), m -> m.size() == 2);
        JsonObject message = both.getJsonObject(0);
        assertThat(message.getString("kind")).isEqualTo("IMAGE");
        assertThat(message.getString("text")).isEqualTo("Вот такой хочу");
        assertThat(both.getJsonObject(1).getString("text")).isEqualTo("Сколько стоит?");
        assertThat(absent(message, "error")).isTrue();
        JsonObject media = message.getJsonObject("media");
        assertThat(media.getString("mimeType")).startsWith("image/png");
        URI url = URI.create(media.getString("url"));
        HttpResponse<byte[]> file =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(
                                                api.uri(url.getRawPath() + "?" + url.getRawQuery()))
                                        .build(),
                                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(PNG);
    }

    @Test
    void aFileThatCannotBeFetchedLeavesTheMessageWithoutItNotLostAndNotPoisoned() {
        String mediaId = "1183465609811435";
        // Meta describes the file, but its download URL is on a port nothing listens on
        graph.reply(
                "/v21.0/" + mediaId,
                200,
                description(mediaId, FakeProviderServer.closedPort() + "files/voice.ogg"));

        assertThat(
                        api.postMetaSigned(
                                        webhookPath,
                                        APP_SECRET,
                                        webhook(
                                                "77012220002",
                                                "wamid.MEDIA-IT-2",
                                                mediaId,
                                                "Смотрите",
                                                null))
                                .status())
                .isEqualTo(200);

        long leadId = api.awaitLead(owner, "77012220002");
        JsonObject message =
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> api.messages(owner, leadId), m -> m.size() == 1)
                        .getJsonObject(0);
        assertThat(message.getString("kind")).isEqualTo("IMAGE");
        assertThat(message.getString("text")).isEqualTo("Смотрите");
        assertThat(absent(message, "media")).isTrue();
        assertThat(message.getString("error")).contains("media not received", "could not reach");
        assertThat(message.getString("error")).doesNotContain(ACCESS_TOKEN);
        assertThat(message.getString("status")).isEqualTo("RECEIVED");
    }

    @Test
    void aChatFlowVoiceNoteWithoutBase64IsFetchedFromItsUrlOnce() throws Exception {
        try (FakeProviderServer chatflow = FakeProviderServer.start()) {
            String operator =
                    api.operatorLogin(
                            ServerProcess.OPERATOR_EMAIL, ServerProcess.OPERATOR_PASSWORD);
            long tenantId =
                    api.createTenant(operator, "wa-cf-media", "ru", "owner@cfm.kz", "owner-pass-1")
                            .getJsonNumber("id")
                            .longValue();
            api.setAi(operator, tenantId, false);
            Reply channel =
                    api.method(
                            "PUT",
                            "/api/admin/tenants/" + tenantId + "/channel",
                            operator,
                            Json.createObjectBuilder()
                                    .add("provider", "chatflow")
                                    .add(
                                            "settings",
                                            Json.createObjectBuilder()
                                                    .add("baseUrl", chatflow.baseUrl() + "api/v1/")
                                                    .add("token", "eyJ-media-token")
                                                    .add("instanceId", "SU5TVEFOQ0U="))
                                    .build()
                                    .toString());
            assertThat(channel.status()).as(channel.toString()).isEqualTo(200);
            URI hook = URI.create(channel.json().getString("webhookUrl"));
            String file =
                    "/media/sessions/SU5TVEFOQ0U=/h5UVJF_77001234567_s_whatsapp_net_inbox.oga";
            byte[] ogg = oggFromFixture();
            java.util.concurrent.atomic.AtomicInteger fetches =
                    new java.util.concurrent.atomic.AtomicInteger();
            chatflow.route(
                    file,
                    request -> {
                        fetches.incrementAndGet();
                        return new FakeProviderServer.Reply(200, ogg, "audio/ogg");
                    });
            JsonObject voice = fixture("inbound-voice.json");
            JsonObject mediaData =
                    Json.createObjectBuilder(voice.getJsonObject("mediaData"))
                            .remove("base64")
                            .add("url", chatflow.baseUrl() + file.substring(1))
                            .build();
            String body =
                    Json.createObjectBuilder(voice).add("mediaData", mediaData).build().toString();

            assertThat(api.post(hook.getRawPath() + "?" + hook.getRawQuery(), null, body).status())
                    .isEqualTo(200);

            String cfOwner = api.userLogin("wa-cf-media", "owner@cfm.kz", "owner-pass-1");
            JsonObject message =
                    await().atMost(Duration.ofSeconds(30))
                            .until(
                                    () -> {
                                        JsonArray leads =
                                                api.get("/api/crm/leads", cfOwner)
                                                        .json()
                                                        .getJsonArray("items");
                                        return leads.isEmpty()
                                                ? Json.createArrayBuilder().build()
                                                : api.get(
                                                                "/api/crm/leads/"
                                                                        + leads.getJsonObject(0)
                                                                                .getJsonNumber("id")
                                                                        + "/messages",
                                                                cfOwner)
                                                        .json()
                                                        .getJsonArray("items");
                                    },
                                    m -> m.size() == 1)
                            .getJsonObject(0);
            assertThat(message.getString("kind")).isEqualTo("VOICE");
            URI url = URI.create(message.getJsonObject("media").getString("url"));
            HttpResponse<byte[]> fetched =
                    HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(
                                                    api.uri(
                                                            url.getRawPath()
                                                                    + "?"
                                                                    + url.getRawQuery()))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(fetched.body()).isEqualTo(ogg);
            assertThat(fetches.get()).isEqualTo(1);
        }
    }

    private static JsonObject fixture(String name) throws java.io.IOException {
        try (var in = InboundMediaIT.class.getResourceAsStream("/fixtures/chatflow/" + name)) {
            return Json.createReader(in).readObject();
        }
    }

    private static byte[] oggFromFixture() throws java.io.IOException {
        return java.util.Base64.getDecoder()
                .decode(
                        fixture("inbound-voice.json")
                                .getJsonObject("mediaData")
                                .getString("base64"));
    }

    private static String description(String mediaId, String url) {
        return Json.createObjectBuilder()
                .add("url", url)
                .add("mime_type", "image/png")
                .add("sha256", "jQjvn0B3pSmVkE1wUaY5q8hM1m2cCw3rX0Ctbc5+8Zw=")
                .add("file_size", PNG.length)
                .add("id", mediaId)
                .add("messaging_product", "whatsapp")
                .build()
                .toString();
    }

    /**
     * A Cloud API "messages" webhook with one image (and a text after it when {@code text} is not
     * null), as Meta sends it.
     */
    private static String webhook(
            String from, String wamid, String mediaId, String caption, String text) {
        return Api.metaWebhook(value(from, wamid, mediaId, caption, text));
    }

    private static JsonObject value(
            String from, String wamid, String mediaId, String caption, String text) {
        var messages =
                Json.createArrayBuilder()
                        .add(
                                Json.createObjectBuilder()
                                        .add("from", from)
                                        .add("id", wamid)
                                        .add("timestamp", "1764686620")
                                        .add("type", "image")
                                        .add(
                                                "image",
                                                Json.createObjectBuilder()
                                                        .add("caption", caption)
                                                        .add("mime_type", "image/png")
                                                        .add(
                                                                "sha256",
                                                                "jQjvn0B3pSmVkE1wUaY5q8hM1m2cCw3rX0Ctbc5+8Zw=")
                                                        .add("id", mediaId)));
        if (text != null) {
            messages.add(
                    Json.createObjectBuilder()
                            .add("from", from)
                            .add("id", wamid + "-text")
                            .add("timestamp", "1764686621")
                            .add("type", "text")
                            .add("text", Json.createObjectBuilder().add("body", text)));
        }
        return Api.metaMessages(PHONE_NUMBER_ID, "Айгерим", from, messages);
    }

    private static boolean absent(JsonObject o, String name) {
        return !o.containsKey(name) || o.isNull(name);
    }
}
