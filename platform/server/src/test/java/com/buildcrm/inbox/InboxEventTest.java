package com.buildcrm.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.buildcrm.channel.DeliveryStatus;
import com.buildcrm.channel.DeliveryStatusUpdate;
import com.buildcrm.channel.InboundMedia;
import com.buildcrm.channel.InboundMessage;
import com.buildcrm.channel.MessageKind;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InboxEventTest {

    private static final Instant AT = Instant.parse("2026-12-03T11:59:00Z");

    @Test
    void aClientMessageWithMediaSurvivesTheRoundTrip() {
        InboxEvent.ClientMessage event =
                new InboxEvent.ClientMessage(
                        "77001234567@s.whatsapp.net",
                        "+77001234567",
                        "Асель",
                        AT.toString(),
                        MessageKind.VOICE,
                        "caption",
                        false,
                        new InboxEvent.Media("audio/ogg", "https://x/1", "mid-1", "a.ogg", true),
                        "gone",
                        "{\"raw\":1}");

        assertThat(InboxEvent.fromJson(event.toJson())).isEqualTo(event);
    }

    @Test
    void aReceiptSurvivesTheRoundTrip() {
        InboxEvent.Receipt receipt = new InboxEvent.Receipt(DeliveryStatus.FAILED, "131047", "{}");

        assertThat(InboxEvent.fromJson(receipt.toJson())).isEqualTo(receipt);
        assertThat(receipt.rowKind()).isEqualTo("STATUS");
    }

    @Test
    void writesTheKeysEveryReleaseWroteWithEmptyStringsForAbsentValues() {
        InboundMessage inbound =
                new InboundMessage(
                        "wamid.1",
                        "77001234567@s.whatsapp.net",
                        null,
                        AT,
                        MessageKind.IMAGE,
                        null,
                        new InboundMedia(
                                "image/JPEG; q=1", null, null, "mid-9", null, 10L, null, false),
                        false,
                        "{\"a\":\"b\u0000\"}");

        JsonObject json = parse(InboxEvent.of(inbound).toJson());

        assertThat(json.getString("type")).isEqualTo("message");
        assertThat(json.getString("sender")).isEqualTo("77001234567@s.whatsapp.net");
        assertThat(json.getString("phone")).isEqualTo("+77001234567");
        assertThat(json.getString("pushName")).isEmpty();
        assertThat(json.getString("timestamp")).isEqualTo("2026-12-03T11:59:00Z");
        assertThat(json.getString("kind")).isEqualTo("IMAGE");
        assertThat(json.getString("text")).isEmpty();
        assertThat(json.getBoolean("group")).isFalse();
        assertThat(json.getString("mediaMime")).isEqualTo("image/jpeg");
        assertThat(json.getString("mediaUrl")).isEmpty();
        assertThat(json.getString("mediaId")).isEqualTo("mid-9");
        assertThat(json.getString("mediaName")).isEmpty();
        assertThat(json.getBoolean("ptt")).isFalse();
        assertThat(json.containsKey("mediaError")).isFalse();
        assertThat(json.getString("raw")).isEqualTo("{\"a\":\"b\uFFFD\"}");
        assertThat(InboxEvent.of(inbound).rowKind()).isEqualTo("IMAGE");
    }

    @Test
    void aGroupAndAnUnreadableSenderAreKeptButMakeNoMessage() {
        InboxEvent group =
                InboxEvent.of(
                        new InboundMessage(
                                "g1",
                                "120363@g.us",
                                null,
                                AT,
                                MessageKind.TEXT,
                                "hi",
                                null,
                                true,
                                "{}"));
        InboxEvent nonsense =
                InboxEvent.of(
                        new InboundMessage(
                                "n1",
                                "not a phone",
                                null,
                                AT,
                                MessageKind.TEXT,
                                "hi",
                                null,
                                false,
                                "{}"));

        assertThat(group.rowKind()).isEqualTo("GROUP");
        assertThat(((InboxEvent.ClientMessage) group).makesMessage()).isFalse();
        assertThat(((InboxEvent.ClientMessage) nonsense).phone()).isNull();
        assertThat(((InboxEvent.ClientMessage) nonsense).makesMessage()).isFalse();
        assertThat(parse(nonsense.toJson()).getString("phone")).isEmpty();
    }

    @Test
    void readsARowWrittenBeforeMediaIdsExisted() {
        // the shape of the first releases: no mediaId, and mediaError set later by the processor
        String stored =
                "{\"type\":\"message\",\"sender\":\"77001234567\",\"phone\":\"+77001234567\","
                        + "\"pushName\":\"\",\"timestamp\":\"2026-11-01T10:00:00Z\",\"kind\":\"VOICE\","
                        + "\"text\":\"\",\"group\":false,\"mediaMime\":\"audio/ogg\","
                        + "\"mediaUrl\":\"https://chatflow/f/1\",\"mediaName\":\"\",\"ptt\":true,"
                        + "\"raw\":\"{}\",\"mediaError\":\"the link expired\"}";

        InboxEvent.ClientMessage m = (InboxEvent.ClientMessage) InboxEvent.fromJson(stored);

        assertThat(m.phone()).isEqualTo("+77001234567");
        assertThat(m.pushName()).isNull();
        assertThat(m.text()).isNull();
        assertThat(m.kind()).isEqualTo(MessageKind.VOICE);
        assertThat(m.media())
                .isEqualTo(
                        new InboxEvent.Media(
                                "audio/ogg", "https://chatflow/f/1", null, null, true));
        assertThat(m.media().downloadable()).isTrue();
        assertThat(m.mediaError()).isEqualTo("the link expired");
        assertThat(m.mediaToFetch()).isFalse();
    }

    @Test
    void missingOptionalFieldsReadAsNullAndUnknownValuesAsTheSafeDefault() {
        InboxEvent.ClientMessage m =
                (InboxEvent.ClientMessage)
                        InboxEvent.fromJson("{\"type\":\"message\",\"kind\":\"STICKER\"}");

        assertThat(m)
                .isEqualTo(
                        new InboxEvent.ClientMessage(
                                null,
                                null,
                                null,
                                null,
                                MessageKind.UNSUPPORTED,
                                null,
                                false,
                                null,
                                null,
                                ""));
        assertThat(m.mediaToFetch()).isFalse();
        assertThat(m.rowKind()).isEqualTo("UNSUPPORTED");

        InboxEvent.Receipt r =
                (InboxEvent.Receipt) InboxEvent.fromJson("{\"type\":\"status\",\"status\":\"X\"}");
        assertThat(r).isEqualTo(new InboxEvent.Receipt(null, null, ""));
    }

    @Test
    void aReceiptFromTheChannelKeepsItsStatusAndError() {
        InboxEvent e =
                InboxEvent.of(
                        new DeliveryStatusUpdate(
                                "wamid.2", DeliveryStatus.READ, "7700", AT, null, "{}"));

        JsonObject json = parse(e.toJson());
        assertThat(json.getString("type")).isEqualTo("status");
        assertThat(json.getString("status")).isEqualTo("READ");
        assertThat(json.getString("error")).isEmpty();
        assertThat(InboxEvent.fromJson(e.toJson())).isEqualTo(e);
    }

    @Test
    void textThatIsNoJsonObjectIsRefused() {
        assertThatThrownBy(() -> InboxEvent.fromJson("[1]"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
