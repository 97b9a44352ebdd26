package com.buildcrm.media;

import java.time.Instant;

/**
 * What the media store knows about a stored file: its detected format, exact size and SHA-256
 * (hex), and the name it was uploaded under — kept for display only, never used in a path.
 *
 * @param originalName the uploaded file's base name, cleaned of control characters; "" if none
 */
public record StoredMedia(
        String tenantId,
        String id,
        MediaFormat format,
        long size,
        String sha256,
        String originalName,
        Instant storedAt) {

    public String mimeType() {
        return format.mimeType();
    }
}
