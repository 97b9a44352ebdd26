package com.buildcrm.nextaction;

import java.time.Instant;
import java.util.List;

/**
 * Everything the planner looks at for one lead, read in bulk by its callers.
 *
 * @param score 0–100
 * @param hot whether the lead's temperature is HOT
 * @param finalStage whether the lead's stage is WON or LOST (nothing to do)
 * @param callRequested whether the lead is in the CALL_REQUESTED stage
 * @param needsHuman the AI asked for a person
 * @param humanLed a person handles the lead (handled_by = HUMAN)
 * @param assigneeId the assigned user, or {@code null}
 * @param lastClientMessageAt the client's newest message, or {@code null}
 * @param lastOutboundAt the newest message to the client (AI or person), or {@code null}
 * @param lastActivityAt the newest message or event of any kind (the "stale" clock)
 * @param followUpsExhausted the follow-ups ran out and the client did not answer (no_reply)
 * @param decidedSinceExhausted a person did something after the follow-ups ran out
 * @param openTasks the lead's open tasks
 * @param snoozedUntil the lead's next action is snoozed until then, or {@code null}
 */
public record LeadSituation(
        long leadId,
        int score,
        boolean hot,
        boolean finalStage,
        boolean callRequested,
        boolean needsHuman,
        boolean humanLed,
        Long assigneeId,
        Instant lastClientMessageAt,
        Instant lastOutboundAt,
        Instant lastActivityAt,
        boolean followUpsExhausted,
        boolean decidedSinceExhausted,
        List<OpenTask> openTasks,
        Instant snoozedUntil) {

    public LeadSituation {
        openTasks = List.copyOf(openTasks);
    }
}
