package com.buildcrm.channel.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildcrm.channel.Channels;
import com.buildcrm.channel.InboundEvent;
import com.buildcrm.channel.InboundMessage;
import com.buildcrm.channel.InboundWebhook;
import com.buildcrm.channel.MediaKind;
import com.buildcrm.channel.MessageKind;
import com.buildcrm.channel.SendResult;
import com.buildcrm.channel.WebhookRequest;
import com.buildcrm.channel.WhatsAppGateway;
import com.buildcrm.channel.builtin.BuiltInChannels;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class SandboxChannelTest {

    static final Instant NOW = Instant.parse("2025-12-01T10:00:00Z");

    final List<SandboxOutboundMessage> sent = new CopyOnWriteArrayList<>();
    final Channels channels = BuiltInChannels.create(sent::add, Clock.fixed(NOW, ZoneOffset.UTC));
    final WhatsAppGateway gateway = channels.gateway("sandbox", Map.of());
    final InboundWebhook webhook = channels.webhook("sandbox", Map.of());

    @Test
    void everySendIsRecordedAndAcceptedWithAUniqueId() {
        SendResult text = gateway.sendText("8 701 123 45 67", "Здравствуйте!");
        SendResult image =
                gateway.sendMedia(
                        "+77011234567",
                        MediaKind.IMAGE,
                        URI.create("https://crm.example/a.jpg"),
                        "Фото",
                        null);
        SendResult voice =
                gateway.sendVoice("+77011234567", URI.create("https://crm.example/v.ogg"));

        assertThat(List.of(text, image, voice))
                .allSatisfy(r -> assertThat(r).isInstanceOf(SendResult.Accepted.class));
        List<String> ids =
                List.of(text, image, voice).stream()
                        .map(r -> ((SendResult.Accepted) r).providerMessageId())
                        .toList();
        assertThat(ids)
                .doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).startsWith("sandbox-"));
        assertThat(sent)
                .extracting(SandboxOutboundMessage::kind)
                .containsExactly(MessageKind.TEXT, MessageKind.IMAGE, MessageKind.VOICE);
        assertThat(sent.get(0).to()).isEqualTo("+77011234567");
        assertThat(sent.get(0).text()).isEqualTo("Здравствуйте!");
        assertThat(sent.get(0).sentAt()).isEqualTo(NOW);
        assertThat(sent.get(1).caption()).isEqualTo("Фото");
        assertThat(sent)
                .extracting(SandboxOutboundMessage::providerMessageId)
                .containsExactlyElementsOf(ids);
    }

    @Test
    void aFailingSinkMakesARetryableRejection() {
        WhatsAppGateway broken =
                BuiltInChannels.create(
                                message -> {
                                    throw new IllegalStateException("database down");
                                },
                                Clock.systemUTC())
                        .gateway("sandbox", Map.of());

        assertThat(broken.sendText("+77011234567", "hi"))
                .isInstanceOfSatisfying(
                        SendResult.Rejected.class, r -> assertThat(r.retryable()).isTrue());
    }

    @Test
    void simulatedLeadMessageParsesIntoATextMessageWithAUniqueId() {
        byte[] body =
                utf8(
                        "{\"phone\":\"+7 701 123 45 67\",\"name\":\"Тестовый лид\",\"text\":\"Сколько стоит?\"}");

        List<InboundEvent> first = webhook.parse(body);
        List<InboundEvent> second = webhook.parse(body);

        InboundMessage message = (InboundMessage) first.get(0);
        assertThat(message.kind()).isEqualTo(MessageKind.TEXT);
        assertThat(message.sender()).isEqualTo("+7 701 123 45 67");
        assertThat(message.pushName()).isEqualTo("Тестовый лид");
        assertThat(message.text()).isEqualTo("Сколько стоит?");
        assertThat(message.timestamp()).isEqualTo(NOW);
        assertThat(message.rawJson()).contains("Сколько стоит?");
        assertThat(second.get(0).providerMessageId()).isNotEqualTo(message.providerMessageId());
    }

    @Test
    void anIdGivenByTheClientIsKeptSoRetriesDedupe() {
        byte[] body = utf8("{\"id\":\"retry-7\",\"phone\":\"+77011234567\",\"text\":\"hi\"}");

        assertThat(webhook.parse(body).get(0).providerMessageId()).isEqualTo("retry-7");
    }

    @Test
    void incompleteOrJunkBodiesGiveNothing() {
        assertThat(webhook.parse(utf8("{\"phone\":\"+77011234567\"}"))).isEmpty();
        assertThat(webhook.parse(utf8("{\"text\":\"hi\"}"))).isEmpty();
        assertThat(webhook.parse(utf8("hello"))).isEmpty();
        assertThat(webhook.parse(new byte[0])).isEmpty();
        assertThat(webhook.parse(null)).isEmpty();
    }

    @Test
    void webhookSecretIsCheckedOnlyWhenConfigured() {
        WebhookRequest without = WebhookRequest.of(Map.of(), Map.of(), new byte[0]);
        assertThat(webhook.authenticate(without)).isTrue();

        InboundWebhook guarded = channels.webhook("sandbox", Map.of("webhookSecret", "pssst"));
        assertThat(guarded.authenticate(without)).isFalse();
        assertThat(
                        guarded.authenticate(
                                WebhookRequest.of(
                                        Map.of("secret", "pssst"), Map.of(), new byte[0])))
                .isTrue();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
