package com.buildcrm.inbox;

import com.buildcrm.channel.DeliveryStatus;
import com.buildcrm.channel.DeliveryStatusUpdate;
import com.buildcrm.channel.InboundEvent;
import com.buildcrm.channel.InboundMessage;
import com.buildcrm.channel.MessageKind;
import com.buildcrm.channel.StorableText;
import com.buildcrm.json.Jsonp;
import com.buildcrm.phone.PhoneNumbers;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;

/**
 * What one inbox row's {@code event} column holds, typed, with its JSON codec (ADR 014): a client's
 * {@link ClientMessage} or a {@link Receipt} for a message we sent.
 *
 * <p>The JSON keys are those every release so far has written ({@link Keys}), so rows stored by an
 * older server are read as they are: a missing optional key reads as null (or false), an empty
 * string as null, and an unknown message kind as {@link MessageKind#UNSUPPORTED}. Written rows keep
 * the old shape too (absent strings are written as {@code ""}), so a server of the previous release
 * can still read what this one stored.
 */
public sealed interface InboxEvent permits InboxEvent.ClientMessage, InboxEvent.Receipt {

    /** The JSON keys of the {@code event} column; SQL that looks into the column uses these. */
    final class Keys {
        public static final String TYPE = "type";
        public static final String SENDER = "sender";
        public static final String PHONE = "phone";
        public static final String PUSH_NAME = "pushName";
        public static final String TIMESTAMP = "timestamp";
        public static final String KIND = "kind";
        public static final String TEXT = "text";
        public static final String GROUP = "group";
        public static final String MEDIA_MIME = "mediaMime";
        public static final String MEDIA_URL = "mediaUrl";
        public static final String MEDIA_ID = "mediaId";
        public static final String MEDIA_NAME = "mediaName";
        public static final String PTT = "ptt";

        /** Written by the processor when a file cannot be fetched (never at insert). */
        public static final String MEDIA_ERROR = "mediaError";

        public static final String STATUS = "status";
        public static final String ERROR = "error";
        public static final String RAW = "raw";

        /** {@link #TYPE} of a {@link ClientMessage}. */
        public static final String TYPE_MESSAGE = "message";

        /** {@link #TYPE} of a {@link Receipt}. */
        public static final String TYPE_STATUS = "status";

        private Keys() {}
    }

    /** The longest raw provider JSON kept in a row (inline media is never in it). */
    int MAX_RAW_CHARS = 64_000;

    /** The provider's JSON as received (truncated), kept for diagnosis; never null. */
    String raw();

    /** The inbox row's {@code kind} column: the message kind, {@code GROUP} or {@code STATUS}. */
    String rowKind();

    /** The JSON stored in the row's {@code event} column. */
    String toJson();

    /**
     * A message a client sent. Strings are null when absent.
     *
     * @param sender the sender as the provider wrote it (a jid or digits)
     * @param phone the sender's normalised phone number, null when it is none (a group, a bad id)
     * @param pushName the name the sender set in WhatsApp
     * @param timestamp the provider's send time as ISO-8601 text, kept as stored: the processor
     *     decides whether it is plausible
     * @param kind what it carries
     * @param text the text or caption
     * @param group true for a group chat (stored, creates no lead)
     * @param media what the provider said about the file, null when the message has none
     * @param mediaError why the file was given up, null while it may still come
     * @param raw the provider's JSON
     */
    record ClientMessage(
            String sender,
            String phone,
            String pushName,
            String timestamp,
            MessageKind kind,
            String text,
            boolean group,
            Media media,
            String mediaError,
            String raw)
            implements InboxEvent {

        public ClientMessage {
            kind = kind == null ? MessageKind.UNSUPPORTED : kind;
            raw = raw == null ? "" : raw;
        }

        @Override
        public String rowKind() {
            return group ? "GROUP" : kind.name();
        }

        /** True when it has a file the provider did not inline that has not been given up. */
        public boolean mediaToFetch() {
            return media != null && media.downloadable() && mediaError == null;
        }

        /** True when processing it makes a message (not a group, a readable sender). */
        public boolean makesMessage() {
            return !group && phone != null;
        }

        @Override
        public String toJson() {
            JsonObjectBuilder json =
                    Jsonp.createObjectBuilder()
                            .add(Keys.TYPE, Keys.TYPE_MESSAGE)
                            .add(Keys.SENDER, nz(sender))
                            .add(Keys.PHONE, nz(phone))
                            .add(Keys.PUSH_NAME, nz(pushName))
                            .add(Keys.TIMESTAMP, nz(timestamp))
                            .add(Keys.KIND, kind.name())
                            .add(Keys.TEXT, nz(text))
                            .add(Keys.GROUP, group);
            if (media != null) {
                json.add(Keys.MEDIA_MIME, nz(media.mimeType()))
                        .add(Keys.MEDIA_URL, nz(media.downloadUrl()))
                        .add(Keys.MEDIA_ID, nz(media.providerMediaId()))
                        .add(Keys.MEDIA_NAME, nz(media.fileName()))
                        .add(Keys.PTT, media.ptt());
            }
            if (mediaError != null) {
                json.add(Keys.MEDIA_ERROR, mediaError);
            }
            return json.add(Keys.RAW, raw).build().toString();
        }
    }

