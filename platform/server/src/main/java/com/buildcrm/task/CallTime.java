package com.buildcrm.task;

import java.time.Instant;

/**
 * When to call, read from the client's words.
 *
 * @param at the moment, or {@code null} for "as soon as possible" (the words could not be read)
 * @param text the client's words, kept as said
 */
public record CallTime(Instant at, String text) {

    public boolean asap() {
        return at == null;
    }
}
