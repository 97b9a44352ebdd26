package com.buildcrm.live;

/**
 * Something a CRM screen should show without a refresh: a new lead, a new message, a status change.
 * Published as a CDI event after the change has committed; the SSE endpoint subscribes to it (and
 * later shares it between instances through PostgreSQL LISTEN/NOTIFY).
 *
 * @param tenantId the tenant the event belongs to (never sent to another tenant's users)
 * @param type e.g. {@code lead.created}, {@code message.created}, {@code message.status}
 * @param leadId the lead concerned
 * @param messageId the message concerned, if any
 */
public record LiveEvent(long tenantId, String type, long leadId, Long messageId) {}
