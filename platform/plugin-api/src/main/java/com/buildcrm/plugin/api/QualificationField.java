package com.buildcrm.plugin.api;

import java.util.Objects;

/**
 * One typed field the AI manager collects from a lead.
 *
 * @param key stable key in the lead's {@code fields} (snake_case, e.g. {@code length_m})
 * @param type value type
 * @param required whether the lead counts as fully qualified only with this field
 * @param labelRu label shown in the CRM, Russian
 * @param labelEn label shown in the CRM, English
 * @param questionRu how the AI manager asks for it, Russian
 * @param questionEn how the AI manager asks for it, English
 */
public record QualificationField(
        String key,
        FieldType type,
        boolean required,
        String labelRu,
        String labelEn,
        String questionRu,
        String questionEn) {
    public QualificationField {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        if (!key.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("field key must be snake_case: " + key);
        }
    }
}
