package com.buildcrm.channel.sandbox;

import com.buildcrm.channel.ChannelCapabilities;
import com.buildcrm.channel.MediaKind;
import com.buildcrm.channel.MessageKind;
import com.buildcrm.channel.SendResult;
import com.buildcrm.channel.WhatsAppGateway;
import com.buildcrm.phone.PhoneNumbers;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * The simulated WhatsApp's sending side: records every send in a {@link SandboxOutbox} and accepts
 * it.
 */
final class SandboxGateway implements WhatsAppGateway {

    private static final ChannelCapabilities CAPABILITIES =
            new ChannelCapabilities(false, true, true, false, true, 4096, Optional.empty());

    private final SandboxOutbox outbox;
    private final Clock clock;

    SandboxGateway(SandboxOutbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public ChannelCapabilities capabilities() {
        return CAPABILITIES;
    }

    /** The sandbox keeps its sends in this process: nothing to wait for side by side. */
    @Override
    public boolean remote() {
        return false;
    }

    @Override
    public SendResult sendText(String to, String text) {
        if (text == null || text.isBlank()) {
            return SendResult.rejected("Empty text", false);
        }
        return record(to, MessageKind.TEXT, text, null, null, null);
    }

    @Override
    public SendResult sendMedia(
            String to, MediaKind kind, URI url, String caption, String fileName) {
        if (kind == null || url == null) {
            return SendResult.rejected("Media kind and URL are required", false);
        }
        MessageKind messageKind =
                switch (kind) {
                    case IMAGE -> MessageKind.IMAGE;
                    case VIDEO -> MessageKind.VIDEO;
                    case DOCUMENT -> MessageKind.DOCUMENT;
                };
        return record(to, messageKind, null, url, caption, fileName);
    }

    @Override
    public SendResult sendVoice(String to, URI url) {
        if (url == null) {
            return SendResult.rejected("Voice URL is required", false);
        }
        return record(to, MessageKind.VOICE, null, url, null, null);
    }

    private SendResult record(
            String to, MessageKind kind, String text, URI url, String caption, String fileName) {
        if (to == null || to.isBlank()) {
            return SendResult.rejected("No recipient", false);
        }
        String recipient = PhoneNumbers.recipient(to).orElse(to.strip());
        String id = "sandbox-" + UUID.randomUUID();
        try {
            outbox.record(
                    new SandboxOutboundMessage(
                            id, recipient, kind, text, url, caption, fileName, clock.instant()));
        } catch (RuntimeException e) {
            return SendResult.rejected(
                    "Sandbox could not record the message (" + e.getClass().getSimpleName() + ")",
                    true);
        }
        return SendResult.accepted(id);
    }
}
