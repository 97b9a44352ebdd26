package com.buildcrm.media;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The media the platform accepts, recognised by their magic bytes rather than by what an upload
 * claims: a greeting album (images), a video, a voice note (OGG/Opus) or audio, a PDF. {@link
 * #kind()} tells the outbox which ChatFlow operation sends it.
 */
public enum MediaFormat {
    JPEG("image/jpeg", "jpg", Kind.IMAGE),
    PNG("image/png", "png", Kind.IMAGE),
    WEBP("image/webp", "webp", Kind.IMAGE),
    GIF("image/gif", "gif", Kind.IMAGE),
    MP4("video/mp4", "mp4", Kind.VIDEO),
    OGG("audio/ogg", "ogg", Kind.AUDIO),
    MP3("audio/mpeg", "mp3", Kind.AUDIO),
    PDF("application/pdf", "pdf", Kind.DOCUMENT);

    /** How a message carries the media. */
    public enum Kind {
        IMAGE,
        VIDEO,
        AUDIO,
        DOCUMENT
    }

    /** How many leading bytes {@link #sniff} may look at. */
    static final int HEAD_BYTES = 512;

    private static final Map<String, MediaFormat> ALIASES =
            Map.of(
                    "image/jpg", JPEG,
                    "image/pjpeg", JPEG,
                    "audio/opus", OGG,
                    "application/ogg", OGG,
                    "audio/mp3", MP3,
                    "audio/mpeg3", MP3,
                    "audio/x-mpeg", MP3,
                    "application/x-pdf", PDF);

    /** ISO base media brands that are plain MP4 video (not QuickTime, HEIF images or M4A). */
    private static final Set<String> MP4_BRANDS =
            Set.of(
                    "isom", "iso2", "iso3", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "M4V ",
                    "M4VP", "dash", "MSNV", "f4v ");

    private final String mimeType;
    private final String extension;
    private final Kind kind;

    MediaFormat(String mimeType, String extension, Kind kind) {
        this.mimeType = mimeType;
        this.extension = extension;
        this.kind = kind;
    }

    public String mimeType() {
        return mimeType;
    }

    /** The usual file extension, without a dot. */
    public String extension() {
        return extension;
    }

    public Kind kind() {
        return kind;
    }

    /**
     * The format a declared MIME type names, ignoring case and parameters ({@code audio/ogg;
     * codecs=opus}) and accepting common aliases ({@code image/jpg}, {@code audio/mp3}).
     */
    public static Optional<MediaFormat> forMimeType(String mimeType) {
        if (mimeType == null) {
            return Optional.empty();
        }
        int semicolon = mimeType.indexOf(';');
        String bare =
                (semicolon < 0 ? mimeType : mimeType.substring(0, semicolon))
                        .trim()
                        .toLowerCase(Locale.ROOT);
        for (MediaFormat format : values()) {
            if (format.mimeType.equals(bare)) {
                return Optional.of(format);
            }
        }
        return Optional.ofNullable(ALIASES.get(bare));
    }

    /** The format the first bytes of a file show, if it is one of ours. */
    public static Optional<MediaFormat> sniff(byte[] head, int length) {
        if (startsWith(head, length, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (startsWith(head, length, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (ascii(head, length, 0, "GIF87a") || ascii(head, length, 0, "GIF89a")) {
            return Optional.of(GIF);
        }
        if (ascii(head, length, 0, "RIFF") && ascii(head, length, 8, "WEBP")) {
            return Optional.of(WEBP);
        }
        if (ascii(head, length, 4, "ftyp")
                && length >= 12
                && MP4_BRANDS.contains(new String(head, 8, 4, StandardCharsets.ISO_8859_1))) {
            return Optional.of(MP4);
        }
        if (ascii(head, length, 0, "OggS") && oggCarriesAudio(head, length)) {
            return Optional.of(OGG);
        }
        if (ascii(head, length, 0, "ID3") || mpegAudioLayer3Frame(head, length)) {
            return Optional.of(MP3);
        }
        if (ascii(head, length, 0, "%PDF-")) {
            return Optional.of(PDF);
        }
        return Optional.empty();
    }

    /** The first Ogg page's packet starts with an Opus or Vorbis identification header. */
    private static boolean oggCarriesAudio(byte[] head, int length) {
        if (length < 27) {
            return false;
        }
        int packet = 27 + (head[26] & 0xFF);
        return ascii(head, length, packet, "OpusHead")
                || (startsWith(head, length, packet, 0x01)
                        && ascii(head, length, packet + 1, "vorbis"));
    }

    /** An MPEG audio frame sync (11 bits set) with layer III. */
    private static boolean mpegAudioLayer3Frame(byte[] head, int length) {
        return length >= 2
                && (head[0] & 0xFF) == 0xFF
                && (head[1] & 0xE0) == 0xE0
                && ((head[1] >> 1) & 0x03) == 0x01;
    }

    private static boolean startsWith(byte[] head, int length, int offset, int... expected) {
        if (offset < 0 || offset + expected.length > length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((head[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean ascii(byte[] head, int length, int offset, String expected) {
        return startsWith(head, length, offset, expected.chars().toArray());
    }
}
