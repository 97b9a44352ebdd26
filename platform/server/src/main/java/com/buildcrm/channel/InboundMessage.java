package com.buildcrm.channel;

import java.time.Instant;
import java.util.Objects;

/**
 * A message a WhatsApp user sent to a connected number.
 *
 * @param providerMessageId the provider's message id (dedupe key); for bodies without one, a hash
 *     of the body, so a redelivery still dedupes
 * @param sender the sender as the provider wrote it: a jid ({@code 77001234567@s.whatsapp.net}, a
 *     group's {@code …@g.us}) or digits; normalise with {@link com.buildcrm.phone.PhoneNumbers}
 * @param pushName the name the sender set in WhatsApp, or null
 * @param timestamp when the provider says it was sent (the receive time if it did not say)
 * @param kind what it carries
 * @param text the text, or the media caption; null when there is none
 * @param media the media, or null
 * @param group true for a group chat (stored, but creates no lead)
 * @param rawJson the event's JSON, inline media base64 elided (the bytes are in {@code media})
 */
public record InboundMessage(
        String providerMessageId,
        String sender,
        String pushName,
        Instant timestamp,
        MessageKind kind,
        String text,
        InboundMedia media,
        boolean group,
        String rawJson)
        implements InboundEvent {

    public InboundMessage {
        Objects.requireNonNull(providerMessageId, "providerMessageId");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(rawJson, "rawJson");
    }
}
