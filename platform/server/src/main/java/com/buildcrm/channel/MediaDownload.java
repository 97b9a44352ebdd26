package com.buildcrm.channel;

/**
 * What came of fetching an inbound file from the provider ({@link
 * WhatsAppGateway#download(InboundMedia, long)}). Never carries a URL with a token in it.
 */
public sealed interface MediaDownload {

    /**
     * The file.
     *
     * @param bytes the whole file, at most the size limit asked for
     * @param mimeType as the provider declared it, may be null
     */
    record Fetched(byte[] bytes, String mimeType) implements MediaDownload {
        @Override
        public String toString() {
            return "Fetched[" + bytes.length + " bytes, " + mimeType + "]";
        }
    }

    /**
     * No file.
     *
     * @param reason for the log and the inbox row, never a URL
     * @param retryable true when asking again later can work (provider down, 5xx, throttled, a
     *     timeout); false when it cannot (unknown media id, refused token, too large, no way to
     *     download on this channel)
     */
    record Failed(String reason, boolean retryable) implements MediaDownload {}

    static MediaDownload failed(String reason, boolean retryable) {
        return new Failed(reason, retryable);
    }
}
