package com.buildcrm.notify;

import com.buildcrm.tenancy.TenantWork;
import java.time.OffsetDateTime;

/**
 * Fired synchronously (CDI {@code Event<LeadMilestone>}) inside the tenant unit of work where the
 * milestone happened, after the lead row has been changed and flushed: observers (a call task, an
 * assignment rule, an alert) write in the same transaction, so they happen exactly when the change
 * commits and never without it. Emitters do not know who observes.
 *
 * @param work the tenant unit of work
 * @param leadId the lead
 * @param milestone what happened
 * @param userId the person who did it (TAKEN_OVER), else {@code null}
 * @param at when
 */
public record LeadMilestone(
        TenantWork work, long leadId, Milestone milestone, Long userId, OffsetDateTime at) {}
