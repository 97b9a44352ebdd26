package com.buildcrm.channel;

import java.util.Objects;
import java.util.Optional;

/**
 * What a send came to. Gateways never throw: a failed call is a recorded outcome.
 *
 * <ul>
 *   <li>{@link Accepted}: the provider took the message (with its id when it returns one);
 *   <li>{@link Rejected}: it was not sent; {@code retryable} when the failure is clearly before
 *       sending (connection refused, 5xx, 429), so resending cannot double it;
 *   <li>{@link Unknown}: we cannot tell (a timeout after the request left): do not resend blindly.
 * </ul>
 */
public sealed interface SendResult {

    enum Status {
        ACCEPTED,
        REJECTED,
        UNKNOWN
    }

    Status status();

    static SendResult accepted(String providerMessageId) {
        return new Accepted(providerMessageId);
    }

    static SendResult rejected(String reason, boolean retryable) {
        return new Rejected(reason, retryable);
    }

    static SendResult unknown(String reason) {
        return new Unknown(reason);
    }

    /**
     * @param providerMessageId the provider's id of the sent message, or null if it returns none
     */
    record Accepted(String providerMessageId) implements SendResult {
        public Optional<String> messageId() {
            return Optional.ofNullable(providerMessageId);
        }

        @Override
        public Status status() {
            return Status.ACCEPTED;
        }
    }

    /**
     * @param reason for people (shown in the CRM); never contains credentials
     */
    record Rejected(String reason, boolean retryable) implements SendResult {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public Status status() {
            return Status.REJECTED;
        }
    }

    record Unknown(String reason) implements SendResult {
        public Unknown {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public Status status() {
            return Status.UNKNOWN;
        }
    }
}
