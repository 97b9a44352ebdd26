package com.buildcrm.message;

import com.buildcrm.tenancy.DbTier;
import com.buildcrm.tenancy.TenantRef;

/** What the message DB tests share: one lead to write to, and a message row read as text. */
final class MessageRows {

    /**
     * Every column of {@code messages} but the id, as text, in a fixed order; a missing provider
     * id, error or send time reads {@code -}.
     */
    static final String ROW =
            "concat_ws('|', lead_id, direction, author, author_id, kind, text, media_id, media_mime,"
                    + " media_name, status, coalesce(provider_message_id, '-'), coalesce(error, '-'),"
                    + " coalesce(sent_at::text, '-'), created_at, transcript, transcription)";

    private MessageRows() {}

    /** A new lead of the tenant with this phone, in its NEW stage; its id. */
    static long lead(DbTier db, TenantRef tenant, String phone) {
        long stage = db.stage(tenant, "NEW");
        db.sql(
                tenant,
                "INSERT INTO leads (phone, stage_id) VALUES ('" + phone + "', " + stage + ")");
        return db.number(tenant, "SELECT id FROM leads WHERE phone = '" + phone + "'");
    }
}
