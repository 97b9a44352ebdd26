package com.buildcrm.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real uber jar as a bench sees it: started on the embedded PostgreSQL default in a fresh
 * temporary directory (Payara root, data dir, {@code server.log}), with a known operator; the port
 * of the embedded PostgreSQL is read from the server log so the bench can look at (and seed) the
 * same database. Small HTTP helpers for the JSON API, one shared HTTP/1.1 client.
 *
 * <pre>
 * BenchServer s = BenchServer.start(jar, "buildcrm-x-");
 * try { String op = s.operatorLogin(); … } finally { s.stop(); s.deleteDir(); }
 * </pre>
 */
final class BenchServer {

    static final String OPERATOR_EMAIL = "bench@buildcrm.local";
    static final String OPERATOR_PASSWORD = "bench-operator-1";

    private static final Pattern PG_PORT =
            Pattern.compile("Embedded PostgreSQL started on port (\\d+)");

    private final HttpClient http =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();

    private final Path dir;
    private final Path log;
    private final int port;
    private final String base;
    private Path jarPath;
    private String[] jvmArgs;
    private Process process;
    private double readySeconds;
    private int pgPort;
    private String pgUrl;

    private BenchServer(Path dir, int port) {
        this.dir = dir;
        this.log = dir.resolve("server.log");
        this.port = port;
        this.base = "http://127.0.0.1:" + port;
    }

