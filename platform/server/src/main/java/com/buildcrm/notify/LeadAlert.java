package com.buildcrm.notify;

import com.buildcrm.tenancy.TenantWork;

/**
 * Fired synchronously inside the tenant unit of work that caused it: observers enqueue what they
 * send in the same transaction, so an alert is sent exactly when the change commits.
 *
 * @param work the tenant unit of work
 * @param leadId the lead
 * @param kind what happened
 * @param userId the user to tell, or {@code null} for everyone who may see the lead and chose it
 */
public record LeadAlert(TenantWork work, long leadId, AlertKind kind, Long userId) {}
