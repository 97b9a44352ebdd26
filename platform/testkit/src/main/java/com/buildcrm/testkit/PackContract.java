package com.buildcrm.testkit;

import com.buildcrm.plugin.api.FollowUpText;
import com.buildcrm.plugin.api.GreetingKind;
import com.buildcrm.plugin.api.GreetingStep;
import com.buildcrm.plugin.api.IndustryPack;
import com.buildcrm.plugin.api.MediaItem;
import com.buildcrm.plugin.api.PackSetting;
import com.buildcrm.plugin.api.QualificationField;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks the rules every industry pack must follow, so an integrator's test can call one method:
 *
 * <pre>{@code
 * @Test
 * void followsThePackContract() {
 *     PackContract.verify(new MyPack());
 * }
 * }</pre>
 */
public final class PackContract {

    /** The keys every pack collects (API.md, "Qualification field keys"). */
    public static final List<String> CORE_KEYS = List.of("name", "city", "preferred_call_time");

    /** The locales every pack must speak. */
    public static final List<String> LOCALES = List.of("ru", "en");

    private PackContract() {}

    /**
     * Verifies the whole contract:
     *
     * <ul>
     *   <li>the schema: the core keys are present, keys are unique, every field has Russian and
     *       English labels and questions;
     *   <li>{@link IndustryPack#priceMinimumFields()} is a subset of the schema's keys;
     *   <li>{@link IndustryPack#defaultGreeting(String)} is non-empty for {@code ru} and {@code
     *       en}, text steps have text, link steps a URL, and every media name resolves through
     *       {@link IndustryPack#media(String)};
     *   <li>{@link IndustryPack#defaultFollowUps(String)} is non-empty with strictly increasing
     *       delays and non-blank texts, for {@code ru} and {@code en};
     *   <li>{@link IndustryPack#settingsSchema()} keys are unique;
     *   <li>{@link IndustryPack#industryPrompt(String)} is non-blank for {@code ru} and {@code en}.
     * </ul>
     *
     * @throws AssertionError describing the first violation
     */
    public static void verify(IndustryPack pack) {
        String id = pack.descriptor().id();
        Set<String> keys = verifySchema(pack, id);
        verifyPriceMinimum(pack, id, keys);
        for (String locale : LOCALES) {
            verifyGreeting(pack, id, locale);
            verifyFollowUps(pack, id, locale);
            String prompt = pack.industryPrompt(locale);
            if (prompt == null || prompt.isBlank()) {
                throw new AssertionError(
                        "pack " + id + ": industryPrompt(" + locale + ") is blank");
            }
        }
        verifySettings(pack, id);
    }

    private static Set<String> verifySchema(IndustryPack pack, String id) {
        List<QualificationField> schema = pack.qualificationSchema();
        if (schema == null) {
            throw new AssertionError("pack " + id + ": qualificationSchema() is null");
        }
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
                throw new AssertionError("pack " + id + " lacks core field " + core);
            }
        }
        return keys;
    }

    private static void verifyPriceMinimum(IndustryPack pack, String id, Set<String> keys) {
        List<String> minimum = pack.priceMinimumFields();
        if (minimum == null) {
            throw new AssertionError("pack " + id + ": priceMinimumFields() is null");
        }
        for (String key : minimum) {
            if (!keys.contains(key)) {
                throw new AssertionError(
                        "pack " + id + ": price-minimum field " + key + " is not in the schema");
            }
        }
    }

    private static void verifyGreeting(IndustryPack pack, String id, String locale) {
        List<GreetingStep> steps = pack.defaultGreeting(locale);
        if (steps == null || steps.isEmpty()) {
            throw new AssertionError("pack " + id + ": defaultGreeting(" + locale + ") is empty");
        }
        for (int i = 0; i < steps.size(); i++) {
            GreetingStep step = steps.get(i);
            String where = "pack " + id + ": greeting step " + i + " (" + locale + ")";
            if (step.kind() == GreetingKind.TEXT
                    && (step.text() == null || step.text().isBlank())) {
                throw new AssertionError(where + " is a text step without text");
            }
            if (step.kind() == GreetingKind.LINK && (step.url() == null || step.url().isBlank())) {
                throw new AssertionError(where + " is a link step without a URL");
            }
            if ((step.kind() == GreetingKind.ALBUM || step.kind() == GreetingKind.VOICE)
                    && step.media().isEmpty()) {
                throw new AssertionError(where + " is a " + step.kind() + " step without media");
            }
            for (MediaItem item : step.media()) {
                if (pack.media(item.name()).isEmpty()) {
                    throw new AssertionError(
                            where
                                    + " refers to media "
                                    + item.name()
                                    + " the pack does not bundle");
                }
            }
        }
    }

    private static void verifyFollowUps(IndustryPack pack, String id, String locale) {
        List<FollowUpText> steps = pack.defaultFollowUps(locale);
        if (steps == null || steps.isEmpty()) {
            throw new AssertionError("pack " + id + ": defaultFollowUps(" + locale + ") is empty");
        }
        int previous = 0;
        for (FollowUpText step : steps) {
            if (step.delayMinutes() <= previous) {
                throw new AssertionError(
                        "pack "
                                + id
                                + ": follow-up delays ("
                                + locale
                                + ") must increase, got "
                                + step.delayMinutes()
                                + " after "
                                + previous);
            }
            if (step.text().isBlank()) {
                throw new AssertionError(
                        "pack " + id + ": a follow-up text (" + locale + ") is blank");
            }
            previous = step.delayMinutes();
        }
    }

    private static void verifySettings(IndustryPack pack, String id) {
        List<PackSetting> settings = pack.settingsSchema();
        if (settings == null) {
            throw new AssertionError("pack " + id + ": settingsSchema() is null");
        }
        Set<String> keys = new HashSet<>();
        for (PackSetting s : settings) {
            if (!keys.add(s.key())) {
                throw new AssertionError("pack " + id + ": duplicate setting key " + s.key());
            }
        }
    }

    private static void requireText(String key, String what, String value) {
        if (value == null || value.isBlank()) {
            throw new AssertionError("field " + key + " has no " + what);
        }
    }
}
