package com.buildcrm.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The product as a customer runs it: {@code java -jar target/buildcrm.jar} on the embedded default,
 * in its own data directory, on a free port. Black-box tests talk to it over HTTP only.
 */
public final class ServerProcess implements AutoCloseable {

    public static final String OPERATOR_EMAIL = "ops@buildcrm.test";
    public static final String OPERATOR_PASSWORD = "operator-secret-1";

    private final Path dataDir;
    private final int port;
    private final Path log;
    private final Map<String, String> extraEnv;
    private String portVariable; // null: --port and BUILDCRM_PORT, as the README's run
    private Process process;

    private ServerProcess(Path dataDir, int port, Map<String, String> extraEnv) {
        this.dataDir = dataDir;
        this.port = port;
        this.extraEnv = extraEnv;
        this.log = dataDir.resolve("server-" + System.nanoTime() + ".log"); // one log per launch
    }

    /** A new server with a fresh data directory. */
    public static ServerProcess startFresh() {
        return startFresh(Map.of());
    }

    /**
     * The environment of production mode on the given PostgreSQL: its URL and user, a fresh master
     * key (shared by every instance started with this map), plus {@code extra} (name, value, …).
     */
    public static Map<String, String> externalDatabase(
            io.zonky.test.db.postgres.embedded.EmbeddedPostgres pg, String... extra) {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        Map<String, String> env = new java.util.HashMap<>();
        env.put("BUILDCRM_DB_URL", pg.getJdbcUrl("postgres", "postgres"));
        env.put("BUILDCRM_DB_USER", "postgres");
        env.put("BUILDCRM_DB_PASSWORD", "");
        env.put("BUILDCRM_MASTER_KEY", java.util.Base64.getEncoder().encodeToString(key));
        for (int i = 0; i + 1 < extra.length; i += 2) {
            env.put(extra[i], extra[i + 1]);
        }
        return Map.copyOf(env);
    }

    /**
     * A new server with a fresh data directory and extra environment (e.g. an external database).
     */
    public static ServerProcess startFresh(Map<String, String> extraEnv) {
        try {
            ServerProcess server =
                    new ServerProcess(
                            Files.createTempDirectory("buildcrm-it-"), freePort(), extraEnv);
            server.launch();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A server on an existing data directory (a restart). */
    public static ServerProcess start(Path dataDir) {
        ServerProcess server = new ServerProcess(dataDir, freePort(), Map.of());
        server.launch();
        return server;
    }

    /**
     * A new server with a fresh data directory whose port is given only by the environment variable
     * {@code variable} ({@code PORT} or {@code BUILDCRM_PORT}): no {@code --port}.
     */
    public static ServerProcess startFreshWithPortFrom(String variable) {
        return startFreshWithPortFrom(variable, Map.of());
    }

    /** As {@link #startFreshWithPortFrom(String)}, with extra environment. */
    public static ServerProcess startFreshWithPortFrom(String variable, Map<String, String> env) {
        try {
            ServerProcess server =
                    new ServerProcess(Files.createTempDirectory("buildcrm-it-"), freePort(), env);
            server.portVariable = variable;
            server.launch();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Launches the jar on {@code dataDir} with the test environment plus {@code env} and the given
     * arguments (no {@code --port} added), its output into {@code output}, without waiting for
     * anything: for tests of the launch itself.
     */
    public static Process launchRaw(
            Path dataDir, Map<String, String> env, Path output, String... args) {
        List<String> command = new ArrayList<>(javaJar());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(k -> k.startsWith("BUILDCRM_") || k.equals("PORT"));
        environment.put("BUILDCRM_DATA_DIR", dataDir.toString());
        environment.put("BUILDCRM_OPERATOR_EMAIL", OPERATOR_EMAIL);
        environment.put("BUILDCRM_OPERATOR_PASSWORD", OPERATOR_PASSWORD);
        environment.putAll(env);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the jar", e);
        }
    }

    private static List<String> javaJar() {
        return List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m",
                // C1 only: a test server lives for minutes, and on a 2-core machine C2's compile
                // threads cost more start-up time than its faster code ever gives back (Payara
                // ready in ~60 s instead of 95-135 s under load, ADR 017)
                "-XX:TieredStopAtLevel=1",
                "-jar",
                System.getProperty("buildcrm.jar", "target/buildcrm.jar"));
    }

    private void launch() {
        String jar = System.getProperty("buildcrm.jar", "target/buildcrm.jar");
        List<String> command = new ArrayList<>(javaJar());
        if (portVariable == null) {
            command.addAll(List.of("--port", Integer.toString(port)));
        }
        command.addAll(List.of("--rootdir", dataDir.resolve("payara").toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("BUILDCRM_") || k.equals("PORT"));
        env.put("BUILDCRM_DATA_DIR", dataDir.toString());
        env.put(portVariable == null ? "BUILDCRM_PORT" : portVariable, Integer.toString(port));
        env.put("BUILDCRM_OPERATOR_EMAIL", OPERATOR_EMAIL);
        env.put("BUILDCRM_OPERATOR_PASSWORD", OPERATOR_PASSWORD);
        env.putAll(extraEnv);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + jar, e);
        }
        // a machine shared with other builds may need longer: -Dbuildcrm.it.readySeconds=N
        awaitReady(Duration.ofSeconds(Long.getLong("buildcrm.it.readySeconds", 240)));
    }

    private void awaitReady(Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (log().contains("Exception during lifecycle processing")) {
                close();
                throw new IllegalStateException("deployment failed\n" + tail());
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "server exited with " + process.exitValue() + "\n" + tail());
            }
            try {
                HttpResponse<String> r =
                        client.send(
                                HttpRequest.newBuilder(URI.create(baseUrl() + "/health/ready"))
                                        .timeout(Duration.ofSeconds(5))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                // polling a process we do not control: there is no event to await
                process.waitFor(500, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        close();
        throw new IllegalStateException("server not ready within " + timeout + "\n" + tail());
    }

    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Api api() {
        return new Api(baseUrl());
    }

    /** Kills the server at once (SIGKILL): no shutdown hook, no graceful anything — a crash. */
    public void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Sends SIGTERM, as a platform stopping an instance does, and waits up to {@code within} for
     * the process to end.
     *
     * @return its exit status, or empty when it is still running after {@code within}
     */
    public java.util.OptionalInt terminate(Duration within) {
        process.destroy();
        try {
            return process.waitFor(within.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                    ? java.util.OptionalInt.of(process.exitValue())
                    : java.util.OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the server gracefully (SIGTERM), as an operator would. */
    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
