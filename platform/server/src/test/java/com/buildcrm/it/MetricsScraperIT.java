package com.buildcrm.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildcrm.it.Api.Reply;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code /metrics} is never open: not while the server starts, and afterwards a scraper gets in
 * only with {@code BUILDCRM_METRICS_TOKEN} as its HTTP Basic password.
 */
class MetricsScraperIT {

    private static final String TOKEN = "scrape-token-0123456789";

    @Test
    void theMetricsTokenLetsAScraperInAndNothingElseDoes() {
        try (ServerProcess server =
                ServerProcess.startFresh(Map.of("BUILDCRM_METRICS_TOKEN", TOKEN))) {
            Api api = server.api();
            Reply scraper = metrics(api, "prometheus:" + TOKEN);
            assertThat(scraper.status()).as(scraper.toString()).isEqualTo(200);
            assertThat(scraper.body()).contains("# TYPE");

            Reply wrong = metrics(api, "prometheus:not-the-token");
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.contentType()).startsWith("application/problem+json");
            assertThat(wrong.body()).doesNotContain("# TYPE");

            assertThat(api.get("/metrics", null).status()).isEqualTo(401);
        }
    }

    @Test
    void metricsAreClosedWhileTheServerStarts() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("buildcrm-it-");
        Process process =
                ServerProcess.launchRaw(
                        dir,
                        Map.of("BUILDCRM_PORT", Integer.toString(port)),
                        dir.resolve("launch.log"),
                        "--rootdir",
                        dir.resolve("payara").toString());
        Api api = new Api("http://127.0.0.1:" + port);
        java.util.List<Integer> seen = new java.util.ArrayList<>();
        try {
            java.time.Instant deadline = java.time.Instant.now().plusSeconds(240);
            boolean ready = false;
            while (!ready && java.time.Instant.now().isBefore(deadline) && process.isAlive()) {
                try {
                    seen.add(api.get("/metrics", null).status());
                    ready = api.get("/health/ready", null).status() == 200;
                } catch (RuntimeException notListening) {
                    // not accepting connections yet
                }
                // polling a process we do not control: there is no event to await
                process.waitFor(100, java.util.concurrent.TimeUnit.MILLISECONDS);
            }
            assertThat(ready).as("the server became ready").isTrue();
            assertThat(seen)
                    .as("/metrics without credentials, from the first answer on")
                    .containsOnly(401);
        } finally {
            process.destroy();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static Reply metrics(Api api, String userAndPassword) {
        return api.raw(
                HttpRequest.newBuilder(api.uri("/metrics"))
                        .header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString(
                                                        userAndPassword.getBytes(
                                                                StandardCharsets.UTF_8))));
    }
}
