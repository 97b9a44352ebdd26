package com.buildcrm.channel;

import java.net.URI;

/**
 * Sends through one connected WhatsApp number. Built by {@link Channels} from a provider key and
 * settings; safe to share between threads. No method throws: every failure is a {@link SendResult}.
 *
 * <p>{@code to} is a phone in any form {@link com.buildcrm.phone.PhoneNumbers} understands (E.164
 * is best) or a jid. An unusable recipient gives a non-retryable rejection.
 *
 * <p>Pacing is not done here: the outbox paces sends per chat.
 */
public interface WhatsAppGateway {

    ChannelCapabilities capabilities();

    /**
     * Whether a send is a network round trip to the provider (the default) rather than work in this
     * process: the outbox then sends a batch's chats side by side (ADR 050).
     */
    default boolean remote() {
        return true;
    }

    SendResult sendText(String to, String text);

    /**
     * @param url a public URL the provider downloads the file from
     * @param caption may be null or blank
     * @param fileName the name shown for a document, may be null
     */
    SendResult sendMedia(String to, MediaKind kind, URI url, String caption, String fileName);

    /** Sends an audio file meant as a voice note; OGG/Opus gives one on WhatsApp. */
    SendResult sendVoice(String to, URI url);

    /**
     * Sends an approved message template (ADR 035). The default is for providers without templates:
     * a clear refusal, not retryable.
     */
    default SendResult sendTemplate(String to, TemplateCall template) {
        return SendResult.rejected("this channel cannot send WhatsApp templates", false);
    }

    /**
     * Fetches the file of an inbound message that the provider did not inline: by its {@link
     * InboundMedia#downloadUrl()} or {@link InboundMedia#providerMediaId()}, with this channel's
     * credentials where the provider needs them. Reads at most {@code maxBytes} (a bigger file is
     * refused, not buffered), within the channel's request timeout. Never throws.
     *
     * <p>The default is for channels that always inline their media (the sandbox): nothing to
     * fetch, not retryable.
     */
    default MediaDownload download(InboundMedia media, long maxBytes) {
        return MediaDownload.failed("this channel cannot download media", false);
    }
}
