package com.buildcrm.channel.meta;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildcrm.channel.FakeProviderServer;
import com.buildcrm.channel.FakeProviderServer.Received;
import com.buildcrm.channel.MediaKind;
import com.buildcrm.channel.SendResult;
import com.buildcrm.channel.TemplateCall;
import com.buildcrm.channel.WhatsAppGateway;
import com.buildcrm.channel.builtin.BuiltInChannels;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Cloud API gateway against a fake Graph API. */
class MetaCloudGatewayTest {

    static final String TOKEN = "EAAGm0PX4ZCpsBA-secret-token";
    static final String PATH = "/v21.0/106540352242922/messages";
    static final String WAMID = "wamid.HBgLNzcwMTEyMzQ1NjcVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA";
    static final String ACCEPTED =
            """
            {"messaging_product":"whatsapp","contacts":[{"input":"77011234567","wa_id":"77011234567"}],
             "messages":[{"id":"%s","message_status":"accepted"}]}
            """
                    .formatted(WAMID);
    static final String OUTSIDE_WINDOW =
            """
            {"error":{"message":"(#131047) Re-engagement message","type":"OAuthException","code":131047,
             "error_data":{"messaging_product":"whatsapp","details":"Message failed to send because more than 24 hours have passed since the customer last replied to this number."},
             "fbtrace_id":"AbCdEfGh"}}
            """;

    final FakeProviderServer graph = FakeProviderServer.start();

    @AfterEach
    void stop() {
        graph.close();
    }

    @Test
    void textIsPostedAsJsonWithTheBearerTokenAndReturnsTheWamid() {
        graph.reply(PATH, 200, ACCEPTED);

        SendResult result =
                gateway().sendText("8 (701) 123-45-67", "Добрый день! https://example.kz");

        assertThat(result).isEqualTo(SendResult.accepted(WAMID));
        assertThat(((SendResult.Accepted) result).messageId()).contains(WAMID);
        Received request = graph.takeRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo(PATH);
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(request.header("Content-Type")).startsWith("application/json");
        JsonObject body = json(request.bodyText());
        assertThat(body.getString("messaging_product")).isEqualTo("whatsapp");
        assertThat(body.getString("to")).isEqualTo("77011234567");
        assertThat(body.getString("type")).isEqualTo("text");
        assertThat(body.getJsonObject("text").getString("body"))
                .isEqualTo("Добрый день! https://example.kz");
        assertThat(body.getJsonObject("text").getBoolean("preview_url")).isTrue();
    }

    @Test
    void outsideThe24HourWindowIsRejectedNotRetryableWithAClearReason() {
        graph.reply(PATH, 400, OUTSIDE_WINDOW);

        SendResult result = gateway().sendText("+77011234567", "Напоминаем о себе");

        assertThat(result).isInstanceOf(SendResult.Rejected.class);
        SendResult.Rejected rejected = (SendResult.Rejected) result;
        assertThat(rejected.retryable()).isFalse();
        assertThat(rejected.reason()).contains("24-hour", "template", "131047");
    }

    @Test
    void aTemplateGoesOutInMetasTemplateWireFormat() {
        graph.reply(PATH, 200, ACCEPTED);

        SendResult result =
                gateway()
                        .sendTemplate(
                                "+77011234567",
                                new TemplateCall(
                                        "follow_up_1", "ru", List.of("Асель", "ТОО «Панель Дом»")));

        assertThat(result).isEqualTo(SendResult.accepted(WAMID));
        JsonObject body = json(graph.takeRequest().bodyText());
        assertThat(body.getString("messaging_product")).isEqualTo("whatsapp");
        assertThat(body.getString("to")).isEqualTo("77011234567");
        assertThat(body.getString("type")).isEqualTo("template");
        JsonObject template = body.getJsonObject("template");
        assertThat(template.getString("name")).isEqualTo("follow_up_1");
        assertThat(template.getJsonObject("language").getString("code")).isEqualTo("ru");
        JsonObject component = template.getJsonArray("components").getJsonObject(0);
        assertThat(component.getString("type")).isEqualTo("body");
        assertThat(component.getJsonArray("parameters").getJsonObject(0).getString("type"))
                .isEqualTo("text");
        assertThat(
                        component.getJsonArray("parameters").stream()
                                .map(p -> p.asJsonObject().getString("text"))
                                .toList())
                .containsExactly("Асель", "ТОО «Панель Дом»");
    }

    @Test
    void aTemplateWithoutPlaceholdersSendsNoComponents() {
        graph.reply(PATH, 200, ACCEPTED);

        gateway().sendTemplate("+77011234567", new TemplateCall("hello_again", "kk", List.of()));

        JsonObject template = json(graph.takeRequest().bodyText()).getJsonObject("template");
        assertThat(template.containsKey("components")).isFalse();
        assertThat(template.getJsonObject("language").getString("code")).isEqualTo("kk");
    }

    @Test
    void aTemplateMetaRejectsForItsParameterCountFailsForGoodWithAHumanReason() {
        graph.reply(
                PATH,
                400,
                """
                {"error":{"message":"(#132000) Number of parameters does not match the expected number of params",
                 "type":"OAuthException","code":132000,
                 "error_data":{"messaging_product":"whatsapp","details":"body: number of localizable_params (1) does not match the expected number of params (2)"},
                 "fbtrace_id":"AbCdEfGh"}}
                """);

        SendResult result =
                gateway()
                        .sendTemplate(
                                "+77011234567",
                                new TemplateCall("follow_up_1", "ru", List.of("Асель")));

        SendResult.Rejected rejected = (SendResult.Rejected) result;
        assertThat(rejected.retryable()).isFalse();
        assertThat(rejected.reason())
                .startsWith("WhatsApp template rejected: the number of parameters")
                .contains("132000", "expected number of params (2)");
    }

