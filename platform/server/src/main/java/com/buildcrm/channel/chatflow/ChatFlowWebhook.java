package com.buildcrm.channel.chatflow;

import com.buildcrm.channel.InboundEvent;
import com.buildcrm.channel.InboundMedia;
import com.buildcrm.channel.InboundMessage;
import com.buildcrm.channel.InboundWebhook;
import com.buildcrm.channel.JsonFields;
import com.buildcrm.channel.MessageKind;
import com.buildcrm.channel.SecretComparison;
import com.buildcrm.channel.WebhookRequest;
import com.buildcrm.json.Jsonp;
import com.buildcrm.phone.PhoneNumbers;
import com.buildcrm.secret.Sha256;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * ChatFlow's webhook: flat JSON ({@code messageType}, {@code message}, {@code metadata}, {@code
 * mediaData} with the whole file inline as base64), possibly wrapped as {@code {"body": {...}}} by
 * an n8n relay. ChatFlow signs nothing, so the webhook URL carries a {@code secret} query
 * parameter.
 */
final class ChatFlowWebhook implements InboundWebhook {

    /** Wrapped or listed bodies are unwrapped this deep at most. */
    private static final int MAX_DEPTH = 3;

    private static final int MAX_EVENTS = 100;

    private final String secret;
    private final Clock clock;

    ChatFlowWebhook(String secret, Clock clock) {
        this.secret = secret;
        this.clock = clock;
    }

    @Override
    public Optional<String> handshake(Map<String, List<String>> query) {
        return Optional.empty(); // ChatFlow has no subscription handshake
    }

    @Override
    public boolean authenticate(WebhookRequest request) {
        return SecretComparison.matches(secret, request.queryParameter("secret"));
    }

    @Override
    public List<InboundEvent> parse(byte[] rawBody) {
        try {
            List<InboundEvent> events = new ArrayList<>();
            JsonFields.parse(rawBody).ifPresent(value -> collect(value, 0, events));
            return List.copyOf(events);
        } catch (RuntimeException e) { // a body we cannot read is dropped, never a 5xx
            return List.of();
        }
    }

    private void collect(JsonValue value, int depth, List<InboundEvent> events) {
        if (depth > MAX_DEPTH || events.size() >= MAX_EVENTS) {
            return;
        }
        if (value instanceof JsonArray array) {
            for (JsonValue element : array) {
                collect(element, depth + 1, events);
            }
        } else if (value instanceof JsonObject object) {
            if (isMessage(object)) {
                events.add(message(object));
            } else if (object.get("body") != null) { // n8n relay: {"body": {...}, "headers": ...}
                collect(object.get("body"), depth + 1, events);
            }
        }
    }

    /**
     * Probes and the UI's test button send other JSON; only ChatFlow-shaped objects are messages.
     */
    private static boolean isMessage(JsonObject object) {
        return JsonFields.object(object, "metadata") != null
                || object.get("messageType") instanceof JsonString;
    }

    private InboundMessage message(JsonObject object) {
        JsonObject metadata = JsonFields.object(object, "metadata");
        JsonObject mediaData = JsonFields.object(object, "mediaData");
        String type = JsonFields.string(object, "messageType");
        if (type == null) {
            type = JsonFields.string(mediaData, "type");
        }
        type = type == null ? "" : type.strip().toLowerCase(Locale.ROOT);

        String sender = JsonFields.string(metadata, "remoteJid");
        String id = JsonFields.string(metadata, "messageId");
        if (id == null || id.isBlank()) {
            id = "sha256:" + Sha256.hex(object.toString()); // a redelivery still dedupes
        }
        String text = JsonFields.string(object, "message");
        boolean ptt = JsonFields.isTrue(mediaData, "ptt") || type.equals("ptt");
        MessageKind kind = kind(type, ptt);
        if (kind == MessageKind.TEXT && (text == null || text.isEmpty())) {
            kind = MessageKind.UNSUPPORTED;
        }
        if (kind != MessageKind.TEXT && text != null && text.isBlank()) {
            text = null; // media come with "message": ""
        }
        return new InboundMessage(
                id,
                sender,
                JsonFields.string(metadata, "sender"),
                timestamp(JsonFields.number(metadata, "timestamp")),
                kind,
                text,
                media(mediaData, ptt),
                PhoneNumbers.isGroupJid(sender),
                withoutInlineBytes(object, mediaData));
    }

    private static MessageKind kind(String type, boolean ptt) {
        return switch (type) {
            case "text", "conversation", "extendedtext", "chat" -> MessageKind.TEXT;
            case "image" -> MessageKind.IMAGE;
            case "video" -> MessageKind.VIDEO;
            case "audio", "ptt", "voice" -> ptt ? MessageKind.VOICE : MessageKind.AUDIO;
            case "document", "file" -> MessageKind.DOCUMENT;
            case "location" -> MessageKind.LOCATION;
            default -> MessageKind.UNSUPPORTED;
        };
    }

    private static InboundMedia media(JsonObject mediaData, boolean ptt) {
        if (mediaData == null) {
            return null;
        }
        String mimeType = JsonFields.string(mediaData, "mimetype");
        if (mimeType == null) {
            mimeType = JsonFields.string(mediaData, "mimeType");
        }
        Long duration = JsonFields.number(mediaData, "duration");
        return new InboundMedia(
                mimeType,
                decode(JsonFields.string(mediaData, "base64")),
                JsonFields.string(mediaData, "url"),
                null,
                JsonFields.string(mediaData, "fileName"),
                JsonFields.number(mediaData, "size"),
                duration == null ? null : (int) Math.min(Integer.MAX_VALUE, Math.max(0, duration)),
                ptt);
    }

    private static byte[] decode(String base64) {
        if (base64 == null || base64.isBlank()) {
            return null;
        }
        String data = base64.strip();
        if (data.startsWith("data:")) { // a data URL: data:audio/ogg;base64,T2dnUw...
            data = data.substring(data.indexOf(',') + 1);
        }
        try {
            return Base64.getMimeDecoder().decode(data); // tolerates line breaks
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private Instant timestamp(Long epoch) {
        if (epoch == null || epoch <= 0) {
            return clock.instant();
        }
        // seconds in what ChatFlow sends; millis if a relay converted it
        return epoch > 100_000_000_000L
                ? Instant.ofEpochMilli(epoch)
                : Instant.ofEpochSecond(epoch);
    }

    /**
     * The stored raw JSON: the same object with the inline base64 replaced by its length. The bytes
     * are in {@link InboundMedia#inlineBytes()}; keeping them twice would double a 25 MB row.
     */
    private static String withoutInlineBytes(JsonObject object, JsonObject mediaData) {
        if (mediaData == null || !(mediaData.get("base64") instanceof JsonString base64)) {
            return object.toString();
        }
        JsonObject media =
                Jsonp.createObjectBuilder(mediaData)
                        .add("base64", "<" + base64.getString().length() + " base64 chars elided>")
                        .build();
        return Jsonp.createObjectBuilder(object).add("mediaData", media).build().toString();
    }
}
