package com.buildcrm.brain;

import com.buildcrm.plugin.api.QualificationField;
import com.buildcrm.plugin.api.text.TextNormalizer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a brain's proposed actions against the pack's field schema before anything is applied, and
 * normalises values to the schema types. A brain's output is never trusted: one bad action rejects
 * the whole turn (the server then falls back to {@link RuleBrain}).
 */
public final class ActionValidator {

    /** Longest reply text, in characters. */
    public static final int MAX_REPLY_CHARS = 4096;

    /** Longest TEXT field value, in characters (a field's {@code max} may lower it). */
    public static final int MAX_TEXT_CHARS = 500;

    /** Most replies one turn may send. */
    public static final int MAX_REPLIES = 5;

    private static final Set<String> YES =
            Set.of("да", "true", "yes", "y", "1", "иа", "ия", "ие", "есть", "конечно", "ага");
    private static final Set<String> NO = Set.of("нет", "false", "no", "n", "0", "жок", "неа");

    private ActionValidator() {}

    /**
     * Validates and normalises {@code actions}.
     *
     * @param actions what the brain proposed, in order
     * @param schema the pack's qualification fields
     * @param greetingStepCount how many steps the tenant's greeting chain has
     * @return the actions in the same order, with SaveFields values coerced to the schema types,
     *     texts trimmed
     * @throws InvalidActionException naming the first offending action
     */
    public static List<Action> validate(
            List<Action> actions, List<QualificationField> schema, int greetingStepCount) {
        if (actions == null) {
            throw new InvalidActionException("actions must not be null");
        }
        Map<String, QualificationField> fields = new LinkedHashMap<>();
        for (QualificationField f : schema) {
            fields.put(f.key(), f);
        }
        List<Action> out = new ArrayList<>(actions.size());
        int replies = 0;
        for (int i = 0; i < actions.size(); i++) {
            Action a = actions.get(i);
            if (a == null) {
                throw new InvalidActionException("action #" + i + " is null");
            }
            if (a instanceof Action.Reply r) {
                String text = r.text().strip();
                if (text.isEmpty()) {
                    throw new InvalidActionException("reply #" + i + " is blank");
                }
                if (text.length() > MAX_REPLY_CHARS) {
                    throw new InvalidActionException(
                            "reply #"
                                    + i
                                    + " has "
                                    + text.length()
                                    + " characters, more than "
                                    + MAX_REPLY_CHARS);
                }
                if (++replies > MAX_REPLIES) {
                    throw new InvalidActionException(
                            "more than " + MAX_REPLIES + " replies in one turn");
                }
                out.add(new Action.Reply(text));
            } else if (a instanceof Action.SaveFields s) {
                Map<String, Object> values = new LinkedHashMap<>();
                for (Map.Entry<String, Object> e : s.values().entrySet()) {
                    QualificationField f = fields.get(e.getKey());
                    if (f == null) {
                        throw new InvalidActionException(
                                "unknown field '" + e.getKey() + "' (not in the pack schema)");
                    }
                    values.put(e.getKey(), coerce(f, e.getValue()));
                }
                out.add(new Action.SaveFields(values));
            } else if (a instanceof Action.RequestCall c) {
                out.add(
                        new Action.RequestCall(
                                optionalText("name", c.name()),
                                optionalText("preferredTime", c.preferredTime())));
            } else if (a instanceof Action.SendGreetingStep g) {
                if (g.index() < 0 || g.index() >= greetingStepCount) {
                    throw new InvalidActionException(
                            "greeting step "
                                    + g.index()
                                    + " out of range (the chain has "
                                    + greetingStepCount
                                    + " steps)");
                }
                out.add(g);
            } else if (a instanceof Action.AskedField k) {
                if (k.key() == null || !fields.containsKey(k.key())) {
                    throw new InvalidActionException(
                            "asked field '" + k.key() + "' is not in the pack schema");
                }
                out.add(k);
            } else if (a instanceof Action.AskedAgain k) {
                if (k.key() == null || !fields.containsKey(k.key())) {
                    throw new InvalidActionException(
                            "asked-again field '" + k.key() + "' is not in the pack schema");
                }
                out.add(k);
            } else if (a instanceof Action.AdviceGiven g) {
                if (g.key() == null || g.key().isBlank()) {
                    throw new InvalidActionException("advice key is blank");
                }
                out.add(g);
            } else {
                out.add(a);
            }
        }
        return List.copyOf(out);
    }

