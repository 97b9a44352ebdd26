package com.buildcrm.template;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Request and response shapes of the template routes (ADR 035). */
public final class TemplateApi {

    private TemplateApi() {}

    /** Request classes use annotated fields: see {@code AuthRequests} for why not records. */
    public static final class TemplatesRequest {
        /** The whole registration: it replaces what was there. */
        @NotNull
        @Size(max = 11)
        @Valid
        public List<TemplateEntry> templates;
    }

    public static final class TemplateEntry {
        /** {@code followup}, {@code followup-1} … {@code followup-9}, or {@code reopen}. */
        @Size(max = 20)
        public String purpose;

        /** The name approved in WhatsApp Manager, e.g. {@code follow_up_1}. */
        @Size(max = 512)
        public String name;

        /** The approved language code, e.g. {@code ru}. */
        @Size(max = 15)
        public String language;

        /** The approved body with its placeholders {@code {{1}}…{{n}}}. */
        @Size(max = 1024)
        public String body;

        /** One per placeholder, in order. */
        @Size(max = 20)
        @Valid
        public List<ParameterEntry> parameters;
    }

    public static final class ParameterEntry {
        /** {@code client_name}, {@code company}, {@code manager_name} or {@code followup_text}. */
        @Size(max = 20)
        public String source;

        /** Sent when the source has no value; optional. */
        @Size(max = 200)
        public String fallback;
    }

    /**
     * @param provider the tenant's channel provider, null without a channel
     * @param applies templates are used on this channel (Meta's Cloud API has the 24-hour window)
     * @param templates the registration
     * @param purposes what a template can be registered for
     * @param sources what can fill a placeholder
     */
    public record TemplatesView(
            String provider,
            boolean applies,
            List<TemplateView> templates,
            List<String> purposes,
            List<String> sources) {}

    public record TemplateView(
            String purpose,
            String name,
            String language,
            String body,
            List<ParameterView> parameters) {}

    public record ParameterView(String source, String fallback) {}

    /**
     * Where a lead stands with WhatsApp's customer-service window (CRM).
     *
     * @param state {@code NONE} (no window on this channel), {@code OPEN} or {@code CLOSED}
     * @param closesAt when an open window closes
     * @param freeText a free text can be sent now
     * @param template the template a manager can send instead (purpose {@code reopen}), null when
     *     none is registered
     */
    public record WindowView(
            String state,
            java.time.OffsetDateTime closesAt,
            boolean freeText,
            ReopenView template) {}

    /**
     * @param name the approved template's name
     * @param language its language
     * @param preview the text the client would get, values filled in; null when a value is missing
     * @param missing why it cannot be filled in, null when it can
     */
    public record ReopenView(String name, String language, String preview, String missing) {}
}
