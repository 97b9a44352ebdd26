package com.buildcrm.followup;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What {@link FollowUpPlanner#decide} needs to know about a lead when a step falls due, read by the
 * caller in the same transaction that sends.
 *
 * @param leadId the lead's id; seeds the deterministic jitter
 * @param handledByHuman a manager took the dialogue over
 * @param needsHuman the AI handed the lead off to a person
 * @param aiEnabledTenant the AI manager is on for the tenant
 * @param aiEnabledLead the AI manager is on for this lead
 * @param stageRole the stage's system role ({@code NEW} … {@code WON}, {@code LOST}) or {@code
 *     null} for a custom stage
 * @param notInterested the client said they are not interested
 * @param clientWroteAfterArm an inbound message arrived after the sequence was armed
 * @param name the client's name, or {@code null} when unknown
 * @param sentTexts texts already sent to this lead (any silence); compared normalised
 * @param sentInThisSilence follow-ups already sent since the sequence was armed
 * @param lastOutboundAt the last outbound message of any kind to this lead, or {@code null}
 */
public record LeadFacts(
        long leadId,
        boolean handledByHuman,
        boolean needsHuman,
        boolean aiEnabledTenant,
        boolean aiEnabledLead,
        String stageRole,
        boolean notInterested,
        boolean clientWroteAfterArm,
        String name,
        Set<String> sentTexts,
        int sentInThisSilence,
        Instant lastOutboundAt) {

    public LeadFacts {
        sentTexts =
                sentTexts == null
                        ? Set.of()
                        : sentTexts.stream()
                                .filter(Objects::nonNull)
                                .collect(Collectors.toUnmodifiableSet());
    }

    /** Whether the lead sits in a closed stage (WON or LOST). */
    public boolean inClosedStage() {
        return stageRole != null
                && ("WON".equalsIgnoreCase(stageRole.trim())
                        || "LOST".equalsIgnoreCase(stageRole.trim()));
    }
}
