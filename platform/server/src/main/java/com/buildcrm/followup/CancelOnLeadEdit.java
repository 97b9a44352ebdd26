package com.buildcrm.followup;

import com.buildcrm.lead.ActorKind;
import com.buildcrm.lead.PendingFollowUps;
import com.buildcrm.tenancy.TenantWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;

/**
 * Cancels a lead's follow-ups when a person closes it or switches its AI off ({@code LeadEdits}).
 */
@ApplicationScoped
public class CancelOnLeadEdit implements PendingFollowUps {

    @Inject FollowUps followUps;

    @Override
    public void cancel(TenantWork work, long leadId, Why why, long userId, OffsetDateTime at) {
        Decision.Reason reason =
                switch (why) {
                    case CLOSED -> Decision.Reason.CLOSED;
                    case AI_OFF -> Decision.Reason.AI_OFF_LEAD;
                };
        followUps.cancelPending(work, leadId, reason, ActorKind.HUMAN, userId, at);
    }
}
