package com.buildcrm.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MediaFormatTest {

    @Test
    void everyAcceptedFormatIsRecognisedByItsMagicBytes() {
        assertThat(sniff(Samples.jpeg())).contains(MediaFormat.JPEG);
        assertThat(sniff(Samples.png())).contains(MediaFormat.PNG);
        assertThat(sniff(Samples.gif())).contains(MediaFormat.GIF);
        assertThat(sniff(Samples.webp())).contains(MediaFormat.WEBP);
        assertThat(sniff(Samples.mp4())).contains(MediaFormat.MP4);
        assertThat(sniff(Samples.oggOpus())).contains(MediaFormat.OGG);
        assertThat(sniff(Samples.mp3WithId3())).contains(MediaFormat.MP3);
        assertThat(sniff(Samples.mp3Frame())).contains(MediaFormat.MP3);
        assertThat(sniff(Samples.pdf())).contains(MediaFormat.PDF);
    }

    @Test
    void lookalikesAreNotRecognised() {
        assertThat(sniff(Samples.html())).isEmpty();
        assertThat(sniff(Samples.quickTime())).isEmpty();
        assertThat(sniff(Samples.bytes("RIFF", new int[] {4, 0, 0, 0}, "WAVE"))).isEmpty();
        assertThat(sniff(Samples.bytes("OggS", new int[] {0, 2}))).isEmpty();
        // an AAC (ADTS) frame sync is not MPEG layer III
        assertThat(sniff(Samples.bytes(new int[] {0xFF, 0xF1, 0x50, 0x80}))).isEmpty();
        assertThat(sniff(new byte[] {(byte) 0xFF})).isEmpty();
        assertThat(sniff(new byte[0])).isEmpty();
    }

    @Test
    void declaredTypesAreReadWithoutCaseParametersOrCommonAliases() {
        assertThat(MediaFormat.forMimeType("audio/ogg; codecs=opus")).contains(MediaFormat.OGG);
        assertThat(MediaFormat.forMimeType("IMAGE/JPEG")).contains(MediaFormat.JPEG);
        assertThat(MediaFormat.forMimeType("image/jpg")).contains(MediaFormat.JPEG);
        assertThat(MediaFormat.forMimeType("audio/mp3")).contains(MediaFormat.MP3);
        assertThat(MediaFormat.forMimeType("image/svg+xml")).isEmpty();
        assertThat(MediaFormat.forMimeType(null)).isEmpty();
    }

    @Test
    void kindTellsHowAMessageCarriesIt() {
        assertThat(MediaFormat.WEBP.kind()).isEqualTo(MediaFormat.Kind.IMAGE);
        assertThat(MediaFormat.MP4.kind()).isEqualTo(MediaFormat.Kind.VIDEO);
        assertThat(MediaFormat.OGG.kind()).isEqualTo(MediaFormat.Kind.AUDIO);
        assertThat(MediaFormat.PDF.kind()).isEqualTo(MediaFormat.Kind.DOCUMENT);
    }

    private static Optional<MediaFormat> sniff(byte[] bytes) {
        return MediaFormat.sniff(bytes, bytes.length);
    }
}
