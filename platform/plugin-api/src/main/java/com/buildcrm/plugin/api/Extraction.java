package com.buildcrm.plugin.api;

import java.util.Map;
import java.util.Objects;

/**
 * What an extractor found in one client message.
 *
 * @param values field key → value. Values are {@link String} (TEXT), {@link java.math.BigDecimal}
 *     (NUMBER), {@link Long} (INTEGER) or {@link Boolean} (BOOLEAN); the platform validates them
 *     against the schema and drops what does not fit.
 */
public record Extraction(Map<String, Object> values) {
    public Extraction {
        values = Map.copyOf(Objects.requireNonNullElse(values, Map.of()));
    }

    /** Nothing found. */
    public static Extraction none() {
        return new Extraction(Map.of());
    }
}
