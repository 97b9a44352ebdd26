package com.buildcrm.message;

/** Where a message is; stored in {@code messages.status} and returned by the API by name. */
public enum MessageStatus {
    /** An inbound message, stored. */
    RECEIVED,
    /** Outbound, in the outbox (also while a clear, temporary failure is retried). */
    QUEUED,
    /** The provider accepted it. */
    SENT,
    /** The provider reports it reached the phone. */
    DELIVERED,
    /** The provider reports the client read it. */
    READ,
    /** Refused, or retried until the outbox gave up. */
    FAILED,
    /** The send timed out: the client may or may not have it; never resent blindly. */
    UNKNOWN
}
