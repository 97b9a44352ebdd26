package com.buildcrm.plugin.api;

import java.util.Objects;

/**
 * A default follow-up step ("wake the client up", brief §7).
 *
 * @param delayMinutes minutes of client silence before this step
 * @param text the message; {@code {name}} is replaced by the client's name (or dropped)
 */
public record FollowUpText(int delayMinutes, String text) {
    public FollowUpText {
        Objects.requireNonNull(text, "text");
        if (delayMinutes < 1) {
            throw new IllegalArgumentException("delayMinutes must be positive");
        }
    }
}
