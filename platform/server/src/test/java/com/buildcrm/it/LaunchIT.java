package com.buildcrm.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * How the uber jar starts: the port comes from {@code BUILDCRM_PORT} or {@code PORT} alone, and a
 * start that cannot succeed ends the process with a non-zero status and its cause on one line —
 * never a server that hangs without a listener or without the application.
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

    @Test
    void portAloneChoosesTheListeningPort() {
        try (ServerProcess server = ServerProcess.startFreshWithPortFrom("PORT")) {
            assertThat(server.api().get("/health/ready", null).status()).isEqualTo(200);
            assertThat(server.log()).contains(server.baseUrl().replace("127.0.0.1", "localhost"));
        }
    }

    @Test
    void buildcrmPortAloneChoosesTheListeningPort() {
        try (ServerProcess server = ServerProcess.startFreshWithPortFrom("BUILDCRM_PORT")) {
            assertThat(server.api().get("/health/ready", null).status()).isEqualTo(200);
        }
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
