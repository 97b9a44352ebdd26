package com.buildcrm.plugin.api;

import java.util.Objects;

/**
 * One setting of a pack that the operator fills in per tenant (e.g. the warehouse address).
 *
 * @param key stable key (snake_case)
 * @param type value type (TEXT, NUMBER, INTEGER or BOOLEAN)
 * @param labelRu label in the operator's console, Russian
 * @param labelEn label in the operator's console, English
 * @param defaultValue the value used until the operator sets one, or {@code null}
 */
public record PackSetting(
        String key, FieldType type, String labelRu, String labelEn, String defaultValue) {
    public PackSetting {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        if (!key.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("setting key must be snake_case: " + key);
        }
    }
}
