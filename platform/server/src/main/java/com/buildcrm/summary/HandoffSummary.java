package com.buildcrm.summary;

import java.util.List;

/**
 * What a person needs to know when they pick up a lead, as structured data (ADR 034): the client
 * renders labels and sentences through its own i18n, so the same summary reads in Russian and in
 * English. Every value comes from the lead's data; nothing here is invented.
 *
 * @param want what the client wants
 * @param fields the collected qualification fields, in the pack's asking order
 * @param open required fields still missing (the open questions), in asking order
 * @param nextStep the suggested next step
 * @param text the LLM's condensed wording of this summary in {@code textLocale}, or {@code null}
 *     (no LLM configured, not yet written, or rejected); never more facts than the rest
 * @param textLocale the language of {@code text} ({@code ru} or {@code en}), or {@code null}
 */
public record HandoffSummary(
        Want want,
        List<Fact> fields,
        List<OpenQuestion> open,
        NextStep nextStep,
        String text,
        String textLocale) {

    public HandoffSummary {
        fields = List.copyOf(fields);
        open = List.copyOf(open);
    }

    /** This summary with the LLM's wording. */
    public HandoffSummary withText(String text, String locale) {
        return new HandoffSummary(want, fields, open, nextStep, text, locale);
    }

    /**
     * What the client wants.
     *
     * @param topicRu the company's line of business (the pack's name), Russian
     * @param topicEn the same, English
     * @param need the client's need in their words (the {@code need} field), or {@code null}
     * @param callRequested the client asked for a call (the lead reached CALL_REQUESTED)
     * @param callTime when to call, in the client's words ({@code preferred_call_time}), or null
     * @param clientWords the client's latest text messages (up to three, oldest first, each
     *     shortened to {@value SummaryRules#MAX_QUOTE} characters)
     */
    public record Want(
            String topicRu,
            String topicEn,
            String need,
            boolean callRequested,
            String callTime,
            List<String> clientWords) {
        public Want {
            clientWords = List.copyOf(clientWords);
        }
    }

    /**
     * One collected field with the pack's labels.
     *
     * @param key the field key (for links and tests; never shown)
     * @param labelRu the pack's Russian label
     * @param labelEn the pack's English label
     * @param type TEXT, NUMBER, INTEGER or BOOLEAN: how the client formats {@code value}
     * @param value the value: a string, a number or a boolean
     * @param changed in the live view: the value differs from (or was missing in) the snapshot
     *     taken at the handoff; always false in the snapshot itself
     */
    public record Fact(
            String key,
            String labelRu,
            String labelEn,
            String type,
            Object value,
            boolean changed) {
        Fact asChanged(boolean c) {
            return new Fact(key, labelRu, labelEn, type, value, c);
        }
    }

    /**
     * A required field the AI has not collected yet.
     *
     * @param key the field key
     * @param labelRu the pack's Russian label
     * @param labelEn the pack's English label
     * @param questionRu how to ask it, Russian (the pack's question)
     * @param questionEn how to ask it, English
     */
    public record OpenQuestion(
            String key, String labelRu, String labelEn, String questionRu, String questionEn) {}

    /**
     * The suggested next step.
     *
     * @param kind a next-action kind of the planner (CLIENT_WAITING, CALL_DUE, TASK_DUE,
     *     HOT_UNASSIGNED, NO_ANSWER, STALE), or one of the summary's own: CALL (the client asked
     *     for a call), ASK (ask the open questions), OFFER (everything required is known: prepare
     *     the calculation or offer), DONE (the lead is won or lost)
     * @param reason the planner's sentence in the reader's language for a planner kind, else null
     * @param fieldKeys ASK: the open questions' keys to ask first (up to three), else empty
     */
    public record NextStep(String kind, String reason, List<String> fieldKeys) {
        public NextStep {
            fieldKeys = List.copyOf(fieldKeys);
        }
    }
}
