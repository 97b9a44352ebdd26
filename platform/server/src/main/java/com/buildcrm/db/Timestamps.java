package com.buildcrm.db;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * A {@code timestamptz} column of a native query's row, whatever type the driver returned it as.
 */
public final class Timestamps {

    private Timestamps() {}

    /**
     * The instant of an {@link OffsetDateTime}, {@link java.sql.Timestamp} or {@link Instant}.
     *
     * @throws IllegalStateException for any other value (null included)
     */
    public static Instant toInstant(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        throw new IllegalStateException("unexpected timestamp " + value.getClass());
    }
}