    /**
     * Starts {@code jar} on a free port with a fresh data dir under a new temporary directory named
     * {@code tempPrefix…}, waits for {@code /health/ready} = 200 and finds the embedded
     * PostgreSQL's port in the log. The JVM gets the extra {@code jvmArgs} (before {@code -jar}).
     */
    static BenchServer start(Path jar, String tempPrefix, String... jvmArgs) throws Exception {
        Path jarPath = jar.toAbsolutePath();
        if (!Files.exists(jarPath)) {
            throw new IllegalStateException("build the server first: " + jarPath);
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        BenchServer server = new BenchServer(Files.createTempDirectory(tempPrefix), port);
        server.launch(jarPath, jvmArgs);
        return server;
    }

    private void launch(Path jarPath, String... jvmArgs) throws Exception {
        this.jarPath = jarPath;
        this.jvmArgs = jvmArgs;
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmArgs));
        command.addAll(
                List.of(
                        "-jar",
                        jarPath.toString(),
                        "--port",
                        Integer.toString(port),
                        "--rootdir",
                        dir.resolve("payara").toString()));
        ProcessBuilder pb =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("BUILDCRM_"));
        env.put("BUILDCRM_DATA_DIR", dir.resolve("data").toString());
        env.put("BUILDCRM_PORT", Integer.toString(port));
        env.put("BUILDCRM_OPERATOR_EMAIL", OPERATOR_EMAIL);
        env.put("BUILDCRM_OPERATOR_PASSWORD", OPERATOR_PASSWORD);
        long t0 = System.nanoTime();
        process = pb.start();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server died: " + Files.readString(log));
            }
            try {
                if (http.send(
                                        HttpRequest.newBuilder(URI.create(base + "/health/ready"))
                                                .timeout(Duration.ofSeconds(5))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    break;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            process.waitFor(200, TimeUnit.MILLISECONDS);
        }
        Matcher m = PG_PORT.matcher(Files.readString(log));
        int starts = 0;
        while (m.find()) {
            pgPort = Integer.parseInt(m.group(1)); // the last one is the running one
            starts++;
        }
        if (starts == 0) {
            throw new IllegalStateException("no embedded PostgreSQL port in " + log);
        } else if (starts > 1) {
            System.out.println(
                    "the application started " + starts + " times in this process: see " + log);
        }
        pgUrl = "jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres";
        readySeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(
                "server ready in %.1f s on port %d, embedded PostgreSQL on %s, data in %s%n",
                readySeconds, port, pgPort, dir);
    }

    /**
     * Stops the server and starts it again on the same port and data dir with the same JVM options,
     * waiting for {@code /health/ready} = 200 (the server log starts afresh). Payara's root dir is
     * new, as with the README's {@code java -jar} (a temporary one per start): with the kept one
     * the application started twice in the one process (two embedded PostgreSQL starts in the log,
     * the first stopped after its deployment), which added seconds to the restart.
     */
    void restart() throws Exception {
        stop();
        StartupBench.deleteTree(dir.resolve("payara"));
        launch(jarPath, jvmArgs);
    }

    /**
     * Stops the server (SIGTERM, then SIGKILL after 60 s) and, if it outlived the server, the
     * embedded PostgreSQL of this data dir (that one process, by the pid in its postmaster.pid).
     */
    void stop() throws Exception {
        Process p = process;
        if (p == null) {
            return;
        }
        p.destroy();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        process = null;
        Path pid = dir.resolve("data/pg/postmaster.pid");
        if (Files.exists(pid)) {
            long id = Long.parseLong(Files.readAllLines(pid).get(0).trim());
            ProcessHandle.of(id)
                    .filter(ProcessHandle::isAlive)
                    .ifPresent(
                            h -> {
                                System.out.println(
                                        "embedded PostgreSQL (pid "
                                                + id
                                                + ") outlived the server; stopping it");
                                h.destroy();
                            });
        }
    }

    /** Deletes the temporary directory (data dir, Payara root, server log). */
    void deleteDir() {
        StartupBench.deleteTree(dir);
    }

    /** Seconds from the last process start to {@code /health/ready} = 200. */
    double readySeconds() {
        return readySeconds;
    }

    /** The server JVM's process id. */
    long pid() {
        return process.pid();
    }

    Path dir() {
        return dir;
    }

    Path log() {
        return log;
    }

    String base() {
        return base;
    }

    HttpClient http() {
        return http;
    }

    /** The embedded PostgreSQL's port (user {@code postgres}, database {@code postgres}). */
    int pgPort() {
        return pgPort;
    }

    String pgUrl() {
        return pgUrl;
    }

    /**
     * A new connection to the server's embedded PostgreSQL (autocommit, as the driver opens it).
     */
    Connection db() throws SQLException {
        return DriverManager.getConnection(pgUrl, "postgres", pgPassword());
    }

    /**
     * The embedded PostgreSQL's password, which the server generates into its data directory's
     * {@code keys/pg.password} (issue 12); empty for a server that still trusts local connections.
     */
    String pgPassword() {
        Path file = dir.resolve("data/keys/pg.password");
        try {
            return Files.exists(file) ? Files.readString(file).trim() : "";
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- API

    /** Logs in as the bench operator and returns the access token. */
    String operatorLogin() throws Exception {
        return field(
                post(
                        "/api/admin/auth/login",
                        null,
                        "{\"email\":\""
                                + OPERATOR_EMAIL
                                + "\",\"password\":\""
                                + OPERATOR_PASSWORD
                                + "\"}",
                        200),
                "accessToken");
    }

    String post(String path, String token, String json, int expect) throws Exception {
        return send("POST", path, token, json, expect);
    }

    /** One API call; throws unless the status is {@code expect}. Returns the body. */
    String send(String method, String path, String token, String json, int expect)
            throws Exception {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            b.header("Content-Type", "application/json");
            b.method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> r =
                http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() != expect) {
            throw new IllegalStateException(
                    method + " " + path + " → " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    /** The first string or integer value of {@code name} in a JSON text (no JSON library). */
    static String field(String json, String name) {
        Matcher m =
                Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(\"([^\"]*)\"|(-?\\d+))")
                        .matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(2) != null ? m.group(2) : m.group(3);
    }

    // ---------------------------------------------------------------- log

    /** SEVERE / WARNING / "Exception" line counts of the server log. */
    String logSummary() throws IOException {
        String text = Files.readString(log);
        return countOf(text, "SEVERE")
                + " SEVERE, "
                + countOf(text, "WARNING")
                + " WARNING, "
                + countOf(text, "Exception")
                + " lines mentioning Exception";
    }

    private static int countOf(String text, String word) {
        int n = 0;
        for (String line : text.split("\n")) {
            if (line.contains(word)) {
                n++;
            }
        }
        return n;
    }
}
