package com.buildcrm.media;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Small byte samples shaped like the real formats' headers (magic numbers first). */
final class Samples {

    private Samples() {}

    static byte[] jpeg() {
        return bytes(
                new int[] {0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10},
                "JFIF",
                new int[] {0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xFF, 0xD9});
    }

    static byte[] png() {
        return bytes(
                new int[] {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D},
                "IHDR",
                new int[] {0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, 0xC4, 0x89});
    }

    static byte[] gif() {
        return bytes(new int[0], "GIF89a", new int[] {1, 0, 1, 0, 0x80, 0, 0, 0x3B});
    }

    static byte[] webp() {
        return bytes(
                new int[0],
                "RIFF",
                new int[] {0x1A, 0, 0, 0},
                "WEBPVP8L",
                new int[] {0x0D, 0, 0, 0, 0x2F});
    }

    static byte[] mp4() {
        return bytes(
                new int[] {0, 0, 0, 0x18},
                "ftypisom",
                new int[] {0, 0, 2, 0},
                "isommp41",
                new int[] {0, 0, 0, 8},
                "free");
    }

    static byte[] quickTime() {
        return bytes(new int[] {0, 0, 0, 0x14}, "ftypqt  ", new int[] {0, 0, 2, 0}, "qt  ");
    }

    /** The first page of an Ogg stream holding an Opus identification header. */
    static byte[] oggOpus() {
        return bytes(
                new int[0],
                "OggS",
                new int[] {
                    0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0x12, 0x34, 0x56, 0x78, 0, 0, 0, 0, 0xAB, 0xCD,
                    0xEF, 0x01, 1, 19
                },
                "OpusHead",
                new int[] {1, 1, 0x38, 1, 0x80, 0xBB, 0, 0, 0, 0, 0});
    }

    static byte[] mp3WithId3() {
        return bytes(new int[0], "ID3", new int[] {3, 0, 0, 0, 0, 0, 0, 0xFF, 0xFB, 0x90, 0x64});
    }

    static byte[] mp3Frame() {
        return bytes(new int[] {0xFF, 0xFB, 0x90, 0x64, 0, 0, 0, 0});
    }

    static byte[] pdf() {
        return bytes(new int[0], "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n");
    }

    static byte[] html() {
        return "<!doctype html><script>alert(1)</script>".getBytes(StandardCharsets.US_ASCII);
    }

    /** Concatenates int[] (byte values) and String (ASCII) parts. */
    static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof int[] values) {
                for (int v : values) {
                    out.write(v);
                }
            } else {
                out.writeBytes(((String) part).getBytes(StandardCharsets.US_ASCII));
            }
        }
        return out.toByteArray();
    }
}
