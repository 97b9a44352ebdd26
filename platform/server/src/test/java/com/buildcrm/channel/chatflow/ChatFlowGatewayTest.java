package com.buildcrm.channel.chatflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.buildcrm.channel.FakeProviderServer;
import com.buildcrm.channel.FakeProviderServer.Received;
import com.buildcrm.channel.FakeProviderServer.Reply;
import com.buildcrm.channel.MediaKind;
import com.buildcrm.channel.SendResult;
import com.buildcrm.channel.WhatsAppGateway;
import com.buildcrm.channel.builtin.BuiltInChannels;
import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The ChatFlow gateway against a fake ChatFlow speaking its real GET + envelope protocol. */
class ChatFlowGatewayTest {

    static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0In0.c2lnbmF0dXJl+/=";
    static final String INSTANCE_ID = "aW5zdGFuY2UtNDI=";
    static final String OK = "{\"success\":true,\"message\":\"Message sent successfully\"}";
    static final String CAPTION_REQUIRED =
            "{\"success\":false,\"message\":\"Parameter [token, instance_id, caption, jid, imageurl] are required!\"}";
    static final URI IMAGE =
            URI.create("https://crm.example/media/s/abc123/house.jpg?exp=1&sig=x%2By");

    final FakeProviderServer chatflow = FakeProviderServer.start();

    @AfterEach
    void stop() {
        chatflow.close();
    }

    @Test
    void textIsSentAsAGetWithEveryParameterUrlEncoded() {
        chatflow.reply("/api/v1/send-text", 200, OK);
        String text = "Здравствуйте! Цена 5 000 ₸ & скидка 10% + подарок #1";

        SendResult result = gateway(chatflow.baseUrl()).sendText("8 701 123 45 67", text);

        assertThat(result).isEqualTo(SendResult.accepted(null));
        Received request = chatflow.takeRequest();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/api/v1/send-text");
        assertThat(request.query())
                .containsExactly(
                        entry("token", TOKEN),
                        entry("instance_id", INSTANCE_ID),
                        entry("jid", "77011234567@s.whatsapp.net"),
                        entry("msg", text));
        assertThat(request.rawQuery())
                .contains("instance_id=aW5zdGFuY2UtNDI%3D")
                .contains("jid=77011234567%40s.whatsapp.net")
                .contains(
                        "msg=%D0%97%D0%B4%D1%80%D0%B0%D0%B2%D1%81%D1%82%D0%B2%D1%83%D0%B9%D1%82%D0%B5%21%20")
                .contains("%20%26%20")
                .contains("%25%20%2B%20")
                .doesNotContain("+");
        assertThat(request.body()).isEmpty();
    }

    @Test
    void imageWithoutCaptionSendsASpaceAsCaption() {
        chatflow.route("/api/v1/send-image", ChatFlowGatewayTest::likeChatFlowImage);

        SendResult result =
                gateway(chatflow.baseUrl())
                        .sendMedia("+77011234567", MediaKind.IMAGE, IMAGE, null, null);

        assertThat(result.status()).isEqualTo(SendResult.Status.ACCEPTED);
        Received request = chatflow.takeRequest();
        assertThat(request.query())
                .containsEntry("imageurl", IMAGE.toString())
                .containsEntry("caption", " ")
                .containsEntry("jid", "77011234567@s.whatsapp.net");
        assertThat(request.rawQuery()).contains("caption=%20");
    }

    @Test
    void blankCaptionIsAlsoSentAsASpace() {
        chatflow.route("/api/v1/send-image", ChatFlowGatewayTest::likeChatFlowImage);

        gateway(chatflow.baseUrl()).sendMedia("+77011234567", MediaKind.IMAGE, IMAGE, "  ", null);

        assertThat(chatflow.takeRequest().query()).containsEntry("caption", " ");
    }

