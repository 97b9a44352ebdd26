package com.buildcrm.media;

import com.buildcrm.media.MediaRejectedException.Reason;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Looks past the magic bytes of an upload: a file must be what its type says all the way through,
 * so a PNG with an HTML page behind it (a "polyglot" a browser could be tricked into rendering) is
 * refused. Images JPEG, PNG and GIF are decoded with the JDK's ImageIO (and a PNG must end at its
 * IEND chunk); WebP, which the JDK cannot decode, must be a RIFF container whose chunks fill the
 * file exactly; MP4 must be ISO boxes filling the file with a {@code moov}; Ogg must be pages
 * filling the file; MP3 must start with consecutive MPEG audio frames (after an ID3 tag); a PDF
 * must end with {@code %%EOF}. Every file is also scanned for HTML markup ({@code <script}, {@code
 * <!doctype}, {@code <html>}, …), which none of these formats carries.
 */
public final class MediaInspector {

    /** Larger pictures are refused rather than decoded (a decompression bomb). */
    static final long MAX_PIXELS = 100_000_000L;

    /** Decoding is checked on a subsampled picture of at most about this many pixels. */
    private static final long CHECK_PIXELS = 2_000_000L;

    /** Markup no media format carries; long enough not to occur by chance in compressed data. */
    private static final List<byte[]> HTML_MARKERS =
            List.of(
                            "<script",
                            "<iframe",
                            "<!doctype",
                            "<html>",
                            "<html ",
                            "<head>",
                            "<body>",
                            "<body ",
                            "<svg ",
                            "<object",
                            "<embed ",
                            "<meta ",
                            "<style>",
                            "<style ",
                            "<form ",
                            "javascript:")
                    .stream()
                    .map(m -> m.getBytes(StandardCharsets.US_ASCII))
                    .toList();

    private MediaInspector() {}

    /**
     * Checks a whole file of the given (sniffed) format.
     *
     * @throws MediaRejectedException with {@link Reason#MALFORMED} when it is not
     */
    public static void check(MediaFormat format, byte[] file) {
        if (containsHtml(file)) {
            throw malformed("the file carries HTML markup");
        }
        switch (format) {
            case JPEG, GIF -> decode(format, file);
            case PNG -> {
                pngEndsAtIend(file);
                decode(format, file);
            }
            case WEBP -> riffFillsTheFile(file);
            case MP4 -> isoBoxesFillTheFile(file);
            case OGG -> oggPagesFillTheFile(file);
            case MP3 -> mpegFramesFollow(file);
            case PDF -> pdfEnds(file);
        }
    }

