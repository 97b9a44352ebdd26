package com.buildcrm.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * How the uber jar starts and stops (the run contract, ADR 026): the port comes from {@code
 * BUILDCRM_PORT} or {@code PORT} alone; a start that cannot succeed (a taken port, a malformed
 * {@code DATABASE_URL}, a refused deployment) ends the process with a non-zero status and its cause
 * on one line — never a server that hangs without a listener or without the application; the
 * console is quiet with the banner last, or JSON lines; SIGTERM drains and exits 0.
 */
class LaunchIT {

    @Test
    void aTakenPortEndsTheProcessWithTheCauseOnOneLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            int port = taken.getLocalPort();
            Path dir = Files.createTempDirectory("buildcrm-it-");
            Path output = dir.resolve("launch.log");
            Process process =
                    ServerProcess.launchRaw(
                            dir,
                            Map.of("BUILDCRM_PORT", Integer.toString(port)),
                            output,
                            "--rootdir",
                            dir.resolve("payara").toString());
            try {
                assertThat(process.waitFor(120, TimeUnit.SECONDS))
                        .as("the process ends instead of hanging\n" + tail(output))
                        .isTrue();
                assertThat(process.exitValue()).isNotZero();
                assertThat(Files.readAllLines(output))
                        .anySatisfy(
                                line ->
                                        assertThat(line)
                                                .startsWith("BuildCRM failed to start:")
                                                .contains("port " + port)
                                                .contains("in use"));
            } finally {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void aStartTheApplicationRefusesEndsTheProcessWithTheCauseOnOneLine() throws Exception {
        Path dir = Files.createTempDirectory("buildcrm-it-");
        Path output = dir.resolve("launch.log");
        Process process =
                ServerProcess.launchRaw(
                        dir,
                        Map.of(
                                "BUILDCRM_PORT",
                                Integer.toString(freePort()),
                                "BUILDCRM_MASTER_KEY",
                                "not-a-key"),
                        output,
                        "--rootdir",
                        dir.resolve("payara").toString());
        try {
            assertThat(process.waitFor(240, TimeUnit.SECONDS))
                    .as(
                            "the process ends instead of running without the application\n"
                                    + tail(output))
                    .isTrue();
            assertThat(process.exitValue()).isNotZero();
            assertThat(Files.readAllLines(output))
                    .anySatisfy(
                            line ->
                                    assertThat(line)
                                            .startsWith("BuildCRM failed to start:")
                                            .contains("BUILDCRM_MASTER_KEY is malformed"));
        } finally {
            process.destroyForcibly();
        }
    }

    /** PORT alone picks the port; this start also logs JSON lines (BUILDCRM_LOG_FORMAT=json). */
    @Test
    void portAloneChoosesTheListeningPortAndJsonLogsAreOneObjectPerLine() throws Exception {
        try (ServerProcess server =
                ServerProcess.startFreshWithPortFrom(
                        "PORT", Map.of("BUILDCRM_LOG_FORMAT", "json"))) {
            assertThat(server.api().get("/health/ready", null).status()).isEqualTo(200);
            String banner = awaitBanner(server);
            assertThat(banner).contains(server.baseUrl().replace("127.0.0.1", "localhost"));
            List<String> lines = server.log().lines().filter(l -> !l.isBlank()).toList();
            int bannerLine = -1;
            for (int i = 0; i < lines.size() && bannerLine < 0; i++) {
                jakarta.json.JsonObject json;
                try (var reader = jakarta.json.Json.createReader(new StringReader(lines.get(i)))) {
                    json = reader.readObject();
                } catch (RuntimeException e) {
                    throw new AssertionError(
                            "line " + i + " is no JSON object: " + lines.get(i), e);
                }
                assertThat(json.keySet()).contains("time", "level", "logger", "message");
                java.time.Instant.parse(json.getString("time"));
                if (json.getString("message").contains("BuildCRM is starting at")) {
                    bannerLine = i;
                }
            }
            assertThat(bannerLine).as("the banner is one of the JSON lines").isNotNegative();
        }
    }

    @Test
    void aMalformedDatabaseUrlEndsTheStartAtOnceWithOneLineWithoutThePassword() throws Exception {
        Path dir = Files.createTempDirectory("buildcrm-it-");
        Path output = dir.resolve("launch.log");
        Process process =
                ServerProcess.launchRaw(
                        dir,
                        Map.of(
                                "BUILDCRM_PORT",
                                Integer.toString(freePort()),
                                "DATABASE_URL",
                                "postgres://crm:hunter2-secret@db.example.com:54x2/crm?sslmode=require"),
                        output,
                        "--rootdir",
                        dir.resolve("payara").toString());
        try {
            // the launcher checks it before Payara boots: seconds, not a start-up
            assertThat(process.waitFor(30, TimeUnit.SECONDS))
                    .as("the process ends instead of hanging\n" + tail(output))
                    .isTrue();
            assertThat(process.exitValue()).isNotZero();
            List<String> lines = Files.readAllLines(output);
            assertThat(lines)
                    .anySatisfy(
                            line ->
                                    assertThat(line)
                                            .startsWith(
                                                    "BuildCRM failed to start: DATABASE_URL is"
                                                            + " malformed: the port '54x2'"));
            assertThat(String.join("\n", lines)).doesNotContain("hunter2");
        } finally {
            process.destroyForcibly();
        }
    }

    /**
     * BUILDCRM_PORT alone picks the port. The default console is for people: our own lines and
     * warnings, the banner last once readiness is UP. Then SIGTERM drains: the open live stream is
     * told when to reconnect and ends, and the process exits 0 within the drain bound.
     */
    @Test
    void theDefaultStartIsQuietWithTheBannerLastAndSigtermDrainsToExitZero() throws Exception {
        // BUILDCRM_PORT alone (no --port) picks the port of this start
        ServerProcess server = ServerProcess.startFreshWithPortFrom("BUILDCRM_PORT");
        try {
            assertThat(server.api().get("/health/ready", null).status()).isEqualTo(200);
            awaitBanner(server);
            List<String> lines = server.log().lines().toList();
            int bannerAt = -1;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains("BuildCRM is starting at")) {
                    bannerAt = i;
                    break;
                }
            }
            assertThat(bannerAt)
                    .as("lines before the banner\n" + String.join("\n", lines))
                    .isBetween(0, 40);
            assertThat(lines.subList(0, bannerAt))
                    .as("nothing of the container's at INFO by default")
                    .noneMatch(l -> l.matches("^\\S+ \\S+ INFO (?!com\\.buildcrm).*"));

            // the demo company of the embedded default: its owner opens the live stream
            String token = server.api().userLogin("demo", "owner@demo.kz", "demo-owner-1");
            List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();
            java.util.concurrent.CountDownLatch connected =
                    new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);
            HttpRequest request =
                    HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/crm/events"))
                            .header("Authorization", "Bearer " + token)
                            .header("Accept", "text/event-stream")
                            .build();
            Thread reader =
                    new Thread(
                            () -> {
                                try {
                                    HttpResponse<java.util.stream.Stream<String>> r =
                                            HttpClient.newBuilder()
                                                    .version(HttpClient.Version.HTTP_1_1)
                                                    .build()
                                                    .send(
                                                            request,
                                                            HttpResponse.BodyHandlers.ofLines());
                                    r.body()
                                            .forEach(
                                                    line -> {
                                                        received.add(line);
                                                        if (line.contains("connected")) {
                                                            connected.countDown();
                                                        }
                                                    });
                                } catch (Exception e) {
                                    received.add("error: " + e);
                                } finally {
                                    connected.countDown();
                                    ended.countDown();
                                }
                            });
            reader.setDaemon(true);
            reader.start();
            assertThat(connected.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(received).anyMatch(l -> l.contains("connected"));

            long started = System.nanoTime();
            java.util.OptionalInt exit = server.terminate(Duration.ofSeconds(60));
            long ms = (System.nanoTime() - started) / 1_000_000;
            assertThat(exit).as("exit status after SIGTERM\n" + server.tail()).hasValue(0);
            // drained well within the bound (20 s for jobs) plus Payara's own shutdown
            assertThat(ms).isLessThan(45_000);
            assertThat(ended.await(10, TimeUnit.SECONDS)).as("the stream ended").isTrue();
            assertThat(received).contains("event: shutdown");
            assertThat(received).anyMatch(l -> l.matches("retry: ?\\d+"));
            assertThat(server.log()).contains("Drained in").contains("1 live streams closed");
        } finally {
            server.kill();
        }
    }

    private static String awaitBanner(ServerProcess server) throws InterruptedException {
        // readiness is UP at the moment the banner is printed, give or take the log's flush
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            String log = server.log();
            int at = log.indexOf("BuildCRM is starting at");
            if (at >= 0) {
                return log.substring(at);
            }
            Thread.sleep(100); // polling a log file another process writes: no event to await
        }
        throw new AssertionError("no banner within 30 s after readiness\n" + server.tail());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path output) {
        try {
            List<String> lines = Files.readAllLines(output);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no output)";
        }
    }
}