    /**
     * The file of a client's message as the provider described it; the bytes, when inlined, are in
     * the row's {@code media} column. Strings are null when absent.
     *
     * @param mimeType the base mime type (no parameters)
     * @param downloadUrl where the provider serves it
     * @param providerMediaId the provider's media id (Meta)
     * @param fileName the provider's file name
     * @param ptt true for a push-to-talk voice note
     */
    record Media(
            String mimeType,
            String downloadUrl,
            String providerMediaId,
            String fileName,
            boolean ptt) {

        /** True when the provider said where to download it. */
        public boolean downloadable() {
            return downloadUrl != null || providerMediaId != null;
        }
    }

    /**
     * A provider's receipt for a message we sent.
     *
     * @param status the new status; null when the stored value is none we know
     * @param error the provider's reason for a failure, else null
     * @param raw the provider's JSON
     */
    record Receipt(DeliveryStatus status, String error, String raw) implements InboxEvent {

        public Receipt {
            raw = raw == null ? "" : raw;
        }

        @Override
        public String rowKind() {
            return "STATUS";
        }

        @Override
        public String toJson() {
            return Jsonp.createObjectBuilder()
                    .add(Keys.TYPE, Keys.TYPE_STATUS)
                    .add(Keys.STATUS, status == null ? "" : status.name())
                    .add(Keys.ERROR, nz(error))
                    .add(Keys.RAW, raw)
                    .build()
                    .toString();
        }
    }

    /**
     * The storable form of a provider's event: text made storable ({@link StorableText}), the
     * sender's phone normalised, the raw JSON truncated.
     */
    static InboxEvent of(InboundEvent event) {
        String raw = truncate(event.rawJson());
        if (event instanceof InboundMessage m) {
            Media media =
                    m.media() == null
                            ? null
                            : new Media(
                                    clean(m.media().baseMimeType()),
                                    clean(m.media().downloadUrl()),
                                    clean(m.media().providerMediaId()),
                                    clean(m.media().fileName()),
                                    m.media().ptt());
            return new ClientMessage(
                    clean(m.sender()),
                    PhoneNumbers.fromWhatsApp(m.sender()).orElse(null),
                    clean(m.pushName()),
                    m.timestamp().toString(),
                    m.kind(),
                    clean(m.text()),
                    m.group(),
                    media,
                    null,
                    raw);
        }
        DeliveryStatusUpdate s = (DeliveryStatusUpdate) event;
        return new Receipt(s.status(), clean(s.error()), raw);
    }

    /**
     * Reads a row's {@code event} column, whichever release wrote it.
     *
     * @throws IllegalArgumentException when the text is not a JSON object
     */
    static InboxEvent fromJson(String json) {
        JsonObject o;
        try (var reader = Jsonp.createReader(new StringReader(json))) {
            o = reader.readObject();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("an inbox event is no JSON object", e);
        }
        if (Keys.TYPE_MESSAGE.equals(o.getString(Keys.TYPE, ""))) {
            boolean hasMedia =
                    o.containsKey(Keys.MEDIA_MIME)
                            || o.containsKey(Keys.MEDIA_URL)
                            || o.containsKey(Keys.MEDIA_ID)
                            || o.containsKey(Keys.MEDIA_NAME)
                            || o.containsKey(Keys.PTT);
            Media media =
                    hasMedia
                            ? new Media(
                                    string(o, Keys.MEDIA_MIME),
                                    string(o, Keys.MEDIA_URL),
                                    string(o, Keys.MEDIA_ID),
                                    string(o, Keys.MEDIA_NAME),
                                    bool(o, Keys.PTT))
                            : null;
            return new ClientMessage(
                    string(o, Keys.SENDER),
                    string(o, Keys.PHONE),
                    string(o, Keys.PUSH_NAME),
                    string(o, Keys.TIMESTAMP),
                    kind(string(o, Keys.KIND)),
                    string(o, Keys.TEXT),
                    bool(o, Keys.GROUP),
                    media,
                    string(o, Keys.MEDIA_ERROR),
                    string(o, Keys.RAW));
        }
        return new Receipt(
                status(string(o, Keys.STATUS)), string(o, Keys.ERROR), string(o, Keys.RAW));
    }

    private static MessageKind kind(String name) {
        try {
            return name == null ? MessageKind.UNSUPPORTED : MessageKind.valueOf(name);
        } catch (IllegalArgumentException e) {
            return MessageKind.UNSUPPORTED;
        }
    }

    private static DeliveryStatus status(String name) {
        try {
            return name == null ? null : DeliveryStatus.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A string value; missing, JSON null, not a string, or empty all read as null. */
    private static String string(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (v == null || v.getValueType() != JsonValue.ValueType.STRING) {
            return null;
        }
        String s = o.getString(key);
        return s.isEmpty() ? null : s;
    }

    private static boolean bool(JsonObject o, String key) {
        return o.get(key) == JsonValue.TRUE;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String clean(String s) {
        return s == null ? null : StorableText.clean(s);
    }

    private static String truncate(String s) {
        if (s == null) {
            return "";
        }
        // inline base64 media is kept in the media column, not twice in the raw JSON
        return StorableText.clean(s.length() <= MAX_RAW_CHARS ? s : s.substring(0, MAX_RAW_CHARS));
    }
}
