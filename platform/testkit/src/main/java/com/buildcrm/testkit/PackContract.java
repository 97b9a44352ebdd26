package com.buildcrm.testkit;

import com.buildcrm.plugin.api.IndustryPack;
import com.buildcrm.plugin.api.QualificationField;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks the rules every industry pack must follow, so an integrator's test can call one method.
 */
public final class PackContract {

    /** The keys every pack collects (API.md, "Qualification field keys"). */
    public static final List<String> CORE_KEYS = List.of("name", "city", "preferred_call_time");

    private PackContract() {}

    /**
     * Verifies the pack's schema: the core keys are present, keys are unique, and every field has
     * Russian and English labels and questions.
     *
     * @throws AssertionError describing the first violation
     */
    public static void verify(IndustryPack pack) {
        List<QualificationField> schema = pack.qualificationSchema();
        Set<String> keys = new HashSet<>();
        for (QualificationField field : schema) {
            if (!keys.add(field.key())) {
                throw new AssertionError("duplicate field key: " + field.key());
            }
            requireText(field.key(), "labelRu", field.labelRu());
            requireText(field.key(), "labelEn", field.labelEn());
            requireText(field.key(), "questionRu", field.questionRu());
            requireText(field.key(), "questionEn", field.questionEn());
        }
        for (String core : CORE_KEYS) {
            if (!keys.contains(core)) {
                throw new AssertionError(
                        "pack " + pack.descriptor().id() + " lacks core field " + core);
            }
        }
    }

    private static void requireText(String key, String what, String value) {
        if (value == null || value.isBlank()) {
            throw new AssertionError("field " + key + " has no " + what);
        }
    }
}
