package com.buildcrm.channel.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.buildcrm.channel.DeliveryStatus;
import com.buildcrm.channel.DeliveryStatusUpdate;
import com.buildcrm.channel.Fixtures;
import com.buildcrm.channel.InboundEvent;
import com.buildcrm.channel.InboundMessage;
import com.buildcrm.channel.InboundWebhook;
import com.buildcrm.channel.MessageKind;
import com.buildcrm.channel.WebhookRequest;
import com.buildcrm.channel.builtin.BuiltInChannels;
import jakarta.json.Json;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MetaCloudWebhookTest {

    static final String APP_SECRET = "6a1f0c3e9b8d7a6f5e4d3c2b1a098765";
    static final String VERIFY_TOKEN = "verify-me-0b9f1c";
    static final byte[] PAYLOAD = Fixtures.bytes("meta/webhook-messages-and-statuses.json");

    final InboundWebhook webhook =
            BuiltInChannels.create(message -> {}, Clock.systemUTC())
                    .webhook(
                            "meta-cloud",
                            Map.of(
                                    "phoneNumberId",
                                    "106540352242922",
                                    "accessToken",
                                    "EAAG-token",
                                    "appSecret",
                                    APP_SECRET,
                                    "verifyToken",
                                    VERIFY_TOKEN));

    @Test
    void handshakeWithTheRightVerifyTokenEchoesTheChallenge() {
        assertThat(webhook.handshake(handshake("subscribe", VERIFY_TOKEN, "1158201444")))
                .contains("1158201444");
    }

    @Test
    void handshakeWithAWrongTokenOrModeFails() {
        assertThat(webhook.handshake(handshake("subscribe", "guess", "1158201444"))).isEmpty();
        assertThat(webhook.handshake(handshake("unsubscribe", VERIFY_TOKEN, "1158201444")))
                .isEmpty();
        assertThat(
                        webhook.handshake(
                                Map.of(
                                        "hub.mode",
                                        List.of("subscribe"),
                                        "hub.challenge",
                                        List.of("1"))))
                .isEmpty();
        assertThat(webhook.handshake(Map.of())).isEmpty();
    }

    @Test
    void validSignatureOverTheRawBodyAuthenticates() {
        assertThat(webhook.authenticate(signed(PAYLOAD, "sha256=" + hmacHex(PAYLOAD, APP_SECRET))))
                .isTrue();
    }

    @Test
    void signatureHeaderNameIsMatchedIgnoringCase() {
        WebhookRequest request =
                WebhookRequest.of(
                        Map.of(),
                        Map.of("x-hub-signature-256", "sha256=" + hmacHex(PAYLOAD, APP_SECRET)),
                        PAYLOAD);
        assertThat(webhook.authenticate(request)).isTrue();
    }

    @Test
    void signatureWithAnotherSecretIsRefused() {
        assertThat(webhook.authenticate(signed(PAYLOAD, "sha256=" + hmacHex(PAYLOAD, "other"))))
                .isFalse();
    }

    @Test
    void missingOrMalformedSignatureIsRefused() {
        assertThat(webhook.authenticate(WebhookRequest.of(Map.of(), Map.of(), PAYLOAD))).isFalse();
        assertThat(webhook.authenticate(signed(PAYLOAD, hmacHex(PAYLOAD, APP_SECRET)))).isFalse();
        assertThat(webhook.authenticate(signed(PAYLOAD, "sha256=zz"))).isFalse();
        assertThat(webhook.authenticate(signed(PAYLOAD, "sha256="))).isFalse();
        assertThat(webhook.authenticate(signed(PAYLOAD, "sha1=" + hmacHex(PAYLOAD, APP_SECRET))))
                .isFalse();
    }

    @Test
    void reSerialisedBodyFailsTheSignatureOfTheOriginal() {
        String signature = "sha256=" + hmacHex(PAYLOAD, APP_SECRET);
        byte[] reSerialised =
                Json.createReader(new StringReader(new String(PAYLOAD, StandardCharsets.UTF_8)))
                        .readObject()
                        .toString()
                        .getBytes(StandardCharsets.UTF_8);

        assertThat(reSerialised).isNotEqualTo(PAYLOAD);
        assertThat(webhook.authenticate(signed(reSerialised, signature))).isFalse();
        assertThat(webhook.authenticate(signed(PAYLOAD, signature))).isTrue();
    }

    @Test
    void parsesMessagesOfEveryKindWithTheSendersName() {
        List<InboundMessage> messages =
                webhook.parse(PAYLOAD).stream()
                        .filter(InboundMessage.class::isInstance)
                        .map(InboundMessage.class::cast)
                        .toList();

        assertThat(messages)
                .extracting(InboundMessage::kind)
                .containsExactly(
                        MessageKind.TEXT,
                        MessageKind.VOICE,
                        MessageKind.IMAGE,
                        MessageKind.LOCATION,
                        MessageKind.UNSUPPORTED);
        InboundMessage text = messages.get(0);
        assertThat(text.providerMessageId())
                .isEqualTo("wamid.HBgLNzcwMTEyMzQ1NjcVAgASGBQzQUI1RTc0RjY4MDRDNjZBMDlBNwA=");
        assertThat(text.text()).isEqualTo("Здравствуйте, сколько стоит дом?");
        assertThat(text.sender()).isEqualTo("77011234567");
        assertThat(text.pushName()).isEqualTo("Айгерим");
        assertThat(text.timestamp()).isEqualTo(Instant.ofEpochSecond(1764686607));
        assertThat(text.group()).isFalse();

        InboundMessage voice = messages.get(1);
        assertThat(voice.media().ptt()).isTrue();
        assertThat(voice.media().providerMediaId()).isEqualTo("1183465609811435");
        assertThat(voice.media().baseMimeType()).isEqualTo("audio/ogg");
        assertThat(voice.media().hasInlineBytes()).isFalse();

        InboundMessage image = messages.get(2);
        assertThat(image.text()).isEqualTo("Вот такой хочу");
        assertThat(image.media().providerMediaId()).isEqualTo("2754859441498128");

        assertThat(messages.get(3).text()).contains("Алматы", "43.238949,76.889709");
        assertThat(messages.get(4).rawJson()).contains("131051");
    }

    @Test
    void parsesDeliveryStatusesIncludingAFailureOutsideTheWindow() {
        List<DeliveryStatusUpdate> statuses =
                webhook.parse(PAYLOAD).stream()
                        .filter(DeliveryStatusUpdate.class::isInstance)
                        .map(DeliveryStatusUpdate.class::cast)
                        .toList();

        assertThat(statuses)
                .extracting(DeliveryStatusUpdate::status)
                .containsExactly(
                        DeliveryStatus.DELIVERED, DeliveryStatus.READ, DeliveryStatus.FAILED);
        assertThat(statuses.get(0).providerMessageId())
                .isEqualTo("wamid.HBgLNzcwMTEyMzQ1NjcVAgARGBI1RjQyNUE3NEYxMzAzMzQ5MkEA");
        assertThat(statuses.get(0).recipient()).isEqualTo("77011234567");
        assertThat(statuses.get(0).error()).isNull();
        assertThat(statuses.get(1).timestamp()).isEqualTo(Instant.ofEpochSecond(1764686760));
        assertThat(statuses.get(2).error())
                .startsWith("131047: Re-engagement message")
                .contains("24 hours");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "hello",
                "[]",
                "{}",
                "{\"messageType\":42}",
                "{\"entry\":42}",
                "{\"entry\":[{\"changes\":[{\"value\":{\"messages\":[{\"type\":\"text\"}]}}]}]}",
                "{\"entry\":[{\"changes\":[{\"value\":{\"messages\":\"x\",\"statuses\":[{\"id\":\"w\",\"status\":\"deleted\"}]}}]}]}",
                "{\"entry\":[{\"changes\":[{\"value\":{\"messages\":[{\"id\":\"w\",\"type\":\"text\",\"text\":{\"body\":"
            })
    void junkBodiesNeverThrowAndGiveNoTextMessage(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        assertThatCode(() -> webhook.parse(bytes)).doesNotThrowAnyException();
        assertThat(webhook.parse(bytes))
                .noneMatch(e -> e instanceof InboundMessage m && m.kind() == MessageKind.TEXT);
    }

    @Test
    void messageWithTheWrongBodyTypeIsKeptAsUnsupported() {
        String body =
                "{\"entry\":[{\"changes\":[{\"value\":{\"messages\":[{\"id\":\"wamid.X\",\"from\":\"77011234567\",\"type\":\"text\",\"text\":{\"body\":[1]}}]}}]}]}";
        List<InboundEvent> events = webhook.parse(body.getBytes(StandardCharsets.UTF_8));

        assertThat(events)
                .singleElement()
                .isInstanceOfSatisfying(
                        InboundMessage.class,
                        m -> assertThat(m.kind()).isEqualTo(MessageKind.UNSUPPORTED));
    }

    private static Map<String, List<String>> handshake(
            String mode, String token, String challenge) {
        return Map.of(
                "hub.mode", List.of(mode),
                "hub.verify_token", List.of(token),
                "hub.challenge", List.of(challenge));
    }

    private static WebhookRequest signed(byte[] body, String signatureHeader) {
        return WebhookRequest.of(Map.of(), Map.of("X-Hub-Signature-256", signatureHeader), body);
    }

    static String hmacHex(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
