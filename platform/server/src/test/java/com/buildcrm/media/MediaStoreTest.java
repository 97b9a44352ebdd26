package com.buildcrm.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.buildcrm.media.MediaRejectedException.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaStoreTest {

    private static final long MB = 1024 * 1024;
    private static final Instant NOW = Instant.parse("2024-05-17T10:15:30Z");

    @TempDir Path dataDir;

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    private MediaStore store() {
        return new MediaStore(dataDir, clock);
    }

    @Test
    void storedFileLivesUnderTenantYearMonthAndARandomId() {
        StoredMedia media = store().store("42", in(Samples.png()), "image/png", "фото.png", MB);

        assertThat(media.id()).matches("202405-[0-9a-f]{32}");
        assertThat(dataDir.resolve("media/42/2024/05").resolve(media.id()))
                .hasBinaryContent(Samples.png());
        assertThat(dataDir.resolve("media/42/2024/05").resolve(media.id() + ".meta")).exists();
        assertThat(media.tenantId()).isEqualTo("42");
        assertThat(media.storedAt()).isEqualTo(NOW);
    }

    @Test
    void metadataCarriesTypeSizeHashAndOriginalName() throws Exception {
        byte[] pdf = Samples.pdf();

        StoredMedia media = store().store("42", in(pdf), "application/pdf", "Прайс 2024.pdf", MB);

        assertThat(media.mimeType()).isEqualTo("application/pdf");
        assertThat(media.format()).isEqualTo(MediaFormat.PDF);
        assertThat(media.size()).isEqualTo(pdf.length);
        assertThat(media.sha256()).isEqualTo(sha256(pdf));
        assertThat(media.originalName()).isEqualTo("Прайс 2024.pdf");
        assertThat(store().find("42", media.id())).contains(media);
    }

    @Test
    void openedMediaStreamsTheSameBytesAndMetadata() throws Exception {
        byte[] ogg = Samples.oggOpus();
        StoredMedia media = store().store("7", in(ogg), "audio/ogg; codecs=opus", "voice.ogg", MB);

        try (MediaContent content = store().open("7", media.id()).orElseThrow()) {
            assertThat(content.stream().readAllBytes()).isEqualTo(ogg);
            assertThat(content.media()).isEqualTo(media);
            assertThat(content.media().mimeType()).isEqualTo("audio/ogg");
        }
    }

    @Test
    void twoUploadsOfTheSameBytesGetDifferentIds() {
        StoredMedia first = store().store("42", in(Samples.jpeg()), "image/jpeg", "a.jpg", MB);
        StoredMedia second = store().store("42", in(Samples.jpeg()), "image/jpeg", "a.jpg", MB);

        assertThat(first.id()).isNotEqualTo(second.id());
        assertThat(first.sha256()).isEqualTo(second.sha256());
    }

    @Test
    void everyAcceptedFormatIsStoredWithItsDetectedType() {
        List<byte[]> samples =
                List.of(
                        Samples.jpeg(),
                        Samples.png(),
                        Samples.gif(),
                        Samples.webp(),
                        Samples.mp4(),
                        Samples.oggOpus(),
                        Samples.mp3WithId3(),
                        Samples.pdf());

        assertThat(samples.stream().map(s -> store().store("1", in(s), null, null, MB).format()))
                .containsExactly(
                        MediaFormat.JPEG,
                        MediaFormat.PNG,
                        MediaFormat.GIF,
                        MediaFormat.WEBP,
                        MediaFormat.MP4,
                        MediaFormat.OGG,
                        MediaFormat.MP3,
                        MediaFormat.PDF);
    }

    @Test
    void undeclaredOrGenericTypeTakesTheDetectedOne() {
        assertThat(
                        store().store("1", in(Samples.webp()), "application/octet-stream", "x", MB)
                                .mimeType())
                .isEqualTo("image/webp");
        assertThat(store().store("1", in(Samples.mp3Frame()), " ", "x", MB).mimeType())
                .isEqualTo("audio/mpeg");
    }

    @Test
    void declaredTypeThatContradictsTheBytesIsRefused() {
        assertRejected(
                () -> store().store("42", in(Samples.png()), "image/jpeg", "x.jpg", MB),
                Reason.TYPE_MISMATCH);
        assertRejected(
                () -> store().store("42", in(Samples.pdf()), "audio/mpeg", "x.mp3", MB),
                Reason.TYPE_MISMATCH);
        assertThat(filesUnder(dataDir)).isEmpty();
    }

    @Test
    void typeOffTheAllowListIsRefused() {
        assertRejected(
                () -> store().store("42", in(Samples.html()), "text/html", "x.html", MB),
                Reason.TYPE_NOT_ALLOWED);
        assertRejected(
                () -> store().store("42", in("<svg/>".getBytes()), "image/svg+xml", "x.svg", MB),
                Reason.TYPE_NOT_ALLOWED);
        MediaStore imagesOnly =
                new MediaStore(dataDir, clock, EnumSet.of(MediaFormat.JPEG, MediaFormat.PNG));
        assertRejected(
                () -> imagesOnly.store("42", in(Samples.pdf()), null, "x.pdf", MB),
                Reason.TYPE_NOT_ALLOWED);
        assertRejected(
                () -> imagesOnly.store("42", in(Samples.pdf()), "application/pdf", "x.pdf", MB),
                Reason.TYPE_NOT_ALLOWED);
        assertThat(filesUnder(dataDir)).isEmpty();
    }

    @Test
    void unrecognisedBytesAreRefusedEvenWhenDeclaredAsAnImage() {
        assertRejected(
                () -> store().store("42", in(Samples.html()), "image/png", "x.png", MB),
                Reason.UNRECOGNISED);
        assertRejected(
                () -> store().store("42", in(Samples.quickTime()), "video/mp4", "x.mov", MB),
                Reason.UNRECOGNISED);
    }

    @Test
    void emptyUploadIsRefused() {
        assertRejected(
                () -> store().store("42", in(new byte[0]), "image/png", "x.png", MB), Reason.EMPTY);
    }

    @Test
    void fileAtTheLimitIsAcceptedAndOneByteMoreIsRefused() {
        byte[] png = Samples.png();

        assertThat(store().store("42", in(png), "image/png", "x", png.length).size())
                .isEqualTo(png.length);
        assertRejected(
                () -> store().store("42", in(png), "image/png", "x", png.length - 1),
                Reason.TOO_LARGE);
    }

    @Test
    void sizeLimitIsEnforcedWhileStreamingAndLeavesNothingBehind() {
        EndlessPng endless = new EndlessPng();

        assertRejected(
                () -> store().store("42", endless, "image/png", "huge.png", 200_000),
                Reason.TOO_LARGE);

        // stopped soon after the limit: never read everything first
        assertThat(endless.served).isLessThan(200_000 + 128 * 1024);
        assertThat(filesUnder(dataDir)).isEmpty();
    }

    @Test
    void originalNameNeverReachesAPath() {
        StoredMedia media =
                store().store(
                                "42",
                                in(Samples.jpeg()),
                                "image/jpeg",
                                "../../../etc/passwd\u202Egpj.exe",
                                MB);

        assertThat(media.originalName()).isEqualTo("passwdgpj.exe");
        assertThat(filesUnder(dataDir))
                .allSatisfy(
                        p ->
                                assertThat(p.getFileName().toString())
                                        .matches("202405-[0-9a-f]{32}(\\.meta)?"));
        assertThat(
                        store().store("42", in(Samples.jpeg()), null, "C:\\fakepath\\фото.jpg", MB)
                                .originalName())
                .isEqualTo("фото.jpg");
    }

    @Test
    void pathTraversalInTenantOrMediaIdIsRefused() {
        StoredMedia media = store().store("42", in(Samples.png()), "image/png", "x.png", MB);
        MediaStore store = store();

        for (String tenant :
                List.of("..", "../42", "42/..", "4 2", "", "42\u0000", "a/b", "%2e%2e")) {
            assertThatThrownBy(() -> store.store(tenant, in(Samples.png()), "image/png", "x", MB))
                    .as(tenant)
                    .isInstanceOf(IllegalArgumentException.class);
            // reading with an unsafe id is "no such media", never an error (no 500 at the edge)
            assertThat(store.open(tenant, media.id())).as(tenant).isEmpty();
            assertThat(store.find(tenant, media.id())).as(tenant).isEmpty();
            assertThat(store.delete(tenant, media.id())).as(tenant).isFalse();
        }
        for (String id :
                List.of(
                        "../42/2024/05/" + media.id(),
                        "2024/05/" + media.id(),
                        media.id() + ".meta",
                        "..")) {
            assertThat(store.open("42", id)).as(id).isEmpty();
            assertThat(store.find("42", id)).as(id).isEmpty();
        }
        for (String id : List.of("../../keys/master.key", "..%2F..%2Fkeys", "x\u0000")) {
            assertThat(store.find("42", id)).as(id).isEmpty();
        }
        assertThat(store.find("42", media.id())).isPresent();
        assertThatThrownBy(() -> store.store(null, in(Samples.png()), "image/png", "x", MB))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tenantCannotOpenAnotherTenantsMedia() {
        StoredMedia ofA = store().store("1", in(Samples.jpeg()), "image/jpeg", "a.jpg", MB);
        store().store("2", in(Samples.png()), "image/png", "b.png", MB);

        assertThat(store().open("2", ofA.id())).isEmpty();
        assertThat(store().find("2", ofA.id())).isEmpty();
        assertThat(store().delete("2", ofA.id())).isFalse();
        assertThat(store().open("1", ofA.id())).isPresent().get().satisfies(this::close);
    }

    @Test
    void unknownOrOddlyShapedIdsFindNothing() {
        assertThat(store().open("42", "202405-" + "0".repeat(32))).isEmpty();
        assertThat(store().open("42", "not-a-media-id")).isEmpty();
        assertThat(store().find("42", "999999-" + "a".repeat(32))).isEmpty();
    }

    @Test
    void deletedMediaIsGone() {
        StoredMedia media = store().store("42", in(Samples.gif()), "image/gif", "a.gif", MB);

        assertThat(store().delete("42", media.id())).isTrue();
        assertThat(store().open("42", media.id())).isEmpty();
        assertThat(store().delete("42", media.id())).isFalse();
    }

    @Test
    void safeIdsAreLettersDigitsDashAndUnderscore() {
        assertThat(MediaStore.isSafeId("tenant_42-a")).isTrue();
        assertThat(MediaStore.isSafeId("a.b")).isFalse();
        assertThat(MediaStore.isSafeId("x".repeat(65))).isFalse();
        assertThat(MediaStore.isSafeId(null)).isFalse();
    }

    private void close(MediaContent content) {
        try {
            content.close();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertRejected(Runnable upload, Reason reason) {
        assertThatThrownBy(upload::run)
                .isInstanceOf(MediaRejectedException.class)
                .satisfies(
                        e -> assertThat(((MediaRejectedException) e).reason()).isEqualTo(reason));
    }

    private static InputStream in(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    private static List<Path> filesUnder(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** A PNG header followed by 8 MB of zeros (endless enough), counting what was read. */
    private static final class EndlessPng extends InputStream {
        private static final long END = 8 * MB;
        private final byte[] header = Samples.png();
        long served;

        @Override
        public int read() {
            if (served >= END) {
                return -1;
            }
            return served < header.length ? header[(int) served++] & 0xFF : zero();
        }

        private int zero() {
            served++;
            return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (served >= END) {
                return -1;
            }
            int n = (int) Math.min(len, END - served);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) read();
            }
            return n;
        }
    }
}
