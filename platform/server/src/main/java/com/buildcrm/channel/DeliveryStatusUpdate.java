package com.buildcrm.channel;

import java.time.Instant;
import java.util.Objects;

/**
 * A receipt for a message we sent: the provider id is the one {@link SendResult.Accepted} returned.
 *
 * @param providerMessageId the id of our outbound message
 * @param status its new status
 * @param recipient who it was sent to, as the provider wrote it, or null
 * @param timestamp when the provider says it happened
 * @param error for {@link DeliveryStatus#FAILED}, the provider's reason (code and text), else null
 * @param rawJson the status object as the provider sent it
 */
public record DeliveryStatusUpdate(
        String providerMessageId,
        DeliveryStatus status,
        String recipient,
        Instant timestamp,
        String error,
        String rawJson)
        implements InboundEvent {

    public DeliveryStatusUpdate {
        Objects.requireNonNull(providerMessageId, "providerMessageId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(rawJson, "rawJson");
    }
}
