package com.buildcrm.channel;

/**
 * Something a provider told us through its webhook, in provider-neutral form. The inbox stores each
 * event unique on (channel, {@link #providerMessageId()}).
 */
public sealed interface InboundEvent permits InboundMessage, DeliveryStatusUpdate {

    /** The provider's id of the message the event is about: the dedupe key. Never blank. */
    String providerMessageId();

    /** The event's JSON as the provider sent it (inline media base64 elided), for storage. */
    String rawJson();
}
