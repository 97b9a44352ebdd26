package com.buildcrm.nextaction;

import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/** SKELETON: the rules land with issue 14's planner work; the signature is the contract. */
public final class NextActionPlanner {

    /** Ranking of the Now queue: urgency (higher first), then score, then the earlier due. */
    public static final Comparator<Ranked> RANKING =
            Comparator.comparingInt((Ranked r) -> -r.action().urgency())
                    .thenComparingInt(r -> -r.score())
                    .thenComparing(
                            r -> r.action().dueAt(),
                            Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparingLong(Ranked::leadId);

    private NextActionPlanner() {}

    /** The lead's next action at {@code now}, if any. */
    public static Optional<NextAction> plan(
            LeadSituation lead, Instant now, PlannerSettings settings) {
        return Optional.empty();
    }

    /** A lead's next action with what ranks it. */
    public record Ranked(long leadId, int score, NextAction action) {}
}
