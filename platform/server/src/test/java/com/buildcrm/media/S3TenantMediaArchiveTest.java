package com.buildcrm.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildcrm.config.ScaleOutSettings.MediaStorage;
import com.buildcrm.config.ScaleOutSettings.MediaStoreKind;
import com.buildcrm.provisioner.TenantMediaFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A tenant archive's media with {@code BUILDCRM_MEDIA_STORE=s3} (ADR 029), against S3Mock (Maven
 * Central's executable jar, a local process): the export reads the bucket's objects in the data
 * directory's layout (file + {@code .meta} sidecar), so an archive made on S3 imports onto a disk
 * and one made on a disk imports into S3 — bytes, type and original name intact, under the new
 * tenant's id; a failed import's cleanup removes only that tenant's objects. {@code TenantArchive}
 * itself (the rows) is tested on real PostgreSQL by the provisioner's TenantArchiveTest and
 * TenantArchiveIT.
 */
class S3TenantMediaArchiveTest {

    private static final String BUCKET = "archive-media";
    private static Process s3mock;
    private static MediaStore s3;
    private static MediaStore disk;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory("s3-archive-");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path log = dir.resolve("s3mock.log");
        s3mock =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-Xmx256m",
                                "-XX:TieredStopAtLevel=1",
                                "-jar",
                                System.getProperty("s3mock.jar", "target/s3mock.jar"),
                                "--server.port=0",
                                "--com.adobe.testing.s3mock.http-port=" + port,
                                "--com.adobe.testing.s3mock.store.initial-buckets=" + BUCKET,
                                "--com.adobe.testing.s3mock.store.root=" + dir.resolve("store"),
                                "--spring.main.banner-mode=off")
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
        awaitBucket(port, log);
        s3 =
                MediaStore.configured(
                        new MediaStorage(
                                MediaStoreKind.S3,
                                Optional.of(URI.create("http://127.0.0.1:" + port)),
                                BUCKET,
                                "us-east-1",
                                "test-access",
                                "test-secret",
                                true),
                        dir.resolve("s3-data"),
                        Clock.systemUTC());
        s3.check();
        disk = new MediaStore(dir.resolve("disk-data"), Clock.systemUTC());
    }

    /** Polls the process we do not control until its bucket answers: no event to await. */
    private static void awaitBucket(int port, Path log) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (!s3mock.isAlive()) {
                throw new IllegalStateException("S3Mock exited\n" + Files.readString(log));
            }
            try {
                int status =
                        http.send(
                                        HttpRequest.newBuilder(
                                                        URI.create(
                                                                "http://127.0.0.1:"
                                                                        + port
                                                                        + "/"
                                                                        + BUCKET))
                                                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                                                .timeout(Duration.ofSeconds(2))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode();
                if (status == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            s3mock.waitFor(200, TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException("S3Mock not up\n" + Files.readString(log));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (s3mock != null) {
            s3mock.destroy();
            if (!s3mock.waitFor(20, TimeUnit.SECONDS)) {
                s3mock.destroyForcibly();
            }
        }
    }

    @Test
    void mediaTravelFromTheBucketToADiskAndBackUnderNewTenantIds() throws Exception {
        byte[] png = Samples.png();
        StoredMedia stored =
                s3.store("7", new ByteArrayInputStream(png), null, "дом 8×10.png", 1 << 20);
        // a tenant whose id starts with the same digit: not part of tenant 7's archive
        StoredMedia neighbour =
                s3.store("70", new ByteArrayInputStream(png), null, "x.png", 1 << 20);

        TenantMediaFiles fromS3 = s3.archiveFiles();
        List<String> paths = fromS3.list(7);
        String file =
                stored.id().substring(0, 4) + "/" + stored.id().substring(4, 6) + "/" + stored.id();
        assertThat(paths).containsExactly(file, file + ".meta");

        // export from S3, import onto a disk as tenant 12 (the order TenantArchive uses: sorted)
        TenantMediaFiles toDisk = disk.archiveFiles();
        copy(fromS3, 7, toDisk, 12, paths);
        assertThat(disk.find("12", stored.id()))
                .hasValueSatisfying(
                        m -> {
                            assertThat(m.originalName()).isEqualTo("дом 8×10.png");
                            assertThat(m.mimeType()).isEqualTo("image/png");
                            assertThat(m.sha256()).isEqualTo(stored.sha256());
                        });
        assertThat(bytes(disk, "12", stored.id())).isEqualTo(png);

        // export from the disk, import into S3 as tenant 13, the sidecar first this time
        List<String> diskPaths = toDisk.list(12);
        assertThat(diskPaths).containsExactlyInAnyOrder(file, file + ".meta");
        TenantMediaFiles toS3 = s3.archiveFiles();
        List<String> sidecarFirst = new java.util.ArrayList<>(diskPaths);
        sidecarFirst.sort(java.util.Comparator.reverseOrder());
        copy(toDisk, 12, toS3, 13, sidecarFirst);
        assertThat(s3.find("13", stored.id()))
                .hasValueSatisfying(
                        m -> {
                            assertThat(m.originalName()).isEqualTo("дом 8×10.png");
                            assertThat(m.tenantId()).isEqualTo("13");
                        });
        assertThat(bytes(s3, "13", stored.id())).isEqualTo(png);

        // an import that did not finish is undone: tenant 13's objects go, nobody else's
        toS3.deleteAll(13);
        assertThat(s3.find("13", stored.id())).isEmpty();
        assertThat(s3.archiveFiles().list(13)).isEmpty();
        assertThat(s3.find("7", stored.id())).isPresent();
        assertThat(s3.find("70", neighbour.id())).isPresent();
    }

    @Test
    void aFileWithoutItsSidecarIsNotPublished() throws Exception {
        TenantMediaFiles files = s3.archiveFiles();
        files.put(21, "2026/12/202612-" + "0".repeat(32), new ByteArrayInputStream(Samples.png()));
        files.complete(21);
        assertThat(files.list(21)).isEmpty();
    }

    private static void copy(
            TenantMediaFiles from, long fromId, TenantMediaFiles to, long toId, List<String> paths)
            throws IOException {
        for (String path : paths) {
            try (InputStream in = from.open(fromId, path)) {
                to.put(toId, path, in);
            }
        }
        to.complete(toId);
    }

    private static byte[] bytes(MediaStore store, String tenant, String id) throws IOException {
        try (MediaContent content = store.open(tenant, id).orElseThrow()) {
            return content.stream().readAllBytes();
        }
    }
}
