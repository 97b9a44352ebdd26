package com.buildcrm.template;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An approved WhatsApp message template as the operator registered it for one purpose (ADR 035).
 *
 * @param purpose {@code followup} (any follow-up step), {@code followup-N} (step N, 1-based; wins
 *     over {@code followup}) or {@code reopen} (what a manager sends from the CRM)
 * @param name the name approved in WhatsApp Manager, e.g. {@code follow_up_1}
 * @param language the approved language code, e.g. {@code ru}, {@code kk}, {@code en_US}
 * @param body the approved body text with its placeholders {@code {{1}}…{{n}}}
 * @param parameters what fills each placeholder, in order
 */
public record WhatsAppTemplate(
        String purpose, String name, String language, String body, List<Parameter> parameters) {

    public WhatsAppTemplate {
        Objects.requireNonNull(purpose, "purpose");
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
    }

    /** Where a placeholder's value comes from. */
    public enum Source {
        /** The client's name as the lead has it. */
        CLIENT_NAME,
        /** The company's name. */
        COMPANY,
        /** The person writing (CRM), or the lead's manager (follow-ups); else the company. */
        MANAGER_NAME,
        /** The follow-up step's own text (follow-ups only). */
        FOLLOWUP_TEXT;

        /** As the API writes it: {@code client_name}. */
        public String api() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The source of an API name, or null. */
        public static Source ofApi(String value) {
            for (Source s : values()) {
                if (s.api().equals(value)) {
                    return s;
                }
            }
            return null;
        }
    }

    /**
     * @param source where the value comes from
     * @param fallback sent when the source has no value (e.g. the client's name is unknown); null
     *     or blank: then the message cannot be sent (a follow-up is skipped with that reason)
     */
    public record Parameter(Source source, String fallback) {
        public Parameter {
            Objects.requireNonNull(source, "source");
        }
    }
}
