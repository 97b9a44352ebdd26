package com.buildcrm.plugin.api;

import java.util.Map;
import java.util.Objects;

/**
 * One client message handed to a pack's extractor.
 *
 * @param text the client's text as written (may contain emoji, typos, mixed Kazakh and Russian)
 * @param known the qualification values already collected (a copy; keys as in the schema)
 * @param expectedField the key the AI manager asked for last, or {@code null}; a bare answer such
 *     as "12" or "да" belongs to this field
 * @param settings the tenant's values of the pack's settings (a copy)
 */
public record ExtractionRequest(
        String text,
        Map<String, Object> known,
        String expectedField,
        Map<String, String> settings) {
    public ExtractionRequest {
        text = text == null ? "" : text;
        known = Map.copyOf(Objects.requireNonNullElse(known, Map.of()));
        settings = Map.copyOf(Objects.requireNonNullElse(settings, Map.of()));
    }
}
