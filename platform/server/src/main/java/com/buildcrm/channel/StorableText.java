package com.buildcrm.channel;

import com.buildcrm.secret.Sha256;

/**
 * What a provider sends, made storable: PostgreSQL refuses NUL in text and jsonb, and message id
 * columns are {@code varchar(200)}. A webhook must store and acknowledge whatever content arrives
 * (the provider retries a refusal for ever and the message is lost), so content is repaired here,
 * never refused.
 */
public final class StorableText {

    /** Ids longer than this are hashed (leaves room for the inbox's {@code #status:…} suffix). */
    public static final int MAX_ID_LENGTH = 160;

    private StorableText() {}

    /** The text with every NUL character replaced by U+FFFD (the replacement character). */
    public static String clean(String text) {
        return text == null || text.indexOf('\u0000') < 0 ? text : text.replace('\u0000', '\uFFFD');
    }

    /**
     * A provider message id that fits the id columns: cleaned, and when longer than {@link
     * #MAX_ID_LENGTH}, {@code sha256:<hex of the id>} — deterministic, so a redelivery of the same
     * over-long id is still recognised as a duplicate.
     */
    public static String id(String providerId) {
        if (providerId == null) {
            return null;
        }
        String clean = clean(providerId);
        return clean.length() <= MAX_ID_LENGTH ? clean : "sha256:" + Sha256.hex(providerId);
    }
}
