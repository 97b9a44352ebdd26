package com.buildcrm.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.buildcrm.config.ScaleOutSettings.MediaStorage;
import com.buildcrm.config.ScaleOutSettings.MediaStoreKind;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The S3 store's start-up check, without a store: an endpoint nobody listens on is refused at once,
 * with one line naming the bucket and the endpoint. (The store itself is exercised against S3Mock
 * by ScaleOutIT.)
 */
class S3MediaBackendTest {

    @Test
    void anUnreachableEndpointFailsTheCheckWithOneLineAtOnce() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        MediaStorage storage =
                new MediaStorage(
                        MediaStoreKind.S3,
                        Optional.of(URI.create("http://127.0.0.1:" + port)),
                        "media",
                        "us-east-1",
                        "key",
                        "secret",
                        true);
        MediaStore store =
                MediaStore.configured(
                        storage, Files.createTempDirectory("s3-check-"), Clock.systemUTC());
        Instant started = Instant.now();
        assertThatThrownBy(store::check)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith(
                        "media storage s3://media at http://127.0.0.1:"
                                + port
                                + " is not reachable")
                .hasMessageNotContaining("\n")
                .hasMessageNotContaining("secret");
        assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(30));
    }
}
