package com.buildcrm.channel;

import java.util.Locale;

/**
 * The media part of an inbound message. A provider either inlines the bytes (ChatFlow sends the
 * whole file as base64) or gives something to download them with: a URL (ChatFlow, may expire) or a
 * media id (Meta, fetched with the access token). Every field but {@code ptt} may be null.
 *
 * <p>As with any record holding an array, {@code equals} compares {@code inlineBytes} by identity;
 * the array is not copied (a voice note can be megabytes), so do not modify it.
 *
 * @param mimeType as the provider sent it, e.g. {@code audio/ogg; codecs=opus}
 * @param inlineBytes the file when the provider inlined it, else null
 * @param downloadUrl where the provider serves the file, else null
 * @param providerMediaId the provider's media id (Meta), else null
 * @param fileName the provider's file name, if any
 * @param size in bytes, if the provider said
 * @param durationSeconds for audio and video, if the provider said
 * @param ptt true for a push-to-talk voice note
 */
public record InboundMedia(
        String mimeType,
        byte[] inlineBytes,
        String downloadUrl,
        String providerMediaId,
        String fileName,
        Long size,
        Integer durationSeconds,
        boolean ptt) {

    public boolean hasInlineBytes() {
        return inlineBytes != null && inlineBytes.length > 0;
    }

    /**
     * The mime type without parameters, lower case: {@code audio/ogg; codecs=opus} gives {@code
     * audio/ogg}.
     */
    public String baseMimeType() {
        if (mimeType == null) {
            return null;
        }
        int semicolon = mimeType.indexOf(';');
        String base = semicolon < 0 ? mimeType : mimeType.substring(0, semicolon);
        return base.trim().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "InboundMedia[mimeType=%s, inlineBytes=%s, downloadUrl=%s, providerMediaId=%s, fileName=%s, size=%s, durationSeconds=%s, ptt=%s]"
                .formatted(
                        mimeType,
                        inlineBytes == null ? null : inlineBytes.length + " bytes",
                        downloadUrl,
                        providerMediaId,
                        fileName,
                        size,
                        durationSeconds,
                        ptt);
    }
}
