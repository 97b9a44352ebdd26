package com.buildcrm.lead;

import com.buildcrm.web.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * The orders of the lead list, each newest/best first and made total by the id, so that keyset
 * paging is stable: {@code score} (then last activity), {@code lastActivity}, {@code createdAt}.
 * Last activity is the last message's time, or the creation time before any message.
 */
public enum LeadSort {
    SCORE("score"),
    LAST_ACTIVITY("lastActivity"),
    CREATED_AT("createdAt");

    private final String key;

    LeadSort(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static LeadSort parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return SCORE;
        }
        for (LeadSort s : values()) {
            if (s.key.equalsIgnoreCase(raw.strip())) {
                return s;
            }
        }
        throw ApiProblem.invalidField("sort", "must be score, lastActivity or createdAt");
    }

    /** Where the previous page ended: the sort keys of its last lead. */
    public record Cursor(LeadSort sort, int score, Instant time, long id) {

        /** Opaque to clients: base64url of {@code sort|score|time|id}. */
        public String encode() {
            String raw = sort.key + "|" + score + "|" + time + "|" + id;
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        /** A cursor returned by this API for the same sort, else 400 naming {@code cursor}. */
        public static Cursor decode(String cursor, LeadSort expected) {
            if (cursor == null || cursor.isBlank()) {
                return null;
            }
            try {
                String[] parts =
                        new String(
                                        Base64.getUrlDecoder().decode(cursor.strip()),
                                        StandardCharsets.UTF_8)
                                .split("\\|");
                if (parts.length != 4 || !parts[0].equals(expected.key)) {
                    throw new IllegalArgumentException("another sort");
                }
                return new Cursor(
                        expected,
                        Integer.parseInt(parts[1]),
                        Instant.parse(parts[2]),
                        Long.parseLong(parts[3]));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw ApiProblem.invalidField(
                        "cursor", "not a cursor returned by this endpoint for this sort");
            }
        }
    }
}
