package com.buildcrm.channel.meta;

import com.buildcrm.channel.DeliveryStatus;
import com.buildcrm.channel.DeliveryStatusUpdate;
import com.buildcrm.channel.InboundEvent;
import com.buildcrm.channel.InboundMedia;
import com.buildcrm.channel.InboundMessage;
import com.buildcrm.channel.InboundWebhook;
import com.buildcrm.channel.JsonFields;
import com.buildcrm.channel.MessageKind;
import com.buildcrm.channel.SecretComparison;
import com.buildcrm.channel.WebhookRequest;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Cloud API webhook: a GET subscription handshake, then POSTs signed with {@code
 * X-Hub-Signature-256: sha256=<hex HMAC-SHA256(raw body, app secret)>} carrying {@code
 * entry[].changes[].value{contacts[], messages[], statuses[]}}.
 *
 * <p>Media arrive as a media id, not bytes: they are fetched with the access token later.
 */
final class MetaCloudWebhook implements InboundWebhook {

    static final String SIGNATURE_HEADER = "X-Hub-Signature-256";
    private static final String SIGNATURE_PREFIX = "sha256=";

    private final byte[] appSecret;
    private final String verifyToken;
    private final Clock clock;

    MetaCloudWebhook(String appSecret, String verifyToken, Clock clock) {
        this.appSecret = appSecret.getBytes(StandardCharsets.UTF_8);
        this.verifyToken = verifyToken;
        this.clock = clock;
    }

    @Override
    public Optional<String> handshake(Map<String, List<String>> query) {
        String mode = first(query, "hub.mode");
        String token = first(query, "hub.verify_token");
        String challenge = first(query, "hub.challenge");
        if ("subscribe".equals(mode)
                && challenge != null
                && SecretComparison.matches(verifyToken, token)) {
            return Optional.of(challenge);
        }
        return Optional.empty();
    }

    @Override
    public boolean authenticate(WebhookRequest request) {
        String header = request.header(SIGNATURE_HEADER);
        if (header == null
                || !header.regionMatches(true, 0, SIGNATURE_PREFIX, 0, SIGNATURE_PREFIX.length())) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header.substring(SIGNATURE_PREFIX.length()).strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(hmac(request.body()), given);
    }

