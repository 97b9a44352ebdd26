package com.buildcrm.channel.sandbox;

import com.buildcrm.channel.MessageKind;
import java.net.URI;
import java.time.Instant;

/**
 * A message the platform sent to a simulated lead.
 *
 * @param providerMessageId the id the sandbox gateway returned in its acceptance
 * @param to the recipient, in E.164 when it is a phone
 * @param kind TEXT, IMAGE, VIDEO, DOCUMENT or VOICE
 * @param text the text of a TEXT message, else null
 * @param url the media URL, else null
 * @param caption the media caption, or null
 * @param fileName the document's file name, or null
 * @param sentAt when the gateway took it
 */
public record SandboxOutboundMessage(
        String providerMessageId,
        String to,
        MessageKind kind,
        String text,
        URI url,
        String caption,
        String fileName,
        Instant sentAt) {}
