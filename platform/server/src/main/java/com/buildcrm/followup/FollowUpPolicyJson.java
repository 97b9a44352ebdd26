package com.buildcrm.followup;

import com.buildcrm.followup.FollowUpPolicy.Step;
import com.buildcrm.json.Jsonp;
import com.buildcrm.web.FieldError;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A {@link FollowUpPolicy} as JSON-P, for the settings API and the tenant's settings row:
 *
 * <pre>{@code
 * {"steps": [{"delayMinutes": 15, "text": "Подскажите, актуально?"}, …],
 *  "quietFrom": "21:00", "quietTo": "09:00",
 *  "capPerSilence": 2, "minSpacingMinutes": 10, "jitterMinutes": 20}
 * }</pre>
 */
public final class FollowUpPolicyJson {

    private FollowUpPolicyJson() {}

    /**
     * The policy read from JSON with every problem found, or the errors alone.
     *
     * @param policy what could be read (absent fields from the fallback), even when invalid
     * @param errors wrong JSON types first, then {@link FollowUpPolicy#validate()}; empty when
     *     valid
     */
    public record Parsed(FollowUpPolicy policy, List<FieldError> errors) {
        public Parsed {
            errors = List.copyOf(errors);
        }

        public boolean isValid() {
            return errors.isEmpty();
        }
    }

    /** The policy as a JSON object, times as {@code "HH:mm"}. */
    public static JsonObject toJson(FollowUpPolicy policy) {
        JsonArrayBuilder steps = Jsonp.createArrayBuilder();
        for (Step step : policy.steps()) {
            steps.add(
                    Jsonp.createObjectBuilder()
                            .add("delayMinutes", step.delayMinutes())
                            .add("text", step.text() == null ? "" : step.text()));
        }
        return Jsonp.createObjectBuilder()
                .add("steps", steps)
                .add("quietFrom", policy.quietFromText())
                .add("quietTo", policy.quietToText())
                .add("capPerSilence", policy.capPerSilence())
                .add("minSpacingMinutes", policy.minSpacingMinutes())
                .add("jitterMinutes", policy.jitterMinutes())
                .build();
    }

    /**
     * Reads a policy; a field that is absent (or {@code null}) keeps the fallback's value, so an
     * operator may send only what they change.
     */
    public static Parsed fromJson(JsonObject json, FollowUpPolicy fallback) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(fallback, "fallback");
        List<FieldError> errors = new ArrayList<>();
        List<Step> steps = readSteps(json, fallback.steps(), errors);
        FollowUpPolicy policy =
                new FollowUpPolicy(
                        steps,
                        readTime(json, "quietFrom", fallback.quietFrom(), errors),
                        readTime(json, "quietTo", fallback.quietTo(), errors),
                        readInt(json, "capPerSilence", fallback.capPerSilence(), errors),
                        readInt(json, "minSpacingMinutes", fallback.minSpacingMinutes(), errors),
                        readInt(json, "jitterMinutes", fallback.jitterMinutes(), errors));
        Set<String> mistyped = new HashSet<>();
        errors.forEach(e -> mistyped.add(e.field()));
        for (FieldError error : policy.validate()) {
            if (!mistyped.contains(error.field())) {
                errors.add(error);
            }
        }
        return new Parsed(policy, errors);
    }

    private static List<Step> readSteps(
            JsonObject json, List<Step> fallback, List<FieldError> errors) {
        JsonValue value = json.get("steps");
        if (absent(value)) {
            return fallback;
        }
        if (!(value instanceof JsonArray array)) {
            errors.add(new FieldError("steps", "an array of steps"));
            return fallback;
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String at = "steps[" + i + "]";
            if (!(array.get(i) instanceof JsonObject step)) {
                errors.add(new FieldError(at, "an object with delayMinutes and text"));
                steps.add(null);
                continue;
            }
            int delay = readInt(step, "delayMinutes", 0, errors, at + ".");
            String text = null;
            JsonValue textValue = step.get("text");
            if (textValue instanceof JsonString string) {
                text = string.getString();
            } else if (!absent(textValue)) {
                errors.add(new FieldError(at + ".text", "a string"));
            }
            steps.add(new Step(delay, text));
        }
        return steps;
    }

    private static int readInt(
            JsonObject json, String field, int fallback, List<FieldError> errors) {
        return readInt(json, field, fallback, errors, "");
    }

    private static int readInt(
            JsonObject json, String field, int fallback, List<FieldError> errors, String prefix) {
        JsonValue value = json.get(field);
        if (absent(value)) {
            return fallback;
        }
        if (value instanceof JsonNumber number && number.isIntegral()) {
            try {
                return number.intValueExact();
            } catch (ArithmeticException tooBig) {
                errors.add(new FieldError(prefix + field, "a whole number that is far too big"));
                return fallback;
            }
        }
        errors.add(new FieldError(prefix + field, "a whole number"));
        return fallback;
    }

    private static LocalTime readTime(
            JsonObject json, String field, LocalTime fallback, List<FieldError> errors) {
        JsonValue value = json.get(field);
        if (absent(value)) {
            return fallback;
        }
        if (value instanceof JsonString string) {
            try {
                return FollowUpPolicy.parseTime(string.getString());
            } catch (DateTimeParseException notATime) {
                // reported below
            }
        }
        errors.add(new FieldError(field, "a time as HH:mm"));
        return fallback;
    }

    private static boolean absent(JsonValue value) {
        return value == null || value.getValueType() == JsonValue.ValueType.NULL;
    }
}
