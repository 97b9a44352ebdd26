package com.buildcrm.plugin.api;

import java.util.Objects;

/**
 * A media file referenced by a greeting step.
 *
 * @param name the pack's bundled media name (see {@link IndustryPack#media(String)})
 * @param caption caption shown under the image, or {@code null}
 */
public record MediaItem(String name, String caption) {
    public MediaItem {
        Objects.requireNonNull(name, "name");
    }
}