    @Test
    void captionRequiredErrorEnvelopeIsRejectedAndNotRetried() {
        chatflow.reply("/api/v1/send-image", 200, CAPTION_REQUIRED);

        SendResult result =
                gateway(chatflow.baseUrl())
                        .sendMedia("+77011234567", MediaKind.IMAGE, IMAGE, "Дом", null);

        assertThat(result).isInstanceOf(SendResult.Rejected.class);
        SendResult.Rejected rejected = (SendResult.Rejected) result;
        assertThat(rejected.retryable()).isFalse();
        assertThat(rejected.reason()).contains("are required!").doesNotContain(TOKEN);
    }

    @Test
    void successFalseWithHttp200IsRejected() {
        chatflow.reply("/api/v1/send-text", 200, "{\"success\":false}");

        SendResult result = gateway(chatflow.baseUrl()).sendText("+77011234567", "hi");

        assertThat(result).isEqualTo(SendResult.rejected("ChatFlow refused the message", false));
    }

    @Test
    void clientErrorWithEnvelopeIsRejectedAndNotRetried() {
        chatflow.reply(
                "/api/v1/send-text", 401, "{\"success\":false,\"message\":\"Invalid token\"}");

        SendResult result = gateway(chatflow.baseUrl()).sendText("+77011234567", "hi");

        assertThat(result)
                .isEqualTo(SendResult.rejected("ChatFlow answered HTTP 401: Invalid token", false));
    }

    @Test
    void serverErrorIsRetryable() {
        chatflow.reply("/api/v1/send-text", 500, "<html>Internal Server Error</html>");

        SendResult result = gateway(chatflow.baseUrl()).sendText("+77011234567", "hi");

        assertThat(result).isEqualTo(SendResult.rejected("ChatFlow answered HTTP 500", true));
    }

    @Test
    void refusedConnectionIsRetryable() {
        SendResult result = gateway(FakeProviderServer.closedPort()).sendText("+77011234567", "hi");

        assertThat(result).isInstanceOf(SendResult.Rejected.class);
        assertThat(((SendResult.Rejected) result).retryable()).isTrue();
        assertThat(((SendResult.Rejected) result).reason()).doesNotContain(TOKEN, "127.0.0.1");
    }

    @Test
    void slowMediaCallBeyondTheTimeoutIsUnknown() {
        WhatsAppGateway gateway = gateway(chatflow.baseUrl(), Map.of("mediaTimeoutMs", "1000"));
        chatflow.reply("/api/v1/send-text", 200, OK);
        gateway.sendText("+77011234567", "warm-up"); // the slow call reuses this connection
        chatflow.takeRequest();
        chatflow.hold("/api/v1/send-video");

        SendResult result =
                gateway.sendMedia(
                        "+77011234567",
                        MediaKind.VIDEO,
                        URI.create("https://crm.example/v.mp4"),
                        "Тур по дому",
                        null);

        assertThat(result).isInstanceOf(SendResult.Unknown.class);
        assertThat(((SendResult.Unknown) result).reason()).doesNotContain(TOKEN);
        assertThat(chatflow.heldRequestArrived())
                .isTrue(); // it did leave: resending could double it
        assertThat(chatflow.takeRequest().query())
                .containsEntry("videourl", "https://crm.example/v.mp4")
                .containsEntry("caption", "Тур по дому");
    }

    @Test
    void mediaGetsItsOwnLongerTimeoutThanText() {
        WhatsAppGateway gateway =
                gateway(
                        chatflow.baseUrl(),
                        Map.of("textTimeoutMs", "1000", "mediaTimeoutMs", "60000"));
        chatflow.reply("/api/v1/send-image", 200, OK);
        gateway.sendMedia("+77011234567", MediaKind.IMAGE, IMAGE, null, null); // warm-up
        chatflow.hold("/api/v1/send-text");

        SendResult result = gateway.sendText("+77011234567", "hi");

        assertThat(result.status()).isEqualTo(SendResult.Status.UNKNOWN);
        assertThat(chatflow.heldRequestArrived()).isTrue();
    }

