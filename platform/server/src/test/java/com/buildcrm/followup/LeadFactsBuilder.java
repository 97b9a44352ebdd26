package com.buildcrm.followup;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** A lead the AI is waiting on, with every cancellation off; tests switch on what they need. */
final class LeadFactsBuilder {

    private long leadId = 42;
    private boolean handledByHuman;
    private boolean needsHuman;
    private boolean aiEnabledTenant = true;
    private boolean aiEnabledLead = true;
    private String stageRole = "IN_PROGRESS";
    private boolean notInterested;
    private boolean clientWroteAfterArm;
    private String name;
    private final Set<String> sentTexts = new HashSet<>();
    private int sentInThisSilence;
    private Instant lastOutboundAt;

    static LeadFactsBuilder aLead() {
        return new LeadFactsBuilder();
    }

    LeadFactsBuilder id(long id) {
        leadId = id;
        return this;
    }

    LeadFactsBuilder takenOver() {
        handledByHuman = true;
        return this;
    }

    LeadFactsBuilder handedOff() {
        needsHuman = true;
        return this;
    }

    LeadFactsBuilder aiOffForTenant() {
        aiEnabledTenant = false;
        return this;
    }

    LeadFactsBuilder aiOffForLead() {
        aiEnabledLead = false;
        return this;
    }

    LeadFactsBuilder stage(String role) {
        stageRole = role;
        return this;
    }

    LeadFactsBuilder notInterested() {
        notInterested = true;
        return this;
    }

    LeadFactsBuilder replied() {
        clientWroteAfterArm = true;
        return this;
    }

    LeadFactsBuilder named(String clientName) {
        name = clientName;
        return this;
    }

    LeadFactsBuilder alreadySent(String... texts) {
        sentTexts.addAll(Set.of(texts));
        return this;
    }

    LeadFactsBuilder sentInThisSilence(int count) {
        sentInThisSilence = count;
        return this;
    }

    LeadFactsBuilder lastOutboundAt(Instant at) {
        lastOutboundAt = at;
        return this;
    }

    LeadFacts build() {
        return new LeadFacts(
                leadId,
                handledByHuman,
                needsHuman,
                aiEnabledTenant,
                aiEnabledLead,
                stageRole,
                notInterested,
                clientWroteAfterArm,
                name,
                sentTexts,
                sentInThisSilence,
                lastOutboundAt);
    }
}