    static boolean containsHtml(byte[] file) {
        for (int i = 0; i < file.length; i++) {
            byte b = file[i];
            if (b != '<' && b != 'j' && b != 'J') {
                continue;
            }
            for (byte[] marker : HTML_MARKERS) {
                if (matchesIgnoringCase(file, i, marker)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean matchesIgnoringCase(byte[] file, int at, byte[] marker) {
        if (at + marker.length > file.length) {
            return false;
        }
        for (int j = 0; j < marker.length; j++) {
            int c = file[at + j] & 0xFF;
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != marker[j]) {
                return false;
            }
        }
        return true;
    }

    private static void decode(MediaFormat format, byte[] file) {
        Iterator<ImageReader> readers =
                ImageIO.getImageReadersByFormatName(
                        format.extension().equals("jpg") ? "jpeg" : format.extension());
        if (!readers.hasNext()) {
            throw new IllegalStateException("no ImageIO reader for " + format);
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(file))) {
            reader.setInput(in, true, true);
            long width = reader.getWidth(0);
            long height = reader.getHeight(0);
            if (width <= 0 || height <= 0 || width * height > MAX_PIXELS) {
                throw malformed("the picture is " + width + "×" + height + " pixels");
            }
            ImageReadParam param = reader.getDefaultReadParam();
            int step =
                    (int) Math.max(1, Math.ceil(Math.sqrt((double) width * height / CHECK_PIXELS)));
            param.setSourceSubsampling(step, step, 0, 0);
            BufferedImage image = reader.read(0, param);
            if (image == null) {
                throw malformed("the picture cannot be decoded");
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof MediaRejectedException rejected) {
                throw rejected;
            }
            throw malformed("the picture cannot be decoded");
        } finally {
            reader.dispose();
        }
    }

    /** PNG chunks from the signature to IEND, nothing after. */
    private static void pngEndsAtIend(byte[] file) {
        int at = 8;
        while (at + 12 <= file.length) {
            long length = u32(file, at);
            String type = new String(file, at + 4, 4, StandardCharsets.ISO_8859_1);
            long end = at + 12 + length;
            if (length > Integer.MAX_VALUE || end > file.length) {
                throw malformed("a PNG chunk runs past the end of the file");
            }
            if (type.equals("IEND")) {
                if (end != file.length) {
                    throw malformed("the file goes on after the PNG's IEND chunk");
                }
                return;
            }
            at = (int) end;
        }
        throw malformed("the PNG has no IEND chunk");
    }

    /** {@code RIFF <size> WEBP} then chunks (padded to even sizes) exactly to the end. */
    private static void riffFillsTheFile(byte[] file) {
        if (file.length < 20 || u32le(file, 4) + 8 != file.length) {
            throw malformed("the WebP's RIFF size is not the file's size");
        }
        int at = 12;
        boolean image = false;
        while (at < file.length) {
            if (at + 8 > file.length) {
                throw malformed("a WebP chunk is cut off");
            }
            String type = new String(file, at, 4, StandardCharsets.ISO_8859_1);
            image |= type.equals("VP8 ") || type.equals("VP8L") || type.equals("VP8X");
            long size = u32le(file, at + 4);
            long next = at + 8 + size + (size & 1);
            if (next > file.length && !(next == file.length + 1 && (size & 1) == 1)) {
                throw malformed("a WebP chunk runs past the end of the file");
            }
            at = (int) Math.min(next, file.length);
        }
        if (!image) {
            throw malformed("the WebP holds no image");
        }
    }

    /** ISO base media boxes exactly to the end, one of them {@code moov}. */
    private static void isoBoxesFillTheFile(byte[] file) {
        long at = 0;
        boolean moov = false;
        while (at < file.length) {
            if (at + 8 > file.length) {
                throw malformed("an MP4 box is cut off");
            }
            int i = (int) at;
            long size = u32(file, i);
            String type = new String(file, i + 4, 4, StandardCharsets.ISO_8859_1);
            if (!type.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
                throw malformed("not an MP4 box: " + type.replaceAll("[^ -~]", "?"));
            }
            if (size == 1) {
                if (i + 16 > file.length) {
                    throw malformed("an MP4 box is cut off");
                }
                size = (u32(file, i + 8) << 32) | u32(file, i + 12);
                if (size < 16) {
                    throw malformed("an MP4 box has an impossible size");
                }
            } else if (size == 0) {
                size = file.length - at; // to the end of the file
            } else if (size < 8) {
                throw malformed("an MP4 box has an impossible size");
            }
            moov |= type.equals("moov");
            at += size;
        }
        if (at != file.length) {
            throw malformed("the last MP4 box runs past the end of the file");
        }
        if (!moov) {
            throw malformed("the MP4 has no moov box");
        }
    }

    /** Ogg pages ({@code OggS}, version 0, segment table) exactly to the end. */
    private static void oggPagesFillTheFile(byte[] file) {
        int at = 0;
        while (at < file.length) {
            if (at + 27 > file.length
                    || file[at] != 'O'
                    || file[at + 1] != 'g'
                    || file[at + 2] != 'g'
                    || file[at + 3] != 'S'
                    || file[at + 4] != 0) {
                throw malformed("not an Ogg page at byte " + at);
            }
            int segments = file[at + 26] & 0xFF;
            if (at + 27 + segments > file.length) {
                throw malformed("an Ogg page is cut off");
            }
            int body = 0;
            for (int s = 0; s < segments; s++) {
                body += file[at + 27 + s] & 0xFF;
            }
            at += 27 + segments + body;
        }
        if (at != file.length) {
            throw malformed("the last Ogg page runs past the end of the file");
        }
    }

    /** After an optional ID3v2 tag (and padding), two MPEG audio layer III frames in a row. */
    private static void mpegFramesFollow(byte[] file) {
        int at = 0;
        if (file.length >= 10 && file[0] == 'I' && file[1] == 'D' && file[2] == '3') {
            int size =
                    ((file[6] & 0x7F) << 21)
                            | ((file[7] & 0x7F) << 14)
                            | ((file[8] & 0x7F) << 7)
                            | (file[9] & 0x7F);
            at = 10 + size + ((file[5] & 0x10) != 0 ? 10 : 0);
            while (at < file.length && file[at] == 0) {
                at++;
            }
        }
        int first = frameLength(file, at);
        if (first <= 0) {
            throw malformed("no MPEG audio frame where the MP3 data starts");
        }
        int next = at + first;
        if (next > file.length) {
            throw malformed("the MP3's first frame is cut off");
        }
        if (next < file.length && frameLength(file, next) <= 0 && !tagAt(file, next)) {
            throw malformed("the MP3's first frame is not followed by another");
        }
    }

    private static boolean tagAt(byte[] file, int at) {
        return at + 3 <= file.length
                && ((file[at] == 'T' && file[at + 1] == 'A' && file[at + 2] == 'G')
                        || (file[at] == 'I' && file[at + 1] == 'D' && file[at + 2] == '3'));
    }

    private static final int[] MPEG1_L3_KBPS = {
        0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 0
    };
    private static final int[] MPEG2_L3_KBPS = {
        0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160, 0
    };
    private static final int[][] SAMPLE_RATES = {
        {11025, 12000, 8000, 0}, {0, 0, 0, 0}, {22050, 24000, 16000, 0}, {44100, 48000, 32000, 0}
    };

    /** The length of the layer III frame whose header starts at {@code at}, or 0. */
    private static int frameLength(byte[] file, int at) {
        if (at + 4 > file.length || (file[at] & 0xFF) != 0xFF || (file[at + 1] & 0xE0) != 0xE0) {
            return 0;
        }
        int version = (file[at + 1] >> 3) & 0x03; // 3 = MPEG1, 2 = MPEG2, 0 = MPEG2.5
        int layer = (file[at + 1] >> 1) & 0x03; // 1 = layer III
        int bitrateIndex = (file[at + 2] >> 4) & 0x0F;
        int rateIndex = (file[at + 2] >> 2) & 0x03;
        int padding = (file[at + 2] >> 1) & 0x01;
        if (version == 1 || layer != 1) {
            return 0;
        }
        int kbps = version == 3 ? MPEG1_L3_KBPS[bitrateIndex] : MPEG2_L3_KBPS[bitrateIndex];
        int rate = SAMPLE_RATES[version][rateIndex];
        if (kbps == 0 || rate == 0) {
            return 0;
        }
        int coefficient = version == 3 ? 144 : 72;
        return coefficient * kbps * 1000 / rate + padding;
    }

    /** A PDF's last {@code %%EOF} is followed by nothing but white space. */
    private static void pdfEnds(byte[] file) {
        String tail =
                new String(
                        file,
                        Math.max(0, file.length - 1024),
                        Math.min(1024, file.length),
                        StandardCharsets.ISO_8859_1);
        int eof = tail.lastIndexOf("%%EOF");
        if (eof < 0 || !tail.substring(eof + 5).isBlank()) {
            throw malformed("the PDF does not end with %%EOF");
        }
    }

    private static long u32(byte[] b, int at) {
        return ((long) (b[at] & 0xFF) << 24)
                | ((b[at + 1] & 0xFF) << 16)
                | ((b[at + 2] & 0xFF) << 8)
                | (b[at + 3] & 0xFF);
    }

    private static long u32le(byte[] b, int at) {
        return ((long) (b[at + 3] & 0xFF) << 24)
                | ((b[at + 2] & 0xFF) << 16)
                | ((b[at + 1] & 0xFF) << 8)
                | (b[at] & 0xFF);
    }

    private static MediaRejectedException malformed(String why) {
        return new MediaRejectedException(Reason.MALFORMED, why);
    }
}
