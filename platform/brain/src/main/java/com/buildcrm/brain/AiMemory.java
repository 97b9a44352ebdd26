package com.buildcrm.brain;

import java.util.Objects;
import java.util.Set;

/**
 * What the AI manager remembers about one lead between turns (stored with the lead as JSON).
 *
 * @param askedField the field key the AI asked for last, or {@code null}
 * @param callWanted the client asked for (or hinted at) a call
 * @param priceAsks how many times the client asked about the price
 * @param callOffered the AI has offered a call
 * @param adviceGiven keys of pack advice already given
 * @param notInterested the client said they are not interested
 * @param clientTurns number of client bursts answered so far
 * @param askedAgain keys asked a second time in other words after an unclear answer; such a key is
 *     not asked a third time (the specialist clarifies it on the call)
 */
public record AiMemory(
        String askedField,
        boolean callWanted,
        int priceAsks,
        boolean callOffered,
        Set<String> adviceGiven,
        boolean notInterested,
        int clientTurns,
        Set<String> askedAgain) {
    public AiMemory {
        adviceGiven = Set.copyOf(Objects.requireNonNullElse(adviceGiven, Set.of()));
        askedAgain = Set.copyOf(Objects.requireNonNullElse(askedAgain, Set.of()));
    }

    /** A memory with no key asked again yet. */
    public AiMemory(
            String askedField,
            boolean callWanted,
            int priceAsks,
            boolean callOffered,
            Set<String> adviceGiven,
            boolean notInterested,
            int clientTurns) {
        this(
                askedField,
                callWanted,
                priceAsks,
                callOffered,
                adviceGiven,
                notInterested,
                clientTurns,
                Set.of());
    }

    /** The memory of a lead the AI has not talked to yet. */
    public static AiMemory fresh() {
        return new AiMemory(null, false, 0, false, Set.of(), false, 0, Set.of());
    }
}
