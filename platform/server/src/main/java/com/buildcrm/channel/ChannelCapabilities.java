package com.buildcrm.channel;

import java.time.Duration;
import java.util.Optional;

/**
 * What a provider can do, so that composition and the CRM adapt without asking which provider it
 * is.
 *
 * @param captionRequired media sends need a caption (ChatFlow: the gateway sends {@code " "}
 *     itself)
 * @param linkPreview a link in a text is shown with a preview
 * @param voiceNotes {@link WhatsAppGateway#sendVoice} shows as a voice note
 * @param deliveryReceipts the webhook reports {@link DeliveryStatusUpdate}s
 * @param returnsMessageId {@link SendResult.Accepted} carries the provider's message id
 * @param maxTextLength longest text sent as one message; longer texts are split by {@link
 *     MessageComposer}
 * @param sessionWindow how long after the customer's last message free-form messages are allowed
 *     (Meta: 24 h), empty when there is no such window
 */
public record ChannelCapabilities(
        boolean captionRequired,
        boolean linkPreview,
        boolean voiceNotes,
        boolean deliveryReceipts,
        boolean returnsMessageId,
        int maxTextLength,
        Optional<Duration> sessionWindow) {

    public ChannelCapabilities {
        if (maxTextLength < 1) {
            throw new IllegalArgumentException("maxTextLength must be positive");
        }
        sessionWindow = sessionWindow == null ? Optional.empty() : sessionWindow;
    }
}
