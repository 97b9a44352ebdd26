package com.buildcrm.live;

import com.buildcrm.json.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.time.Instant;

/**
 * A {@link LiveEvent} on its way to the screens: with an id (unique across instances: time, the
 * publishing instance and a sequence) and the commit time. Travels between instances as the payload
 * of {@code NOTIFY buildcrm_live}.
 */
public record LiveMessage(
        String id, long tenantId, String type, long leadId, Long messageId, Instant at) {

    /** The JSON an instance sends to the others (carries the tenant; never sent to browsers). */
    public String toPayload() {
        return builder().add("tenantId", tenantId).add("id", id).build().toString();
    }

    /** The SSE {@code data:} line: {@code {type, leadId, messageId, at}}. */
    public String toClientJson() {
        return builder().build().toString();
    }

    private JsonObjectBuilder builder() {
        JsonObjectBuilder b = Jsonp.createObjectBuilder().add("type", type).add("leadId", leadId);
        if (messageId == null) {
            b.addNull("messageId");
        } else {
            b.add("messageId", messageId);
        }
        return b.add("at", at.toString());
    }

    public static LiveMessage fromPayload(String payload) {
        try (var reader = Jsonp.createReader(new StringReader(payload))) {
            JsonObject o = reader.readObject();
            return new LiveMessage(
                    o.getString("id"),
                    o.getJsonNumber("tenantId").longValue(),
                    o.getString("type"),
                    o.getJsonNumber("leadId").longValue(),
                    o.isNull("messageId") ? null : o.getJsonNumber("messageId").longValue(),
                    Instant.parse(o.getString("at")));
        }
    }
}
