package com.buildcrm.plugin.api;

import java.util.List;
import java.util.Objects;

/**
 * One step of a pack's default first-contact chain.
 *
 * @param kind what is sent
 * @param text the message text (TEXT), the explanation next to the link (LINK), or {@code null}
 * @param media images (ALBUM) or the voice note (VOICE), by bundled name
 * @param url the link (LINK), or {@code null}
 */
public record GreetingStep(GreetingKind kind, String text, List<MediaItem> media, String url) {
    public GreetingStep {
        Objects.requireNonNull(kind, "kind");
        media = List.copyOf(Objects.requireNonNullElse(media, List.of()));
    }

    /** A text step. */
    public static GreetingStep text(String text) {
        return new GreetingStep(GreetingKind.TEXT, text, List.of(), null);
    }
}
