package com.buildcrm.plugin.api;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What an extractor found in one client message.
 *
 * @param values field key → value. Values are {@link String} (TEXT), {@link java.math.BigDecimal}
 *     (NUMBER), {@link Long} (INTEGER) or {@link Boolean} (BOOLEAN); the platform validates them
 *     against the schema and drops what does not fit.
 * @param unclear keys the client seemed to answer but whose answer fits a different question
 *     ("Фундамент уже залит" when asked whether the plinth will be closed with panels). The
 *     platform stores no value for them and asks again, once, in other words ({@link
 *     IndustryPack#clarifyingQuestion}); a key in both sets counts as found.
 * @since 1.1
 */
public record Extraction(Map<String, Object> values, Set<String> unclear) {
    public Extraction {
        values = Map.copyOf(Objects.requireNonNullElse(values, Map.of()));
        unclear = Set.copyOf(Objects.requireNonNullElse(unclear, Set.of()));
    }

    /** Values found, nothing unclear. */
    public Extraction(Map<String, Object> values) {
        this(values, Set.of());
    }

    /** Nothing found. */
    public static Extraction none() {
        return new Extraction(Map.of());
    }
}
