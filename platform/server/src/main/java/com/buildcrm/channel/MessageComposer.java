package com.buildcrm.channel;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays out what WhatsApp providers cannot send in one call: albums (no provider we use has an album
 * call: images one by one, the caption on the first) and texts longer than the provider's limit.
 * Composition only: pacing between the parts is the outbox's job.
 */
public final class MessageComposer {

    private MessageComposer() {}

    /** Images one by one; the caption (if any) goes on the first only, so it is shown once. */
    public static List<OutboundPart> album(List<URI> images, String caption) {
        List<OutboundPart> parts = new ArrayList<>(images.size());
        for (int i = 0; i < images.size(); i++) {
            parts.add(
                    new OutboundPart.Media(
                            MediaKind.IMAGE, images.get(i), i == 0 ? caption : null, null));
        }
        return List.copyOf(parts);
    }

    /** A text split to fit {@link ChannelCapabilities#maxTextLength()}. */
    public static List<OutboundPart> text(String text, ChannelCapabilities capabilities) {
        return split(text, capabilities.maxTextLength()).stream()
                .map(chunk -> (OutboundPart) new OutboundPart.Text(chunk))
                .toList();
    }

    /**
     * A link is sent as a text (the provider previews it when it can), after an optional comment.
     */
    public static List<OutboundPart> link(
            URI url, String comment, ChannelCapabilities capabilities) {
        String text =
                comment == null || comment.isBlank()
                        ? url.toString()
                        : comment.strip() + "\n" + url;
        return text(text, capabilities);
    }

    /**
     * Splits a text into chunks of at most {@code maxLength} chars, cutting where a reader would:
     * at a paragraph break, else a line break, else after a sentence, else at a space, and only as
     * a last resort inside a word (never inside a surrogate pair). Whitespace at the cuts is
     * dropped. A blank text gives no chunk.
     */
    public static List<String> split(String text, int maxLength) {
        if (maxLength < 2) {
            throw new IllegalArgumentException("maxLength must be at least 2");
        }
        List<String> chunks = new ArrayList<>();
        String rest = text == null ? "" : text.strip();
        while (rest.length() > maxLength) {
            int cut = cutPoint(rest, maxLength);
            String chunk = rest.substring(0, cut).strip();
            if (!chunk.isEmpty()) {
                chunks.add(chunk);
            }
            rest = rest.substring(cut).strip();
        }
        if (!rest.isEmpty()) {
            chunks.add(rest);
        }
        return List.copyOf(chunks);
    }

    private static int cutPoint(String text, int maxLength) {
        String window = text.substring(0, maxLength + 1); // a separator just past the limit counts
        int minimum = maxLength / 2; // do not cut so early that chunks become tiny
        int at = window.lastIndexOf("\n\n");
        if (at >= minimum) {
            return at;
        }
        at = window.lastIndexOf('\n');
        if (at >= minimum) {
            return at;
        }
        for (int i = maxLength - 1; i >= minimum; i--) {
            char c = window.charAt(i);
            if ((c == '.' || c == '!' || c == '?' || c == '…')
                    && Character.isWhitespace(window.charAt(i + 1))) {
                return i + 1;
            }
        }
        for (int i = maxLength; i >= minimum; i--) {
            if (Character.isWhitespace(window.charAt(i))) {
                return i;
            }
        }
        int cut = maxLength;
        if (Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        return cut;
    }
}
