package com.buildcrm.template;

import com.buildcrm.channel.TemplateCall;
import com.buildcrm.template.WhatsAppTemplate.Parameter;
import com.buildcrm.template.WhatsAppTemplate.Source;
import com.buildcrm.web.FieldError;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pure rules of WhatsApp templates (ADR 035), no database and no clock of their own: checking a
 * registration, choosing the template for a purpose, filling it in, and the customer-service
 * window.
 */
public final class TemplateRules {

    /** The purposes a template can be registered for. */
    public static final Pattern PURPOSE = Pattern.compile("followup(-[1-9])?|reopen");

    /** Meta's template names: lower-case letters, digits and underscores. */
    static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,512}");

    /** Meta's language codes: {@code ru}, {@code kk}, {@code en_US}, {@code zh_CN}… */
    static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(_[A-Za-z]{2,4})?");

    /** A body placeholder, {@code {{1}}}. */
    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(\\d+)\\s*}}");

    /** Meta's limit of a template body. */
    static final int MAX_BODY = 1024;

    /** Meta refuses a parameter with new lines, tabs or more than four spaces in a row. */
    private static final Pattern NOT_IN_PARAMETER = Pattern.compile("[\\n\\r\\t]+| {5,}");

    private TemplateRules() {}

    /**
     * Checks a whole registration: each purpose once; name, language and body as Meta takes them;
     * the placeholders numbered {@code {{1}}…{{n}}} without gaps and exactly one parameter per
     * placeholder. Empty when it is valid.
     */
    public static List<FieldError> check(List<WhatsAppTemplate> templates) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> purposes = new HashSet<>();
        for (int i = 0; i < templates.size(); i++) {
            WhatsAppTemplate t = templates.get(i);
            String at = "templates[" + i + "].";
            if (t.purpose() == null || !PURPOSE.matcher(t.purpose()).matches()) {
                errors.add(
                        new FieldError(
                                at + "purpose",
                                "one of followup, followup-1 … followup-9, reopen"));
            } else if (!purposes.add(t.purpose())) {
                errors.add(new FieldError(at + "purpose", "registered twice: " + t.purpose()));
            }
            if (t.name() == null || !NAME.matcher(t.name()).matches()) {
                errors.add(
                        new FieldError(
                                at + "name",
                                "the approved template name: lower-case letters, digits and _"));
            }
            if (t.language() == null || !LANGUAGE.matcher(t.language()).matches()) {
                errors.add(
                        new FieldError(
                                at + "language", "the approved language code, e.g. ru, kk, en_US"));
            }
            if (t.body() == null || t.body().isBlank() || t.body().length() > MAX_BODY) {
                errors.add(
                        new FieldError(
                                at + "body",
                                "the approved body text with its placeholders {{1}}…, 1–"
                                        + MAX_BODY
                                        + " characters"));
                continue;
            }
            TreeSet<Integer> numbers = placeholders(t.body());
            int n = numbers.isEmpty() ? 0 : numbers.last();
            if (numbers.size() != n || (n > 0 && numbers.first() != 1)) {
                errors.add(
                        new FieldError(
                                at + "body",
                                "placeholders must be numbered {{1}} to {{n}} without gaps, found "
                                        + numbers));
            } else if (t.parameters().size() != n) {
                errors.add(
                        new FieldError(
                                at + "parameters",
                                "the body declares "
                                        + n
                                        + " placeholder(s) but "
                                        + t.parameters().size()
                                        + " parameter(s) are given: one per placeholder, in order"));
            }
            for (int p = 0; p < t.parameters().size(); p++) {
                Parameter parameter = t.parameters().get(p);
                if (parameter.source() == Source.FOLLOWUP_TEXT && "reopen".equals(t.purpose())) {
                    errors.add(
                            new FieldError(
                                    at + "parameters[" + p + "].source",
                                    "followup_text fills follow-up templates only"));
                }
                if (parameter.fallback() != null
                        && NOT_IN_PARAMETER.matcher(parameter.fallback()).find()) {
                    errors.add(
                            new FieldError(
                                    at + "parameters[" + p + "].fallback",
                                    "no new lines, tabs or runs of more than four spaces"));
                }
            }
        }
        return errors;
    }

    /** The distinct placeholder numbers of a body. */
    static TreeSet<Integer> placeholders(String body) {
        TreeSet<Integer> numbers = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(body);
        while (m.find()) {
            try {
                numbers.add(Integer.parseInt(m.group(1)));
            } catch (NumberFormatException e) {
                numbers.add(Integer.MAX_VALUE);
            }
        }
        return numbers;
    }

    /** The template for follow-up step {@code step} (0-based): its own, else the general one. */
    public static Optional<WhatsAppTemplate> forFollowUp(
            List<WhatsAppTemplate> templates, int step) {
        String own = "followup-" + (step + 1);
        return templates.stream()
                .filter(t -> t.purpose().equals(own))
                .findFirst()
                .or(
                        () ->
                                templates.stream()
                                        .filter(t -> t.purpose().equals("followup"))
                                        .findFirst());
    }

    /** The template a manager sends from the CRM to re-open the conversation. */
    public static Optional<WhatsAppTemplate> forReopen(List<WhatsAppTemplate> templates) {
        return templates.stream().filter(t -> t.purpose().equals("reopen")).findFirst();
    }

    /** A template filled in, or why it cannot be. */
    public sealed interface Filling {}

    /**
     * @param call what the gateway sends
     * @param shown the body with the values in place, as the conversation shows it
     */
    public record Filled(TemplateCall call, String shown) implements Filling {}

    /**
     * @param reason for people (the lead's history)
     */
    public record Unfillable(String reason) implements Filling {}

    /**
     * Fills the template's placeholders from {@code values}; a blank value takes the parameter's
     * fallback, and without one the template cannot be sent. Values are made fit for Meta (no new
     * lines or tabs, no long runs of spaces).
     */
    public static Filling fill(WhatsAppTemplate template, Map<Source, String> values) {
        List<String> parameters = new ArrayList<>();
        for (int i = 0; i < template.parameters().size(); i++) {
            Parameter p = template.parameters().get(i);
            String value = clean(values.get(p.source()));
            if (value.isEmpty()) {
                value = clean(p.fallback());
            }
            if (value.isEmpty()) {
                return new Unfillable(
                        "{{"
                                + (i + 1)
                                + "}} ("
                                + p.source().api()
                                + ") has no value and no fallback");
            }
            parameters.add(value);
        }
        String shown = template.body();
        Matcher m = PLACEHOLDER.matcher(shown);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int n = Integer.parseInt(m.group(1));
            String value = n >= 1 && n <= parameters.size() ? parameters.get(n - 1) : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return new Filled(
                new TemplateCall(template.name(), template.language(), parameters), out.toString());
    }

    /** Values by source, for {@link #fill}. */
    public static Map<Source, String> values(
            String clientName, String company, String managerName, String followUpText) {
        Map<Source, String> values = new EnumMap<>(Source.class);
        put(values, Source.CLIENT_NAME, clientName);
        put(values, Source.COMPANY, company);
        put(values, Source.MANAGER_NAME, managerName == null ? company : managerName);
        put(values, Source.FOLLOWUP_TEXT, followUpText);
        return values;
    }

    private static void put(Map<Source, String> values, Source source, String value) {
        if (value != null) {
            values.put(source, value);
        }
    }

    private static String clean(String value) {
        if (value == null) {
            return "";
        }
        return NOT_IN_PARAMETER.matcher(value).replaceAll(" ").strip();
    }

    /** Where a lead stands with the channel's customer-service window. */
    public enum WindowState {
        /** The channel has no window (ChatFlow, the sandbox): free text always goes. */
        NONE,
        /** Within the window: free text goes. */
        OPEN,
        /** Past it (or the client never wrote): only a template goes. */
        CLOSED
    }

    /**
     * @param state open, closed, or no window on this channel
     * @param closesAt when an open window closes (null otherwise)
     */
    public record Window(WindowState state, Instant closesAt) {
        public boolean closed() {
            return state == WindowState.CLOSED;
        }
    }

    /**
     * The window at {@code now}: {@code length} after the client's last message (Meta: 24 h); a
     * client who never wrote has no open window.
     *
     * @param length the channel's window, empty when it has none
     * @param lastInbound when the client last wrote, or null
     */
    public static Window window(Optional<Duration> length, Instant lastInbound, Instant now) {
        if (length.isEmpty()) {
            return new Window(WindowState.NONE, null);
        }
        if (lastInbound == null) {
            return new Window(WindowState.CLOSED, null);
        }
        Instant closes = lastInbound.plus(length.get());
        return closes.isAfter(now)
                ? new Window(WindowState.OPEN, closes)
                : new Window(WindowState.CLOSED, null);
    }
}
