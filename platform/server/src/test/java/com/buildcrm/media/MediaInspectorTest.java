package com.buildcrm.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class MediaInspectorTest {

    private static final byte[] HTML =
            "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
                    .getBytes(StandardCharsets.US_ASCII);

    @Test
    void realPicturesPass() throws IOException {
        for (String format : new String[] {"png", "jpeg", "gif"}) {
            byte[] file = picture(format, 640, 480);
            MediaFormat sniffed = MediaFormat.sniff(file, file.length).orElseThrow();
            assertThatCode(() -> MediaInspector.check(sniffed, file))
                    .as(format)
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void aPictureWithAPageBehindItIsRefused() throws IOException {
        for (String format : new String[] {"png", "jpeg", "gif"}) {
            byte[] file = concat(picture(format, 32, 32), HTML);
            MediaFormat sniffed = MediaFormat.sniff(file, file.length).orElseThrow();
            assertMalformed(sniffed, file);
        }
    }

    @Test
    void aPngGoingOnAfterIendIsRefusedEvenWithoutMarkup() throws IOException {
        assertMalformed(MediaFormat.PNG, concat(picture("png", 8, 8), new byte[] {1, 2, 3, 4}));
    }

    @Test
    void aPictureThatOnlyStartsRightIsRefused() {
        byte[] png = Arrays.copyOf(Samples.png(), 200);
        assertMalformed(MediaFormat.PNG, png);
        assertMalformed(MediaFormat.JPEG, Arrays.copyOf(Samples.jpeg(), 300));
        assertMalformed(MediaFormat.GIF, Samples.gif());
    }

    @Test
    void markupIsFoundInAnyCase() {
        assertThat(MediaInspector.containsHtml("xx<ScRiPt>".getBytes(StandardCharsets.US_ASCII)))
                .isTrue();
        assertThat(
                        MediaInspector.containsHtml(
                                "JavaScript:alert(1)".getBytes(StandardCharsets.US_ASCII)))
                .isTrue();
        assertThat(
                        MediaInspector.containsHtml(
                                "a < b, scripts".getBytes(StandardCharsets.US_ASCII)))
                .isFalse();
    }

    @Test
    void aRealVoiceNotePassesAndOneWithAPageBehindItDoesNot() throws IOException {
        byte[] ogg = voiceNote();
        assertThatCode(() -> MediaInspector.check(MediaFormat.OGG, ogg)).doesNotThrowAnyException();
        assertMalformed(MediaFormat.OGG, concat(ogg, HTML));
        assertMalformed(MediaFormat.OGG, concat(ogg, new byte[] {'O', 'g', 'g'}));
        assertMalformed(MediaFormat.OGG, Arrays.copyOf(ogg, ogg.length - 10));
    }

    @Test
    void webpMustBeAChunkedRiffFillingTheFile() {
        byte[] webp = webp(new byte[] {0x2F, 0, 0, 0, 0});
        assertThatCode(() -> MediaInspector.check(MediaFormat.WEBP, webp))
                .doesNotThrowAnyException();
        assertMalformed(MediaFormat.WEBP, concat(webp, HTML));
        assertMalformed(MediaFormat.WEBP, Samples.webp());
    }

    @Test
    void mp4MustBeBoxesFillingTheFileWithAMovie() {
        byte[] mp4 = concat(box("ftyp", "isom\0\0\2\0isommp41"), box("moov", "xxxxxxxx"));
        byte[] withData = concat(mp4, box("mdat", "0123456789"));
        assertThatCode(() -> MediaInspector.check(MediaFormat.MP4, withData))
                .doesNotThrowAnyException();
        assertMalformed(MediaFormat.MP4, concat(withData, HTML));
        assertMalformed(MediaFormat.MP4, Samples.mp4()); // no moov
        assertMalformed(MediaFormat.MP4, concat(mp4, new byte[] {0, 0, 1, 0, 'm', 'd', 'a', 't'}));
    }

    @Test
    void mp3MustStartWithConsecutiveFrames() {
        // MPEG1 layer III, 128 kbit/s, 44.1 kHz, no padding: 417 bytes a frame
        byte[] frame = Arrays.copyOf(new byte[] {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0x64}, 417);
        byte[] mp3 = concat(concat(frame, frame), frame);
        assertThatCode(() -> MediaInspector.check(MediaFormat.MP3, mp3)).doesNotThrowAnyException();
        byte[] id3 = concat(new byte[] {'I', 'D', '3', 3, 0, 0, 0, 0, 0, 4, 0, 0, 0, 0}, mp3);
        assertThatCode(() -> MediaInspector.check(MediaFormat.MP3, id3)).doesNotThrowAnyException();
        assertMalformed(MediaFormat.MP3, Samples.mp3WithId3());
        assertMalformed(MediaFormat.MP3, concat(Arrays.copyOf(frame, 417), new byte[500]));
        assertMalformed(MediaFormat.MP3, concat(mp3, HTML));
    }

    @Test
    void aPdfMustEndWithEof() {
        assertThatCode(() -> MediaInspector.check(MediaFormat.PDF, Samples.pdf()))
                .doesNotThrowAnyException();
        assertMalformed(MediaFormat.PDF, concat(Samples.pdf(), HTML));
        assertMalformed(
                MediaFormat.PDF,
                concat(Samples.pdf(), "trailing".getBytes(StandardCharsets.US_ASCII)));
    }

    private static void assertMalformed(MediaFormat format, byte[] file) {
        assertThatThrownBy(() -> MediaInspector.check(format, file))
                .as(format.name())
                .isInstanceOfSatisfying(
                        MediaRejectedException.class,
                        e ->
                                assertThat(e.reason())
                                        .isEqualTo(MediaRejectedException.Reason.MALFORMED));
    }

    private static byte[] picture(String format, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(Color.BLUE);
        g.fillOval(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, format, out)).isTrue();
        return out.toByteArray();
    }

    private static byte[] webp(byte[] vp8l) {
        byte[] chunk = concat(ascii("VP8L"), le32(vp8l.length));
        chunk = concat(chunk, vp8l);
        if ((vp8l.length & 1) == 1) {
            chunk = concat(chunk, new byte[1]);
        }
        byte[] body = concat(ascii("WEBP"), chunk);
        return concat(concat(ascii("RIFF"), le32(body.length)), body);
    }

    private static byte[] box(String type, String payload) {
        byte[] data = payload.getBytes(StandardCharsets.ISO_8859_1);
        return concat(
                ByteBuffer.allocate(8).putInt(8 + data.length).put(ascii(type)).array(), data);
    }

    private static byte[] le32(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] voiceNote() throws IOException {
        try (InputStream in =
                MediaInspectorTest.class.getResourceAsStream(
                        "/fixtures/chatflow/inbound-voice.json")) {
            return Base64.getDecoder()
                    .decode(
                            Json.createReader(in)
                                    .readObject()
                                    .getJsonObject("mediaData")
                                    .getString("base64"));
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