    /**
     * Coerces one value to the field's type and checks its range.
     *
     * @return a {@link String} (TEXT), {@link BigDecimal} (NUMBER), {@link Long} (INTEGER) or
     *     {@link Boolean} (BOOLEAN)
     * @throws InvalidActionException when the value cannot be coerced or is out of range
     */
    public static Object coerce(QualificationField field, Object value) {
        if (value == null) {
            throw new InvalidActionException("field '" + field.key() + "' has no value");
        }
        return switch (field.type()) {
            case TEXT -> text(field, value);
            case NUMBER -> inRange(field, number(field, value));
            case INTEGER -> inRange(field, integer(field, value)).longValueExact();
            case BOOLEAN -> bool(field, value);
        };
    }

    private static String text(QualificationField field, Object value) {
        if (!(value instanceof String) && !(value instanceof Number)) {
            throw bad(field, value, "text");
        }
        String s = value.toString().strip();
        if (s.isEmpty()) {
            throw new InvalidActionException("field '" + field.key() + "' is blank");
        }
        int limit = MAX_TEXT_CHARS;
        if (field.max() != null && field.max().signum() > 0) {
            limit = Math.min(limit, field.max().intValue());
        }
        if (s.length() > limit) {
            throw new InvalidActionException(
                    "field '" + field.key() + "' is longer than " + limit + " characters");
        }
        return s;
    }

    private static BigDecimal number(QualificationField field, Object value) {
        BigDecimal d;
        if (value instanceof BigDecimal b) {
            d = b;
        } else if (value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof Byte) {
            d = BigDecimal.valueOf(((Number) value).longValue());
        } else if (value instanceof BigInteger bi) {
            d = new BigDecimal(bi);
        } else if (value instanceof Double || value instanceof Float) {
            double v = ((Number) value).doubleValue();
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                throw bad(field, value, "number");
            }
            d = new BigDecimal(Double.toString(v));
        } else if (value instanceof String s) {
            String t = s.replace("\u00a0", "").replace(" ", "").replace(',', '.');
            if (!t.matches("[-+]?\\d+(\\.\\d+)?|[-+]?\\.\\d+")) {
                throw bad(field, value, "number");
            }
            d = new BigDecimal(t);
        } else {
            throw bad(field, value, "number");
        }
        d = d.stripTrailingZeros();
        if (d.scale() < 0) {
            d = d.setScale(0);
        }
        return d;
    }

    private static BigDecimal integer(QualificationField field, Object value) {
        BigDecimal d = number(field, value);
        if (d.scale() > 0) {
            throw bad(field, value, "whole number");
        }
        if (d.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw bad(field, value, "whole number");
        }
        return d;
    }

    private static BigDecimal inRange(QualificationField field, BigDecimal d) {
        if (field.min() != null && d.compareTo(field.min()) < 0) {
            throw new InvalidActionException(
                    "field '"
                            + field.key()
                            + "' = "
                            + d.toPlainString()
                            + " is below the minimum "
                            + field.min().toPlainString());
        }
        if (field.max() != null && d.compareTo(field.max()) > 0) {
            throw new InvalidActionException(
                    "field '"
                            + field.key()
                            + "' = "
                            + d.toPlainString()
                            + " is above the maximum "
                            + field.max().toPlainString());
        }
        return d;
    }

    private static Boolean bool(QualificationField field, Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s) {
            String n = TextNormalizer.normalize(s).replaceAll("[.,-]", "").strip();
            if (YES.contains(n)) {
                return Boolean.TRUE;
            }
            if (NO.contains(n)) {
                return Boolean.FALSE;
            }
        }
        throw bad(field, value, "yes/no");
    }

    private static String optionalText(String what, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String s = value.strip();
        if (s.length() > MAX_TEXT_CHARS) {
            throw new InvalidActionException(
                    "call request " + what + " is longer than " + MAX_TEXT_CHARS + " characters");
        }
        return s;
    }

    private static InvalidActionException bad(QualificationField field, Object value, String what) {
        String shown = String.valueOf(value);
        if (shown.length() > 60) {
            shown = shown.substring(0, 60) + "…";
        }
        return new InvalidActionException(
                "field '"
                        + field.key()
                        + "' expects a "
                        + what
                        + " ("
                        + field.type()
                        + "), got '"
                        + shown
                        + "'");
    }
}
