package com.buildcrm.outbox;

/**
 * Where an outbox row is (ADR 006); stored in {@code platform.outbox.status} by name.
 *
 * <p>PENDING → SENDING (claimed) → SENT, FAILED or UNKNOWN; a clear, temporary failure goes back to
 * PENDING with a later due time, and an open circuit breaker puts a claimed row back unchanged.
 */
public enum OutboxStatus {
    /** Waiting until it is due. */
    PENDING,
    /** Claimed by one instance, the provider call under way. */
    SENDING,
    /** The provider accepted it. */
    SENT,
    /** Refused, or retried until it was given up. */
    FAILED,
    /** The outcome cannot be known (a timeout, or interrupted while sending): never resent. */
    UNKNOWN
}
