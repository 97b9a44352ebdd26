package com.buildcrm.plugin.api.text;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One number found by {@link RussianNumbers#matches(String)} in a prepared text.
 *
 * @param value the value, with any multiplier applied ({@code "5 млн"} → 5000000)
 * @param start index of the first character in the prepared text
 * @param end index after the last character in the prepared text (multiplier words included)
 * @param words {@code true} when the number was written in words ({@code "двенадцать"})
 * @param scaled {@code true} when a multiplier ({@code тыс}, {@code млн}, {@code миллиард}…) was
 *     applied — a sign of money rather than a size
 */
public record NumberMatch(BigDecimal value, int start, int end, boolean words, boolean scaled) {
    public NumberMatch {
        Objects.requireNonNull(value, "value");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad range " + start + ".." + end);
        }
    }
}
