package com.buildcrm.brain;

import java.util.List;
import java.util.Objects;

/**
 * The result of applying a turn's validated actions to a lead.
 *
 * @param state the lead after the turn (fields, stage role, temperature, score, memory)
 * @param replies texts to send, in order
 * @param greetingSteps indexes of greeting-chain steps to send after the replies
 * @param events lead-history events, one per automatic change, each with its reason
 * @param handOff {@code true} when the AI handed the lead to a person (the AI stops)
 */
public record TurnOutcome(
        LeadState state,
        List<String> replies,
        List<Integer> greetingSteps,
        List<LeadEventDraft> events,
        boolean handOff) {
    public TurnOutcome {
        Objects.requireNonNull(state, "state");
        replies = List.copyOf(replies);
        greetingSteps = List.copyOf(greetingSteps);
        events = List.copyOf(events);
    }
}
