package com.buildcrm.followup;

import com.buildcrm.plugin.api.FollowUpText;
import com.buildcrm.web.FieldError;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A tenant's follow-up policy (brief §7, DESIGN §6): ordered steps, quiet hours, a cap per silence,
 * a minimum spacing between outbound messages and the jitter that spreads morning sends.
 *
 * <p>Plain types only, so JSON-B maps it as is: ints, Strings and two {@link LocalTime}s (JSON-B
 * writes them as ISO {@code "21:00:00"} and reads {@code "21:00"} too). {@link #quietFromText()},
 * {@link #quietToText()} and {@link #parseTime(String)} give the {@code "HH:mm"} form for JSON-P.
 *
 * <p>The constructor never rejects values (null steps become an empty list, null times the
 * defaults) so an operator's bad input can be reported field by field with {@link #validate()}.
 *
 * @param steps in order; each delay counts minutes of silence from the moment the sequence was
 *     armed (the bot's last message), so they are cumulative: +15, +45 …
 * @param quietFrom local time in the tenant's zone when quiet hours start (may wrap midnight)
 * @param quietTo local time when they end; equal to {@code quietFrom} means no quiet hours
 * @param capPerSilence most follow-ups sent between two client messages
 * @param minSpacingMinutes least minutes between any outbound message and a follow-up
 * @param jitterMinutes a send moved to the end of quiet hours is spread over {@code [0, jitter)}
 */
public record FollowUpPolicy(
        List<Step> steps,
        LocalTime quietFrom,
        LocalTime quietTo,
        int capPerSilence,
        int minSpacingMinutes,
        int jitterMinutes) {

    public static final int MAX_STEPS = 10;
    public static final int MAX_DELAY_MINUTES = 10_080;
    public static final int MAX_TEXT_LENGTH = 1000;
    public static final int MAX_SPACING_MINUTES = 1440;
    public static final int MAX_JITTER_MINUTES = 120;

    public static final LocalTime DEFAULT_QUIET_FROM = LocalTime.of(21, 0);
    public static final LocalTime DEFAULT_QUIET_TO = LocalTime.of(9, 0);
    public static final int DEFAULT_MIN_SPACING_MINUTES = 10;
    public static final int DEFAULT_JITTER_MINUTES = 20;

    /** The steps used when the pack offers none (brief §7). */
    public static final List<Step> BUILT_IN_STEPS =
            List.of(
                    new Step(15, "Подскажите, актуально?"),
                    new Step(45, "Когда удобно созвониться?"));

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    /**
     * One step of the sequence.
     *
     * @param delayMinutes minutes after arming (cumulative, not after the previous step)
     * @param text the message; {@code {name}} becomes the client's name or is dropped
     */
    public record Step(int delayMinutes, String text) {}

    public FollowUpPolicy {
        steps = steps == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(steps));
        quietFrom = quietFrom == null ? DEFAULT_QUIET_FROM : quietFrom;
        quietTo = quietTo == null ? DEFAULT_QUIET_TO : quietTo;
    }

    /**
     * The policy a tenant has until the operator sets one: the pack's texts (the first {@value
     * #MAX_STEPS}), or {@link #BUILT_IN_STEPS} when the pack gives none; quiet 21:00–09:00, cap =
     * number of steps, spacing 10 min, jitter 20 min.
     */
    public static FollowUpPolicy defaults(List<FollowUpText> packTexts) {
        List<Step> steps = new ArrayList<>();
        if (packTexts != null) {
            for (FollowUpText text : packTexts) {
                if (text != null && steps.size() < MAX_STEPS) {
                    steps.add(new Step(text.delayMinutes(), text.text()));
                }
            }
        }
        if (steps.isEmpty()) {
            steps.addAll(BUILT_IN_STEPS);
        }
        return new FollowUpPolicy(
                steps,
                DEFAULT_QUIET_FROM,
                DEFAULT_QUIET_TO,
                steps.size(),
                DEFAULT_MIN_SPACING_MINUTES,
                DEFAULT_JITTER_MINUTES);
    }

    /** The quiet window of this policy. */
    public QuietHours quietHours() {
        return new QuietHours(quietFrom, quietTo);
    }

    /** {@link #quietFrom} as {@code "HH:mm"}. */
    public String quietFromText() {
        return quietFrom.format(HH_MM);
    }

    /** {@link #quietTo} as {@code "HH:mm"}. */
    public String quietToText() {
        return quietTo.format(HH_MM);
    }

    /**
     * A local time from {@code "HH:mm"} (or {@code "HH:mm:ss"}).
     *
     * @throws DateTimeParseException when the text is not a time
     */
    public static LocalTime parseTime(String text) {
        return LocalTime.parse(text.trim());
    }

    /** Every invalid field, with paths such as {@code steps[1].delayMinutes}; empty when valid. */
    public List<FieldError> validate() {
        List<FieldError> errors = new ArrayList<>();
        if (steps.isEmpty()) {
            errors.add(new FieldError("steps", "at least one step"));
        } else if (steps.size() > MAX_STEPS) {
            errors.add(new FieldError("steps", "at most " + MAX_STEPS + " steps"));
        }
        Set<String> seenTexts = new HashSet<>();
        int previousDelay = 0;
        for (int i = 0; i < steps.size(); i++) {
            String at = "steps[" + i + "]";
            Step step = steps.get(i);
            if (step == null) {
                errors.add(new FieldError(at, "a step is required"));
                continue;
            }
            int delay = step.delayMinutes();
            if (delay < 1 || delay > MAX_DELAY_MINUTES) {
                errors.add(
                        new FieldError(
                                at + ".delayMinutes",
                                "between 1 and " + MAX_DELAY_MINUTES + " minutes"));
            } else if (delay <= previousDelay) {
                errors.add(
                        new FieldError(
                                at + ".delayMinutes",
                                "must be later than the previous step ("
                                        + previousDelay
                                        + " min)"));
            }
            previousDelay = Math.max(previousDelay, delay);
            String text = step.text();
            if (text == null || text.isBlank()) {
                errors.add(new FieldError(at + ".text", "a text is required"));
            } else if (text.length() > MAX_TEXT_LENGTH) {
                errors.add(
                        new FieldError(at + ".text", "at most " + MAX_TEXT_LENGTH + " characters"));
            } else if (FollowUpPlanner.render(text, null).isBlank()) {
                errors.add(new FieldError(at + ".text", "a text needs words besides {name}"));
            } else if (!seenTexts.add(FollowUpPlanner.normalise(text))) {
                errors.add(new FieldError(at + ".text", "the same text as an earlier step"));
            }
        }
        if (capPerSilence < 1 || capPerSilence > MAX_STEPS) {
            errors.add(new FieldError("capPerSilence", "between 1 and " + MAX_STEPS));
        }
        if (minSpacingMinutes < 0 || minSpacingMinutes > MAX_SPACING_MINUTES) {
            errors.add(
                    new FieldError(
                            "minSpacingMinutes",
                            "between 0 and " + MAX_SPACING_MINUTES + " minutes"));
        }
        if (jitterMinutes < 0 || jitterMinutes > MAX_JITTER_MINUTES) {
            errors.add(
                    new FieldError(
                            "jitterMinutes", "between 0 and " + MAX_JITTER_MINUTES + " minutes"));
        }
        return errors;
    }
}
