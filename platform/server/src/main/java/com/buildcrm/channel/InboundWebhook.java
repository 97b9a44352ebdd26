package com.buildcrm.channel;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Receives one provider's webhook for one connected number. Built by {@link Channels}; stateless
 * and safe to share. The edge calls {@link #authenticate} first (401/404 with no detail when
 * false), then {@link #parse}, stores the events and only then answers 200.
 */
public interface InboundWebhook {

    /**
     * Answers a subscription handshake (Meta's GET with {@code hub.mode}, {@code hub.verify_token},
     * {@code hub.challenge}).
     *
     * @param query the GET's query parameters
     * @return the body to answer 200 with, or empty when the handshake fails or the provider has
     *     none
     */
    Optional<String> handshake(Map<String, List<String>> query);

    /**
     * True when the request comes from the provider (URL secret or body signature), in constant
     * time.
     */
    boolean authenticate(WebhookRequest request);

    /**
     * The neutral events in a body. Never throws: empty, non-JSON or foreign bodies (probes, test
     * buttons) give an empty list; a message of a type we do not know gives {@link
     * MessageKind#UNSUPPORTED} with its raw JSON.
     */
    List<InboundEvent> parse(byte[] rawBody);
}
