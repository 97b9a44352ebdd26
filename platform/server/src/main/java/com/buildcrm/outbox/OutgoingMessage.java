package com.buildcrm.outbox;

import com.buildcrm.channel.MediaKind;
import com.buildcrm.channel.MessageKind;
import com.buildcrm.channel.TemplateCall;
import java.util.Locale;
import java.util.Objects;

/**
 * What one outgoing message carries, before it is stored: the message's kind and text as the
 * conversation shows them, and the file of ours it sends. Its {@link #payload()} is what the outbox
 * row sends.
 *
 * @param kind TEXT, IMAGE, VIDEO, DOCUMENT or VOICE
 * @param text the text, or the caption of a file; may be null for a file
 * @param mediaId our stored media id, null for a text
 * @param fileName the file name shown to the client (documents), or null
 * @param template an approved WhatsApp template sent instead of {@code text} (ADR 035), or null;
 *     {@code text} is then its filled-in body, as the conversation shows it
 */
public record OutgoingMessage(
        MessageKind kind, String text, String mediaId, String fileName, TemplateCall template) {

    public OutgoingMessage(MessageKind kind, String text, String mediaId, String fileName) {
        this(kind, text, mediaId, fileName, null);
    }

    public OutgoingMessage {
        if (template != null && kind != MessageKind.TEXT) {
            throw new IllegalArgumentException("a template is sent as a text message");
        }
        Objects.requireNonNull(kind, "kind");
        if (kind == MessageKind.TEXT ? mediaId != null : mediaId == null) {
            throw new IllegalArgumentException("a text has no file, a " + kind + " has one");
        }
        if (kind != MessageKind.TEXT
                && kind != MessageKind.VOICE
                && kind != MessageKind.IMAGE
                && kind != MessageKind.VIDEO
                && kind != MessageKind.DOCUMENT) {
            throw new IllegalArgumentException("cannot send a " + kind + " message");
        }
    }

    public static OutgoingMessage text(String text) {
        return new OutgoingMessage(MessageKind.TEXT, text, null, null);
    }

    /** An approved WhatsApp template; {@code shown} is its filled-in body. */
    public static OutgoingMessage template(String shown, TemplateCall template) {
        return new OutgoingMessage(
                MessageKind.TEXT, shown, null, null, Objects.requireNonNull(template, "template"));
    }

    /** An image, video or document of ours, with an optional caption. */
    public static OutgoingMessage media(
            MediaKind kind, String mediaId, String caption, String fileName) {
        return new OutgoingMessage(MessageKind.valueOf(kind.name()), caption, mediaId, fileName);
    }

    /**
     * A voice note of ours. A voice note has no caption on WhatsApp: {@code text} is kept on the
     * stored message only.
     */
    public static OutgoingMessage voice(String mediaId, String text) {
        return new OutgoingMessage(MessageKind.VOICE, text, mediaId, null);
    }

    /** What the outbox row sends. */
    public OutboundPayload payload() {
        if (template != null) {
            return OutboundPayload.template(text, template);
        }
        return switch (kind) {
            case TEXT -> OutboundPayload.text(text);
            case VOICE -> OutboundPayload.voice(mediaId);
            default ->
                    OutboundPayload.media(mediaId, MediaKind.valueOf(kind.name()), text, fileName);
        };
    }

    /** The lead's "last message" line: the text, or {@code [image]} and the like. */
    public String preview() {
        return text != null ? text : "[" + kind.name().toLowerCase(Locale.ROOT) + "]";
    }
}
