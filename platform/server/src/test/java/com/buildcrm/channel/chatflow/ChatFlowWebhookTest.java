package com.buildcrm.channel.chatflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.buildcrm.channel.Fixtures;
import com.buildcrm.channel.InboundEvent;
import com.buildcrm.channel.InboundMessage;
import com.buildcrm.channel.InboundWebhook;
import com.buildcrm.channel.MessageKind;
import com.buildcrm.channel.WebhookRequest;
import com.buildcrm.channel.builtin.BuiltInChannels;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChatFlowWebhookTest {

    static final String SECRET = "s3cr3t-8f2c1d9e7a6b5c4d3e2f1a0b9c8d7e6f";
    static final Instant NOW = Instant.parse("2025-12-01T10:00:00Z");

    final InboundWebhook webhook =
            BuiltInChannels.create(message -> {}, Clock.fixed(NOW, ZoneOffset.UTC))
                    .webhook("chatflow", Map.of("webhookSecret", SECRET));

    @Test
    void capturedTextMessageParsesIntoATextMessage() {
        List<InboundEvent> events = webhook.parse(Fixtures.bytes("chatflow/inbound-text.json"));

        assertThat(events).hasSize(1);
        InboundMessage message = (InboundMessage) events.get(0);
        assertThat(message.kind()).isEqualTo(MessageKind.TEXT);
        assertThat(message.text()).isEqualTo("здравствуйте");
        assertThat(message.providerMessageId()).isEqualTo("3F36C3C880D877783735");
        assertThat(message.sender()).isEqualTo("77001234567@s.whatsapp.net");
        assertThat(message.pushName()).isEqualTo("Customer Name");
        assertThat(message.timestamp()).isEqualTo(Instant.ofEpochSecond(1764686607));
        assertThat(message.group()).isFalse();
        assertThat(message.media()).isNull();
        assertThat(message.rawJson()).contains("\"messageId\":\"3F36C3C880D877783735\"");
    }

    @Test
    void capturedVoiceNoteParsesIntoAPlayableOggVoiceMessage() {
        List<InboundEvent> events = webhook.parse(Fixtures.bytes("chatflow/inbound-voice.json"));

        assertThat(events).hasSize(1);
        InboundMessage message = (InboundMessage) events.get(0);
        assertThat(message.kind()).isEqualTo(MessageKind.VOICE);
        assertThat(message.providerMessageId()).isEqualTo("AC3441202AD75F09DDCB72E62BD0F417");
        assertThat(message.text()).isNull();
        assertThat(message.media().ptt()).isTrue();
        assertThat(message.media().baseMimeType()).isEqualTo("audio/ogg");
        assertThat(message.media().mimeType()).isEqualTo("audio/ogg; codecs=opus");
        assertThat(message.media().hasInlineBytes()).isTrue();
        byte[] bytes = message.media().inlineBytes();
        assertThat(new String(bytes, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("OggS");
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).contains("OpusHead");
        assertThat(bytes).hasSize(8115); // the size ChatFlow announced
        assertThat(message.media().size()).isEqualTo(8115L);
        assertThat(message.media().fileName()).endsWith(".oga");
        assertThat(message.media().downloadUrl()).startsWith("https://app.chatflow.kz/media/");
        assertThat(message.media().durationSeconds()).isNull();
    }

    @Test
    void storedRawJsonOfAVoiceNoteLeavesTheInlineBytesOut() {
        InboundMessage message =
                (InboundMessage)
                        webhook.parse(Fixtures.bytes("chatflow/inbound-voice.json")).get(0);

        assertThat(message.rawJson()).doesNotContain("T2dnUw").contains("base64 chars elided");
        assertThat(message.rawJson()).contains("AC3441202AD75F09DDCB72E62BD0F417");
    }

    @ParameterizedTest
    @ValueSource(strings = {"chatflow/inbound-text.json", "chatflow/inbound-voice.json"})
    void bodyWrappedByAnN8nRelayParsesTheSame(String fixture) {
        String original = new String(Fixtures.bytes(fixture), StandardCharsets.UTF_8);
        byte[] wrapped =
                ("{\"headers\":{\"user-agent\":\"axios/1.11.0\"},\"params\":{},\"body\":"
                                + original
                                + "}")
                        .getBytes(StandardCharsets.UTF_8);
        byte[] listed = ("[{\"body\":" + original + "}]").getBytes(StandardCharsets.UTF_8);

        List<InboundEvent> direct = webhook.parse(Fixtures.bytes(fixture));
        assertThat(webhook.parse(wrapped)).usingRecursiveComparison().isEqualTo(direct);
        assertThat(webhook.parse(listed)).usingRecursiveComparison().isEqualTo(direct);
    }

    @Test
    void groupChatIsFlaggedAsGroup() {
        String body =
                """
                {"messageType":"text","message":"всем привет",
                 "metadata":{"sender":"Aigerim","timestamp":1764686607,"messageId":"G1",
                             "remoteJid":"120363025246125486@g.us"},
                 "mediaData":null}
                """;
        InboundMessage message = (InboundMessage) webhook.parse(utf8(body)).get(0);

        assertThat(message.group()).isTrue();
        assertThat(message.sender()).isEqualTo("120363025246125486@g.us");
    }

    @Test
    void unknownMessageTypeIsKeptRawAsUnsupported() {
        String body =
                """
                {"messageType":"sticker","message":"",
                 "metadata":{"sender":"A","timestamp":1764686607,"messageId":"ST1","remoteJid":"77001234567@s.whatsapp.net"},
                 "mediaData":{"type":"sticker","mimetype":"image/webp"}}
                """;
        InboundMessage message = (InboundMessage) webhook.parse(utf8(body)).get(0);

        assertThat(message.kind()).isEqualTo(MessageKind.UNSUPPORTED);
        assertThat(message.providerMessageId()).isEqualTo("ST1");
        assertThat(message.rawJson()).contains("\"sticker\"");
    }

    @Test
    void imageMessageCarriesItsCaptionAndMedia() {
        String body =
                """
                {"messageType":"image","message":"вот этот дом",
                 "metadata":{"sender":"A","timestamp":"1764686607","messageId":"IM1","remoteJid":"77001234567@s.whatsapp.net"},
                 "mediaData":{"type":"image","url":"https://app.chatflow.kz/media/x.jpg","base64":"/9j/4AAQ","mimetype":"image/jpeg",
                              "ptt":false,"fileName":"x.jpg","size":6,"duration":null}}
                """;
        InboundMessage message = (InboundMessage) webhook.parse(utf8(body)).get(0);

        assertThat(message.kind()).isEqualTo(MessageKind.IMAGE);
        assertThat(message.text()).isEqualTo("вот этот дом");
        assertThat(message.timestamp()).isEqualTo(Instant.ofEpochSecond(1764686607));
        assertThat(message.media().inlineBytes()).startsWith((byte) 0xFF, (byte) 0xD8);
        assertThat(message.media().ptt()).isFalse();
    }

    @Test
    void messageWithoutAnIdGetsAStableIdSoARedeliveryDedupes() {
        String body =
                "{\"messageType\":\"text\",\"message\":\"hi\",\"metadata\":{\"remoteJid\":\"77001234567@s.whatsapp.net\"}}";

        String first = webhook.parse(utf8(body)).get(0).providerMessageId();
        String again = webhook.parse(utf8("{\"body\":" + body + "}")).get(0).providerMessageId();

        assertThat(first).startsWith("sha256:").isEqualTo(again);
        assertThat(((InboundMessage) webhook.parse(utf8(body)).get(0)).timestamp()).isEqualTo(NOW);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "hello",
                "[]",
                "{}",
                "null",
                "42",
                "\"text\"",
                "{\"messageType\":42}",
                "{\"body\":\"not an object\"}",
                "{\"body\":null}",
                "{\"messageType\":\"text\",\"message\":\"hi\",\"metadata\":{\"remoteJid\":\"770",
                "{\"messageType\":[1,2],\"metadata\":7}",
                "[[[[[[[[[[[[[[[[[[[[{}]]]]]]]]]]]]]]]]]]]]"
            })
    void junkBodiesNeverThrowAndGiveNoTextMessage(String body) {
        assertNoTextMessage(utf8(body));
    }

    @Test
    void aFiveMegabyteJunkBodyNeverThrowsAndGivesNoTextMessage() {
        byte[] junk = new byte[5 * 1024 * 1024];
        new Random(42).nextBytes(junk);
        assertNoTextMessage(junk);

        byte[] brackets = new byte[5 * 1024 * 1024];
        Arrays.fill(brackets, (byte) '[');
        assertNoTextMessage(brackets);
    }

    @Test
    void wrongJsonTypesInsideAMessageStillGiveAMessageWithoutThrowing() {
        String body =
                """
                {"messageType":"audio","message":{"x":1},
                 "metadata":{"sender":5,"timestamp":"yesterday","messageId":["a"],"remoteJid":null},
                 "mediaData":{"base64":"%%%not base64%%%","size":"big","ptt":"yes","duration":-3}}
                """;
        List<InboundEvent> events = webhook.parse(utf8(body));

        assertThat(events).hasSize(1);
        InboundMessage message = (InboundMessage) events.get(0);
        assertThat(message.kind()).isEqualTo(MessageKind.AUDIO);
        assertThat(message.providerMessageId()).startsWith("sha256:");
        assertThat(message.timestamp()).isEqualTo(NOW);
    }

    @Test
    void rightSecretInTheUrlAuthenticates() {
        assertThat(webhook.authenticate(withSecret(SECRET))).isTrue();
    }

    @Test
    void wrongSecretOfTheSameLengthIsRefused() {
        String wrong = SECRET.substring(0, SECRET.length() - 1) + "X";
        assertThat(wrong).hasSameSizeAs(SECRET);
        assertThat(webhook.authenticate(withSecret(wrong))).isFalse();
    }

    @Test
    void secretOfADifferentLengthIsRefused() {
        assertThat(webhook.authenticate(withSecret(SECRET + "0"))).isFalse();
        assertThat(webhook.authenticate(withSecret(SECRET.substring(0, 10)))).isFalse();
        assertThat(webhook.authenticate(withSecret(""))).isFalse();
    }

    @Test
    void missingSecretIsRefused() {
        assertThat(webhook.authenticate(WebhookRequest.of(Map.of(), Map.of(), new byte[0])))
                .isFalse();
        assertThat(webhook.authenticate(new WebhookRequest(null, null, null))).isFalse();
    }

    @Test
    void secretInAHeaderInsteadOfTheUrlIsRefused() {
        assertThat(
                        webhook.authenticate(
                                WebhookRequest.of(Map.of(), Map.of("secret", SECRET), new byte[0])))
                .isFalse();
    }

    @Test
    void chatFlowHasNoHandshake() {
        Map<String, List<String>> query = new HashMap<>();
        query.put("hub.mode", List.of("subscribe"));
        query.put("hub.challenge", List.of("123"));
        assertThat(webhook.handshake(query)).isEmpty();
    }

    private void assertNoTextMessage(byte[] body) {
        assertThatCode(() -> webhook.parse(body)).doesNotThrowAnyException();
        assertThat(webhook.parse(body))
                .noneMatch(e -> e instanceof InboundMessage m && m.kind() == MessageKind.TEXT);
    }

    private static WebhookRequest withSecret(String secret) {
        return WebhookRequest.of(Map.of("secret", secret), Map.of(), utf8("{}"));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