    private byte[] hmac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }

    @Override
    public List<InboundEvent> parse(byte[] rawBody) {
        try {
            JsonObject root = JsonFields.parse(rawBody).map(JsonFields::object).orElse(null);
            JsonArray entries = JsonFields.array(root, "entry");
            if (entries == null) {
                return List.of();
            }
            List<InboundEvent> events = new ArrayList<>();
            for (JsonValue entry : entries) {
                JsonArray changes = JsonFields.array(JsonFields.object(entry), "changes");
                if (changes == null) {
                    continue;
                }
                for (JsonValue change : changes) {
                    JsonObject value = JsonFields.object(JsonFields.object(change), "value");
                    if (value != null) {
                        collect(value, events);
                    }
                }
            }
            return List.copyOf(events);
        } catch (RuntimeException e) { // a body we cannot read is dropped, never a 5xx
            return List.of();
        }
    }

    private void collect(JsonObject value, List<InboundEvent> events) {
        Map<String, String> names = new HashMap<>();
        JsonArray contacts = JsonFields.array(value, "contacts");
        if (contacts != null) {
            for (JsonValue contact : contacts) {
                JsonObject object = JsonFields.object(contact);
                String waId = JsonFields.string(object, "wa_id");
                String name = JsonFields.string(JsonFields.object(object, "profile"), "name");
                if (waId != null && name != null) {
                    names.put(waId, name);
                }
            }
        }
        JsonArray messages = JsonFields.array(value, "messages");
        if (messages != null) {
            for (JsonValue message : messages) {
                JsonObject object = JsonFields.object(message);
                if (object != null && JsonFields.string(object, "id") != null) {
                    events.add(message(object, names));
                }
            }
        }
        JsonArray statuses = JsonFields.array(value, "statuses");
        if (statuses != null) {
            for (JsonValue status : statuses) {
                JsonObject object = JsonFields.object(status);
                statusUpdate(object).ifPresent(events::add);
            }
        }
    }

    private InboundMessage message(JsonObject message, Map<String, String> names) {
        String type = JsonFields.string(message, "type");
        type = type == null ? "" : type.toLowerCase(Locale.ROOT);
        String from = JsonFields.string(message, "from");
        MessageKind kind = MessageKind.UNSUPPORTED;
        String text = null;
        InboundMedia media = null;
        switch (type) {
            case "text" -> {
                text = JsonFields.string(JsonFields.object(message, "text"), "body");
                kind = text == null ? MessageKind.UNSUPPORTED : MessageKind.TEXT;
            }
            case "image", "video", "document", "audio", "sticker" -> {
                JsonObject object = JsonFields.object(message, type);
                boolean voice = JsonFields.isTrue(object, "voice");
                kind =
                        switch (type) {
                            case "image" -> MessageKind.IMAGE;
                            case "video" -> MessageKind.VIDEO;
                            case "document" -> MessageKind.DOCUMENT;
                            case "audio" -> voice ? MessageKind.VOICE : MessageKind.AUDIO;
                            default -> MessageKind.UNSUPPORTED; // stickers: kept raw
                        };
                text = JsonFields.string(object, "caption");
                media =
                        object == null
                                ? null
                                : new InboundMedia(
                                        JsonFields.string(object, "mime_type"),
                                        null,
                                        null,
                                        JsonFields.string(object, "id"),
                                        JsonFields.string(object, "filename"),
                                        null,
                                        null,
                                        voice);
            }
            case "location" -> {
                JsonObject location = JsonFields.object(message, "location");
                Double latitude = JsonFields.decimal(location, "latitude");
                Double longitude = JsonFields.decimal(location, "longitude");
                if (latitude != null && longitude != null) {
                    kind = MessageKind.LOCATION;
                    text = location(latitude, longitude, location);
                }
            }
            case "button" -> {
                text = JsonFields.string(JsonFields.object(message, "button"), "text");
                kind = text == null ? MessageKind.UNSUPPORTED : MessageKind.TEXT;
            }
            case "interactive" -> {
                JsonObject interactive = JsonFields.object(message, "interactive");
                text = JsonFields.string(JsonFields.object(interactive, "button_reply"), "title");
                if (text == null) {
                    text = JsonFields.string(JsonFields.object(interactive, "list_reply"), "title");
                }
                kind = text == null ? MessageKind.UNSUPPORTED : MessageKind.TEXT;
            }
            default -> {
                // reactions, contacts, orders, "unsupported": kept raw
            }
        }
        return new InboundMessage(
                JsonFields.string(message, "id"),
                from,
                from == null ? null : names.get(from),
                timestamp(JsonFields.number(message, "timestamp")),
                kind,
                text,
                media,
                false, // the Cloud API has no group chats
                message.toString());
    }

    private static String location(double latitude, double longitude, JsonObject location) {
        StringBuilder text = new StringBuilder();
        String name = JsonFields.string(location, "name");
        String address = JsonFields.string(location, "address");
        if (name != null) {
            text.append(name).append('\n');
        }
        if (address != null) {
            text.append(address).append('\n');
        }
        return text.append(latitude).append(',').append(longitude).toString();
    }

    private Optional<InboundEvent> statusUpdate(JsonObject status) {
        String id = JsonFields.string(status, "id");
        String value = JsonFields.string(status, "status");
        if (id == null || value == null) {
            return Optional.empty();
        }
        DeliveryStatus deliveryStatus =
                switch (value.toLowerCase(Locale.ROOT)) {
                    case "sent" -> DeliveryStatus.SENT;
                    case "delivered" -> DeliveryStatus.DELIVERED;
                    case "read" -> DeliveryStatus.READ;
                    case "failed" -> DeliveryStatus.FAILED;
                    default -> null; // "deleted", "warning": nothing to record
                };
        if (deliveryStatus == null) {
            return Optional.empty();
        }
        return Optional.of(
                new DeliveryStatusUpdate(
                        id,
                        deliveryStatus,
                        JsonFields.string(status, "recipient_id"),
                        timestamp(JsonFields.number(status, "timestamp")),
                        error(JsonFields.array(status, "errors")),
                        status.toString()));
    }

    private static String error(JsonArray errors) {
        if (errors == null || errors.isEmpty()) {
            return null;
        }
        JsonObject error = JsonFields.object(errors.get(0));
        Long code = JsonFields.number(error, "code");
        String title = JsonFields.string(error, "title");
        if (title == null) {
            title = JsonFields.string(error, "message");
        }
        String details = JsonFields.string(JsonFields.object(error, "error_data"), "details");
        StringBuilder text = new StringBuilder();
        if (code != null) {
            text.append(code);
        }
        if (title != null) {
            text.append(text.length() > 0 ? ": " : "").append(title);
        }
        if (details != null && !details.equals(title)) {
            text.append(" (").append(details).append(')');
        }
        return text.length() == 0 ? "unknown error" : text.toString();
    }

    private Instant timestamp(Long seconds) {
        return seconds == null || seconds <= 0 ? clock.instant() : Instant.ofEpochSecond(seconds);
    }

    private static String first(Map<String, List<String>> query, String name) {
        if (query == null) {
            return null;
        }
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