    @Test
    void successReplyThatIsNotTheKnownEnvelopeIsUnknownNotResent() {
        chatflow.reply("/api/v1/send-text", 200, "<html>ok</html>");

        assertThat(gateway(chatflow.baseUrl()).sendText("+77011234567", "hi").status())
                .isEqualTo(SendResult.Status.UNKNOWN);
    }

    @Test
    void documentGoesToSendDocWithUrlAndCaption() {
        chatflow.reply("/api/v1/send-doc", 200, OK);
        URI pdf = URI.create("https://crm.example/media/price-list.pdf");

        SendResult result =
                gateway(chatflow.baseUrl())
                        .sendMedia("+77011234567", MediaKind.DOCUMENT, pdf, "Прайс", "price.pdf");

        assertThat(result.status()).isEqualTo(SendResult.Status.ACCEPTED);
        assertThat(chatflow.takeRequest().query())
                .containsEntry("docurl", pdf.toString())
                .containsEntry("caption", "Прайс");
    }

    @Test
    void voiceGoesToSendAudioWithoutCaption() {
        chatflow.reply("/api/v1/send-audio", 200, OK);
        URI ogg = URI.create("https://crm.example/media/hello.ogg");

        SendResult result = gateway(chatflow.baseUrl()).sendVoice("77011234567@c.us", ogg);

        assertThat(result.status()).isEqualTo(SendResult.Status.ACCEPTED);
        Received request = chatflow.takeRequest();
        assertThat(request.path()).isEqualTo("/api/v1/send-audio");
        assertThat(request.query())
                .containsOnlyKeys("token", "instance_id", "jid", "audiourl")
                .containsEntry("audiourl", ogg.toString())
                .containsEntry("jid", "77011234567@s.whatsapp.net");
    }

    @Test
    void groupJidIsUsedAsItIs() {
        chatflow.reply("/api/v1/send-text", 200, OK);

        gateway(chatflow.baseUrl()).sendText("120363025246125486@g.us", "hi");

        assertThat(chatflow.takeRequest().query()).containsEntry("jid", "120363025246125486@g.us");
    }

    @Test
    void unusableRecipientIsRejectedWithoutCallingChatFlow() {
        SendResult result = gateway(chatflow.baseUrl()).sendText("not a phone", "hi");

        assertThat(result).isEqualTo(SendResult.rejected("Not a WhatsApp number", false));
        assertThat(chatflow.requestCount()).isZero();
    }

    @Test
    void capabilitiesSayCaptionRequiredAndNoReceipts() {
        var capabilities = gateway(chatflow.baseUrl()).capabilities();

        assertThat(capabilities.captionRequired()).isTrue();
        assertThat(capabilities.deliveryReceipts()).isFalse();
        assertThat(capabilities.returnsMessageId()).isFalse();
        assertThat(capabilities.maxTextLength()).isEqualTo(3000);
        assertThat(capabilities.sessionWindow()).isEmpty();
    }

    @Test
    void gatewayDescriptionHidesTheToken() {
        assertThat(gateway(chatflow.baseUrl()).toString()).doesNotContain(TOKEN);
    }

    /** The real ChatFlow refuses an image without every parameter, caption included. */
    private static Reply likeChatFlowImage(Received request) {
        boolean complete =
                List.of("token", "instance_id", "caption", "jid", "imageurl").stream()
                        .allMatch(
                                name ->
                                        request.query().containsKey(name)
                                                && !request.query().get(name).isEmpty());
        return new Reply(200, complete ? OK : CAPTION_REQUIRED);
    }

    private static WhatsAppGateway gateway(URI base) {
        return gateway(base, Map.of());
    }

    private static WhatsAppGateway gateway(URI base, Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>();
        settings.put("baseUrl", base.resolve("api/v1").toString());
        settings.put("token", TOKEN);
        settings.put("instanceId", INSTANCE_ID);
        settings.put("connectTimeoutMs", "2000");
        settings.put("textTimeoutMs", "5000");
        settings.put("mediaTimeoutMs", "5000");
        settings.putAll(extra);
        return BuiltInChannels.create(message -> {}, Clock.systemUTC())
                .gateway("chatflow", settings);
    }
}
