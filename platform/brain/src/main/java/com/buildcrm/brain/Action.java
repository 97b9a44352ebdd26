package com.buildcrm.brain;

import java.util.Map;
import java.util.Objects;

/**
 * What a brain may do in a turn (DESIGN §5). A brain never writes anything itself: the core
 * validates its actions ({@link ActionValidator}) and applies them ({@link TurnEngine}).
 */
public sealed interface Action {

    /** Send a text to the client. */
    record Reply(String text) implements Action {
        public Reply {
            Objects.requireNonNull(text, "text");
        }
    }

    /** Save qualification values (keys from the pack schema; values as in {@code Extraction}). */
    record SaveFields(Map<String, Object> values) implements Action {
        public SaveFields {
            values = Map.copyOf(values);
        }
    }

    /**
     * The client wants a call. Name and time are what is known so far ({@code null} when not yet
     * known).
     */
    record RequestCall(String name, String preferredTime) implements Action {}

    /** Set the lead's temperature (HOT is accepted only when the pipeline rules allow it). */
    record SetTemperature(Temperature temperature, String reason) implements Action {
        public SetTemperature {
            Objects.requireNonNull(temperature, "temperature");
        }
    }

    /** The client said they are not interested: cool the lead (never LOST). */
    record NotInterested(String reason) implements Action {}

    /** Hand the conversation to a person; the AI stops on this lead. */
    record HandOff(String reason) implements Action {}

    /** Send step {@code index} (0-based) of the tenant's greeting chain again (e.g. the album). */
    record SendGreetingStep(int index) implements Action {}

    /** Remember which field the reply asks for, so a bare answer ("12", "да") is understood. */
    record AskedField(String key) implements Action {}

    /** The price was asked (counted, so insisting leads to a call request). */
    record PriceAsked() implements Action {}

    /**
     * The reply offers the client a call (remembered: a following "да" means the client wants the
     * call, and asking the price again after an offer counts as insisting).
     */
    record OfferCall() implements Action {}

    /** Pack advice was woven into the reply (remembered, so it is given once). */
    record AdviceGiven(String key) implements Action {}

    /**
     * The reply answers the client's question from a knowledge-base entry (ADR 032); recorded in
     * the lead's history with the answer sent.
     *
     * @param entryId the entry's id
     * @param title the entry's title
     * @param question the client's question
     * @param answer the answer text as sent (a passage of the entry)
     */
    record KnowledgeAnswered(String entryId, String title, String question, String answer)
            implements Action {
        public KnowledgeAnswered {
            Objects.requireNonNull(entryId, "entryId");
            Objects.requireNonNull(question, "question");
        }
    }

    /**
     * The client asked something no knowledge-base entry answers confidently: the reply says a
     * specialist will answer on the call (nothing invented).
     */
    record KnowledgeDeclined(String question) implements Action {
        public KnowledgeDeclined {
            Objects.requireNonNull(question, "question");
        }
    }

    /**
     * The reply asks for {@code key} again in other words, because the client's answer fitted a
     * different question (remembered: a second unclear answer moves the dialogue on).
     */
    record AskedAgain(String key) implements Action {}
}
