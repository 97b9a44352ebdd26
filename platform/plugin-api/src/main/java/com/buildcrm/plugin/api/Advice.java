package com.buildcrm.plugin.api;

import java.util.Objects;

/**
 * A piece of advice the AI manager weaves into its next reply.
 *
 * @param key stable key (e.g. {@code city.almaty}); the platform gives each key once per lead
 * @param text the sentence(s) to say, in the requested locale
 */
public record Advice(String key, String text) {
    public Advice {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(text, "text");
    }
}
