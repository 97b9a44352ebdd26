package com.buildcrm.plugin.api;

import java.math.BigDecimal;
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
 * @param min smallest accepted value of a {@code NUMBER}/{@code INTEGER} field, or {@code null}
 * @param max largest accepted value of a {@code NUMBER}/{@code INTEGER} field (or the longest
 *     {@code TEXT} in characters), or {@code null}
 */
public record QualificationField(
        String key,
        FieldType type,
        boolean required,
        String labelRu,
        String labelEn,
        String questionRu,
        String questionEn,
        BigDecimal min,
        BigDecimal max) {
    public QualificationField {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        if (!key.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("field key must be snake_case: " + key);
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw new IllegalArgumentException("min > max for " + key);
        }
    }

    /** A field without range validation. */
    public QualificationField(
            String key,
            FieldType type,
            boolean required,
            String labelRu,
            String labelEn,
            String questionRu,
            String questionEn) {
        this(key, type, required, labelRu, labelEn, questionRu, questionEn, null, null);
    }

    /** The label in the given locale ({@code ru} unless the locale starts with {@code en}). */
    public String label(String locale) {
        return Locales.isEnglish(locale) ? labelEn : labelRu;
    }

    /** The question in the given locale ({@code ru} unless the locale starts with {@code en}). */
    public String question(String locale) {
        return Locales.isEnglish(locale) ? questionEn : questionRu;
    }
}
