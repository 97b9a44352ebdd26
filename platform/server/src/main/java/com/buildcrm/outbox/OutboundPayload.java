package com.buildcrm.outbox;

import com.buildcrm.channel.MediaKind;
import com.buildcrm.channel.TemplateCall;
import com.buildcrm.json.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.Locale;
import java.util.Objects;

/**
 * What one outbox row sends: a text, a media file of ours (its public URL is signed afresh at send
 * time, because signed URLs expire) or a voice note. Stored as JSON in {@code
 * platform.outbox.payload} and its {@link Type} in {@code platform.outbox.kind}.
 *
 * @param type what it is
 * @param text the text, or the caption of a media file
 * @param mediaId our stored media id (media and voice)
 * @param mediaKind IMAGE, VIDEO or DOCUMENT (media)
 * @param fileName the file name shown to the client (documents)
 * @param template the approved WhatsApp template sent instead of a text (ADR 035); {@code text}
 *     then holds the filled-in body as the conversation shows it, not sent
 */
public record OutboundPayload(
        Type type,
        String text,
        String mediaId,
        MediaKind mediaKind,
        String fileName,
        TemplateCall template) {

    /** The kinds of payload, stored in lower case ({@code text}, {@code media}, {@code voice}). */
    public enum Type {
        TEXT,
        MEDIA,
        VOICE,
        TEMPLATE;

        /** The stored name. */
        public String stored() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The type of a stored name; an unknown one is sent as a text, as it always was. */
        static Type ofStored(String stored) {
            for (Type t : values()) {
                if (t.stored().equals(stored)) {
                    return t;
                }
            }
            return TEXT;
        }
    }

    public OutboundPayload {
        Objects.requireNonNull(type, "type");
        if ((type == Type.TEMPLATE) != (template != null)) {
            throw new IllegalArgumentException("a template payload, and only one, has a template");
        }
    }

    public OutboundPayload(
            Type type, String text, String mediaId, MediaKind mediaKind, String fileName) {
        this(type, text, mediaId, mediaKind, fileName, null);
    }

    /** An approved template; {@code shown} is its filled-in body as the conversation shows it. */
    public static OutboundPayload template(String shown, TemplateCall template) {
        return new OutboundPayload(Type.TEMPLATE, shown, null, null, null, template);
    }

    public static OutboundPayload text(String text) {
        return new OutboundPayload(Type.TEXT, text, null, null, null);
    }

    public static OutboundPayload media(
            String mediaId, MediaKind mediaKind, String caption, String fileName) {
        return new OutboundPayload(Type.MEDIA, caption, mediaId, mediaKind, fileName);
    }

    /** A voice note of ours (no caption: WhatsApp shows none). */
    public static OutboundPayload voice(String mediaId) {
        return new OutboundPayload(Type.VOICE, null, mediaId, null, null);
    }

    public String toJson() {
        JsonObjectBuilder b = Jsonp.createObjectBuilder().add("type", type.stored());
        if (text != null) {
            b.add("text", text);
        }
        if (mediaId != null) {
            b.add("mediaId", mediaId);
        }
        if (mediaKind != null) {
            b.add("mediaKind", mediaKind.name());
        }
        if (fileName != null) {
            b.add("fileName", fileName);
        }
        if (template != null) {
            b.add(
                    "template",
                    Jsonp.createObjectBuilder()
                            .add("name", template.name())
                            .add("language", template.language())
                            .add(
                                    "parameters",
                                    Jsonp.createArrayBuilder(template.bodyParameters())));
        }
        return b.build().toString();
    }

    public static OutboundPayload fromJson(String json) {
        try (var reader = Jsonp.createReader(new StringReader(json))) {
            JsonObject o = reader.readObject();
            String mediaKind = o.getString("mediaKind", null);
            JsonObject t = o.getJsonObject("template");
            TemplateCall template =
                    t == null
                            ? null
                            : new TemplateCall(
                                    t.getString("name"),
                                    t.getString("language"),
                                    t
                                            .getJsonArray("parameters")
                                            .getValuesAs(JsonString.class)
                                            .stream()
                                            .map(JsonString::getString)
                                            .toList());
            Type type = Type.ofStored(o.getString("type", ""));
            return new OutboundPayload(
                    template == null && type == Type.TEMPLATE ? Type.TEXT : type,
                    o.getString("text", null),
                    o.getString("mediaId", null),
                    mediaKind == null ? null : MediaKind.valueOf(mediaKind),
                    o.getString("fileName", null),
                    type == Type.TEMPLATE ? template : null);
        }
    }
}