    @Test
    void clientErrorsAreNotRetryableButThrottlingAndServerErrorsAre() {
        graph.reply(
                PATH, 400, "{\"error\":{\"message\":\"(#100) Invalid parameter\",\"code\":100}}");
        SendResult invalid = gateway().sendText("+77011234567", "hi");
        assertThat(invalid)
                .isEqualTo(
                        SendResult.rejected(
                                "Meta answered HTTP 400, error 100: (#100) Invalid parameter",
                                false));

        graph.reply(PATH, 429, "{\"error\":{\"message\":\"rate\",\"code\":130429}}");
        assertThat(gateway().sendText("+77011234567", "hi"))
                .isInstanceOfSatisfying(
                        SendResult.Rejected.class, r -> assertThat(r.retryable()).isTrue());

        graph.reply(PATH, 400, "{\"error\":{\"message\":\"spam rate limit\",\"code\":131048}}");
        assertThat(gateway().sendText("+77011234567", "hi"))
                .isInstanceOfSatisfying(
                        SendResult.Rejected.class, r -> assertThat(r.retryable()).isTrue());

        graph.reply(PATH, 503, "");
        assertThat(gateway().sendText("+77011234567", "hi"))
                .isEqualTo(SendResult.rejected("Meta answered HTTP 503", true));

        graph.reply(
                PATH,
                401,
                "{\"error\":{\"message\":\"Error validating access token\",\"code\":190}}");
        assertThat(gateway().sendText("+77011234567", "hi"))
                .isInstanceOfSatisfying(
                        SendResult.Rejected.class,
                        r -> {
                            assertThat(r.retryable()).isFalse();
                            assertThat(r.reason()).doesNotContain(TOKEN);
                        });
    }

    @Test
    void imageAndDocumentAreSentByLinkWithCaptionAndFileName() {
        graph.reply(PATH, 200, ACCEPTED);
        URI image = URI.create("https://crm.example/m/house.jpg");
        URI pdf = URI.create("https://crm.example/m/price.pdf");

        gateway().sendMedia("+77011234567", MediaKind.IMAGE, image, null, null);
        gateway().sendMedia("+77011234567", MediaKind.DOCUMENT, pdf, "Прайс", "Прайс 2025.pdf");

        JsonObject first = json(graph.takeRequest().bodyText());
        assertThat(first.getString("type")).isEqualTo("image");
        assertThat(first.getJsonObject("image").getString("link")).isEqualTo(image.toString());
        assertThat(first.getJsonObject("image").containsKey("caption")).isFalse();
        JsonObject second = json(graph.takeRequest().bodyText());
        assertThat(second.getJsonObject("document").getString("caption")).isEqualTo("Прайс");
        assertThat(second.getJsonObject("document").getString("filename"))
                .isEqualTo("Прайс 2025.pdf");
    }

    @Test
    void voiceIsSentAsAudioByLink() {
        graph.reply(PATH, 200, ACCEPTED);

        gateway().sendVoice("+77011234567", URI.create("https://crm.example/m/hello.ogg"));

        JsonObject body = json(graph.takeRequest().bodyText());
        assertThat(body.getString("type")).isEqualTo("audio");
        assertThat(body.getJsonObject("audio").getString("link"))
                .isEqualTo("https://crm.example/m/hello.ogg");
    }

    @Test
    void timeoutIsUnknown() {
        Map<String, String> settings = settings();
        settings.put("requestTimeoutMs", "1000");
        WhatsAppGateway gateway = gatewayWith(settings);
        graph.reply(PATH, 200, ACCEPTED);
        gateway.sendText("+77011234567", "warm-up"); // the held call reuses this connection
        graph.hold(PATH);

        assertThat(gateway.sendText("+77011234567", "hi")).isInstanceOf(SendResult.Unknown.class);
        assertThat(graph.heldRequestArrived()).isTrue();
    }

    @Test
    void capabilitiesDeclareReceiptsIdsAndThe24HourWindow() {
        var capabilities = gateway().capabilities();

        assertThat(capabilities.deliveryReceipts()).isTrue();
        assertThat(capabilities.returnsMessageId()).isTrue();
        assertThat(capabilities.captionRequired()).isFalse();
        assertThat(capabilities.sessionWindow()).contains(Duration.ofHours(24));
    }

    private WhatsAppGateway gateway() {
        return gatewayWith(settings());
    }

    private Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>();
        settings.put("baseUrl", graph.baseUrl().toString());
        settings.put("apiVersion", "v21.0");
        settings.put("phoneNumberId", "106540352242922");
        settings.put("accessToken", TOKEN);
        settings.put("appSecret", "app-secret");
        settings.put("verifyToken", "verify");
        settings.put("requestTimeoutMs", "5000");
        return settings;
    }

    private static WhatsAppGateway gatewayWith(Map<String, String> settings) {
        return BuiltInChannels.create(message -> {}, Clock.systemUTC())
                .gateway("meta-cloud", settings);
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
