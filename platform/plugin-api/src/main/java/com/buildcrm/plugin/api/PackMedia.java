package com.buildcrm.plugin.api;

import java.util.Objects;

/**
 * A media file bundled in a pack (e.g. the default album of the greeting chain).
 *
 * @param name the name greeting steps refer to
 * @param mimeType e.g. {@code image/jpeg}, {@code audio/ogg}
 * @param content the bytes (the platform copies them into the tenant's media store)
 */
public record PackMedia(String name, String mimeType, byte[] content) {
    public PackMedia {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mimeType, "mimeType");
        content = Objects.requireNonNull(content, "content").clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }
}
