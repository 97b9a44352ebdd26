package com.buildcrm.lead;

import com.buildcrm.tenancy.TenantWork;
import java.time.OffsetDateTime;

/**
 * What a person's edit of a lead needs from follow-ups: when they close the lead or switch its AI
 * off, the reminders still planned for it are cancelled, in the edit's transaction. Implemented in
 * the {@code followup} package, which depends on {@code lead} (so {@code lead} holds only this
 * interface).
 */
public interface PendingFollowUps {

    /** Why a person's edit stops the reminders. */
    enum Why {
        /** Moved to WON or LOST. */
        CLOSED,
        /** The AI was switched off for this lead. */
        AI_OFF
    }

    /**
     * Cancels whatever is pending for the lead (in the caller's transaction) and records why in the
     * lead's history, as done by {@code userId}.
     */
    void cancel(TenantWork work, long leadId, Why why, long userId, OffsetDateTime at);
}
