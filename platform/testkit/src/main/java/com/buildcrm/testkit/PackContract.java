package com.buildcrm.testkit;

import com.buildcrm.brain.ActionValidator;
import com.buildcrm.brain.InvalidActionException;
import com.buildcrm.plugin.api.ExtractionRequest;
import com.buildcrm.plugin.api.FollowUpText;
import com.buildcrm.plugin.api.GreetingKind;
import com.buildcrm.plugin.api.GreetingStep;
import com.buildcrm.plugin.api.IndustryPack;
import com.buildcrm.plugin.api.MediaItem;
import com.buildcrm.plugin.api.PackSetting;
import com.buildcrm.plugin.api.QualificationField;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BiConsumer;

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

    /**
     * The characters {@link #verifyRobustness(IndustryPack, BiConsumer)} builds its random messages
     * from: digits, separators, Russian and Kazakh letters, emoji, currency and phone punctuation.
     */
    public static final String ROBUSTNESS_ALPHABET =
            "0123456789 ,.-*xх×наокондверьфундаментпроектфото10 12 ?!😊🏠👍\n₸млнтысәіңқ+7()/:";

    /** How many random messages {@link #verifyRobustness} sends. */
    public static final int ROBUSTNESS_ROUNDS = 1_000;

    private static final long ROBUSTNESS_SEED = 42;
    private static final int ROBUSTNESS_MAX_LENGTH = 60;

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

    /**
     * Feeds {@link IndustryPack#extract} {@value #ROBUSTNESS_ROUNDS} random messages built from
     * {@link #ROBUSTNESS_ALPHABET}, the same ones on every run, and checks that the extractor is
     * total and its values are usable. Same as {@link #verifyRobustness(IndustryPack, String,
     * BiConsumer)} with that alphabet.
     *
     * <pre>{@code
     * @Test
     * void randomGarbageNeverThrowsAndValuesStayInRange() {
     *     PackContract.verifyRobustness(
     *             new MyPack(),
     *             (text, values) -> {
     *                 // the pack's own checks on one result, e.g. a derived field's bound
     *             });
     * }
     * }</pre>
     *
     * @param packChecks called with each message and the values extracted from it, for checks that
     *     only the pack knows; throw an {@link AssertionError} (e.g. a JUnit assertion) to fail.
     *     Pass {@code (text, values) -> {}} when there are none.
     * @throws AssertionError naming the message and the value at fault
     */
    public static void verifyRobustness(
            IndustryPack pack, BiConsumer<String, Map<String, Object>> packChecks) {
        verifyRobustness(pack, ROBUSTNESS_ALPHABET, packChecks);
    }

    /**
     * Feeds {@link IndustryPack#extract} {@value #ROBUSTNESS_ROUNDS} random messages (up to 59
     * characters from {@code alphabet}, from a fixed seed, so a failure repeats) and checks each
     * result:
     *
     * <ul>
     *   <li>{@code extract} does not throw, for whichever field the AI manager asked last: none,
     *       each schema key in turn, or a key the schema does not have;
     *   <li>every extracted key is in {@link IndustryPack#qualificationSchema()};
     *   <li>every value fits its field as the platform checks it ({@link ActionValidator#coerce}):
     *       the field's type, non-blank text no longer than the field's {@code max}, numbers within
     *       the field's {@code min} and {@code max};
     *   <li>{@code packChecks} accepts the message and its values.
     * </ul>
     *
     * <p>The platform drops a value that does not fit the schema and asks the question again, so
     * such a value is a pack bug the client would notice as a repeated question.
     *
     * @param alphabet the characters messages are built from; include the digits, units and words
     *     the pack's extractor reacts to
     * @param packChecks called with each message and the values extracted from it, for checks that
     *     only the pack knows; throw an {@link AssertionError} to fail
     * @throws AssertionError naming the message and the value at fault
     */
    public static void verifyRobustness(
            IndustryPack pack,
            String alphabet,
            BiConsumer<String, Map<String, Object>> packChecks) {
        String id = pack.descriptor().id();
        List<QualificationField> schema = pack.qualificationSchema();
        List<String> asked = new ArrayList<>();
        asked.add(null);
        schema.forEach(f -> asked.add(f.key()));
        asked.add("unknown_key");
        Random random = new Random(ROBUSTNESS_SEED);
        for (int i = 0; i < ROBUSTNESS_ROUNDS; i++) {
            StringBuilder message = new StringBuilder();
            int length = random.nextInt(ROBUSTNESS_MAX_LENGTH);
            for (int j = 0; j < length; j++) {
                message.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = message.toString();
            String expected = asked.get(random.nextInt(asked.size()));
            String where = "pack " + id + ", message \"" + text + "\" (asked " + expected + ")";
            Map<String, Object> found;
            try {
                found =
                        pack.extract(new ExtractionRequest(text, Map.of(), expected, Map.of()))
                                .values();
            } catch (RuntimeException e) {
                throw new AssertionError(where + ": extract threw " + e, e);
            }
            found.forEach(
                    (key, value) -> {
                        QualificationField field =
                                schema.stream()
                                        .filter(f -> f.key().equals(key))
                                        .findFirst()
                                        .orElseThrow(
                                                () ->
                                                        new AssertionError(
                                                                where
                                                                        + ": extracted key "
                                                                        + key
                                                                        + " is not in the schema"));
                        try {
                            ActionValidator.coerce(field, value);
                        } catch (InvalidActionException e) {
                            throw new AssertionError(
                                    where
                                            + ": "
                                            + key
                                            + " = "
                                            + value
                                            + " does not fit: "
                                            + e.getMessage(),
                                    e);
                        }
                    });
            packChecks.accept(text, found);
        }
    }

    private static void requireText(String key, String what, String value) {
        if (value == null || value.isBlank()) {
            throw new AssertionError("field " + key + " has no " + what);
        }
    }
}
