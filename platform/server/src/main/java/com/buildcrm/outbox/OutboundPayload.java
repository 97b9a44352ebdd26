package com.buildcrm.outbox;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;

/**
 * What one outbox row sends: a text, a media file of ours (its public URL is signed afresh at send
 * time, because signed URLs expire) or a voice note.
 *
 * @param type {@code text}, {@code media} or {@code voice}
 * @param text the text, or the caption of a media file
 * @param mediaId our stored media id (media and voice)
 * @param mediaKind IMAGE, VIDEO or DOCUMENT (media)
 * @param fileName the file name shown to the client (documents)
 */
public record OutboundPayload(
        String type, String text, String mediaId, String mediaKind, String fileName) {

    public static OutboundPayload text(String text) {
        return new OutboundPayload("text", text, null, null, null);
    }

    public static OutboundPayload media(
            String mediaId, String mediaKind, String caption, String fileName) {
        return new OutboundPayload("media", caption, mediaId, mediaKind, fileName);
    }

    /** A voice note of ours (no caption: WhatsApp shows none). */
    public static OutboundPayload voice(String mediaId) {
        return new OutboundPayload("voice", null, mediaId, null, null);
    }

    public String toJson() {
        JsonObjectBuilder b = Json.createObjectBuilder().add("type", type);
        if (text != null) {
            b.add("text", text);
        }
        if (mediaId != null) {
            b.add("mediaId", mediaId);
        }
        if (mediaKind != null) {
            b.add("mediaKind", mediaKind);
        }
        if (fileName != null) {
            b.add("fileName", fileName);
        }
        return b.build().toString();
    }

    public static OutboundPayload fromJson(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            JsonObject o = reader.readObject();
            return new OutboundPayload(
                    o.getString("type"),
                    o.getString("text", null),
                    o.getString("mediaId", null),
                    o.getString("mediaKind", null),
                    o.getString("fileName", null));
        }
    }
}
