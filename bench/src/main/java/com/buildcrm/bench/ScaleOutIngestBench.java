package com.buildcrm.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Webhook ingest through nginx ({@code deploy/nginx.conf}) with two instances of the uber jar next
 * to one instance, in the same run on the same PostgreSQL (ADR 028). One external PostgreSQL
 * (zonky, {@code fsync=on}, {@code synchronous_commit=on}, as a production server), two instances
 * on it, and one nginx with two listeners: one whose upstream is both instances, one whose upstream
 * is the first only. Per concurrency level it posts {@code --messages} ChatFlow text webhooks
 * through the two-instance listener, waits until all are processed into messages, then the same
 * through the one-instance listener with the second instance stopped (SIGTERM), so that "one
 * instance" is one process doing both ingest and processing.
 *
 * <pre>
 * ./mvnw -q -o -pl bench install -DskipTests
 * ./mvnw -q -o -pl bench exec:java -Dexec.mainClass=com.buildcrm.bench.ScaleOutIngestBench \
 *     -Dexec.args="--jar platform/server/target/buildcrm.jar --messages 3000 --clients 4,16"
 * </pre>
 *
 * Needs Debian's nginx on PATH.
 */
public final class ScaleOutIngestBench {

    private static final String OPERATOR_EMAIL = "bench@buildcrm.local";
    private static final String OPERATOR_PASSWORD = "bench-operator-1";
    private static final HttpClient HTTP =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();

    private String jar = "platform/server/target/buildcrm.jar";
    private String nginxConf = "deploy/nginx.conf";
    private int messages = 3000;
    private int warmup = 300;
    private int phones = 200;
    private int[] clients = {4, 16};

    private Connection db;
    private String schema;
    private int sent;

    public static void main(String[] args) throws Exception {
        ScaleOutIngestBench b = new ScaleOutIngestBench();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--jar" -> b.jar = args[++i];
                case "--nginx-conf" -> b.nginxConf = args[++i];
                case "--messages" -> b.messages = Integer.parseInt(args[++i]);
                case "--warmup" -> b.warmup = Integer.parseInt(args[++i]);
                case "--clients" ->
                        b.clients =
                                Arrays.stream(args[++i].split(","))
                                        .mapToInt(Integer::parseInt)
                                        .toArray();
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        b.run();
    }

    private void run() throws Exception {
        System.out.println("load average at start: " + StartupBench.loadAverage());
        Path work = Files.createTempDirectory("buildcrm-scale-bench-");
        try (EmbeddedPostgres pg =
                EmbeddedPostgres.builder()
                        .setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("max_connections", "100")
                        .start()) {
            db = pg.getPostgresDatabase().getConnection();
            Map<String, String> env = sharedEnv(pg.getJdbcUrl("postgres", "postgres"));
            Instance a = Instance.start(Path.of(jar), work.resolve("a"), env);
            Instance b = Instance.start(Path.of(jar), work.resolve("b"), env);
            int both = freePort();
            int one = freePort();
            Process nginx = nginx(work.resolve("nginx"), both, one, a, b);
            try {
                String base2 = "http://127.0.0.1:" + both;
                String base1 = "http://127.0.0.1:" + one;
                String hook = setUp(base2);
                if (warmup > 0) {
                    level(base2 + hook, warmup, 4);
                }
                List<String> rows = new ArrayList<>();
                for (int c : clients) {
                    rows.add("| 2 | " + c + " | " + level(base2 + hook, messages, c));
                }
                b.stop();
                if (warmup > 0) {
                    level(base1 + hook, warmup, 4);
                }
                for (int c : clients) {
                    rows.add("| 1 | " + c + " | " + level(base1 + hook, messages, c));
                }
                System.out.println();
                System.out.println(
                        "| instances | clients | webhooks | acks/s | p50 ms | p99 ms | non-200 |"
                                + " all processed (s, from first post) | processed/s |");
                System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
                rows.forEach(System.out::println);
            } finally {
                nginx.destroy();
                nginx.waitFor(10, TimeUnit.SECONDS);
                a.stop();
                b.stop();
                db.close();
                System.out.println("load average at end: " + StartupBench.loadAverage());
            }
        }
    }

    private String setUp(String base) throws Exception {
        String op =
                BenchServer.field(
                        send(
                                base,
                                "POST",
                                "/api/admin/auth/login",
                                null,
                                "{\"email\":\""
                                        + OPERATOR_EMAIL
                                        + "\",\"password\":\""
                                        + OPERATOR_PASSWORD
                                        + "\"}"),
                        "accessToken");
        String created =
                send(
                        base,
                        "POST",
                        "/api/admin/tenants",
                        op,
                        "{\"slug\":\"scale\",\"name\":\"Scale bench\",\"pack\":\"generic-sales\","
                                + "\"owner\":{\"name\":\"Owner\",\"email\":\"owner@scale.kz\",\"password\":\"owner-pass-1\"}}");
        String tenantId = BenchServer.field(created, "id");
        schema = "t_" + tenantId;
        String channel =
                send(
                        base,
                        "PUT",
                        "/api/admin/tenants/" + tenantId + "/channel",
                        op,
                        "{\"provider\":\"chatflow\",\"settings\":{\"baseUrl\":\"http://127.0.0.1:9/api/v1/\","
                                + "\"token\":\"t\",\"instanceId\":\"i\"}}");
        URI hook = URI.create(BenchServer.field(channel, "webhookUrl"));
        return hook.getRawPath() + "?" + hook.getRawQuery();
    }

    /** One level: {@code count} webhooks from {@code concurrency} clients; the table row's rest. */
    private String level(String url, int count, int concurrency) throws Exception {
        long before = inMessages();
        int offset = sent;
        sent += count;
        AtomicInteger next = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger bad = new AtomicInteger();
        long[] latencies = new long[count];
        Arrays.fill(latencies, -1);
        URI uri = URI.create(url);
        long epoch = 1_764_686_607L;
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < concurrency; t++) {
            Thread w =
                    new Thread(
                            () -> {
                                int i;
                                while ((i = next.getAndIncrement()) < count) {
                                    int n = offset + i;
                                    int phone = n % phones;
                                    String body =
                                            "{\"messageType\":\"text\",\"message\":\"здравствуйте, сообщение "
                                                    + n
                                                    + "\",\"metadata\":{\"sender\":\"Bench Customer "
                                                    + phone
                                                    + "\",\"timestamp\":"
                                                    + (epoch + n)
                                                    + ",\"messageId\":\"SCALE"
                                                    + String.format("%010d", n)
                                                    + "\",\"remoteJid\":\"7701"
                                                    + String.format("%07d", phone)
                                                    + "@s.whatsapp.net\"},\"mediaData\":null}";
                                    long t0 = System.nanoTime();
                                    try {
                                        int status =
                                                HTTP.send(
                                                                HttpRequest.newBuilder(uri)
                                                                        .timeout(
                                                                                Duration.ofSeconds(
                                                                                        60))
                                                                        .header(
                                                                                "Content-Type",
                                                                                "application/json")
                                                                        .POST(
                                                                                HttpRequest
                                                                                        .BodyPublishers
                                                                                        .ofString(
                                                                                                body,
                                                                                                StandardCharsets
                                                                                                        .UTF_8))
                                                                        .build(),
                                                                HttpResponse.BodyHandlers
                                                                        .discarding())
                                                        .statusCode();
                                        if (status == 200) {
                                            latencies[i] = System.nanoTime() - t0;
                                            ok.incrementAndGet();
                                        } else {
                                            bad.incrementAndGet();
                                        }
                                    } catch (IOException e) {
                                        bad.incrementAndGet();
                                    } catch (InterruptedException e) {
                                        Thread.currentThread().interrupt();
                                        return;
                                    }
                                }
                            });
            workers.add(w);
            w.start();
        }
        for (Thread w : workers) {
            w.join();
        }
        long lastAck = System.nanoTime();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (inMessages() < before + ok.get() || unprocessed() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not processed after 10 min");
            }
            Thread.sleep(50);
        }
        long done = System.nanoTime();
        long[] sorted = Arrays.stream(latencies).filter(v -> v >= 0).sorted().toArray();
        double ingestS = (lastAck - start) / 1e9;
        double allS = (done - start) / 1e9;
        String row =
                String.format(
                        "%d | **%.0f** | %.1f | %.1f | %d | %.1f | %.0f |",
                        count,
                        ok.get() / ingestS,
                        pct(sorted, 50),
                        pct(sorted, 99),
                        bad.get(),
                        allS,
                        ok.get() / allS);
        System.out.println("level " + concurrency + " clients via " + uri.getPort() + ": " + row);
        return row;
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, sorted.length * p / 100)] / 1e6;
    }

    private long inMessages() throws Exception {
        return scalar("SELECT count(*) FROM " + schema + ".messages WHERE direction = 'IN'");
    }

    private long unprocessed() throws Exception {
        return scalar("SELECT count(*) FROM platform.inbox WHERE processed_at IS NULL");
    }

    private long scalar(String sql) throws Exception {
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String send(String base, String method, String path, String token, String json)
            throws Exception {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(
                    method + " " + path + " → " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private static Map<String, String> sharedEnv(String dbUrl) throws Exception {
        byte[] master = new byte[32];
        new SecureRandom().nextBytes(master);
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        Map<String, String> env = new HashMap<>();
        env.put("BUILDCRM_DB_URL", dbUrl);
        env.put("BUILDCRM_DB_USER", "postgres");
        env.put("BUILDCRM_DB_PASSWORD", "");
        env.put("BUILDCRM_MASTER_KEY", Base64.getEncoder().encodeToString(master));
        env.put(
                "BUILDCRM_JWT_PRIVATE_KEY",
                "-----BEGIN PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder()
                                .encodeToString(rsa.generateKeyPair().getPrivate().getEncoded())
                        + "\n-----END PRIVATE KEY-----\n");
        env.put("BUILDCRM_OPERATOR_EMAIL", OPERATOR_EMAIL);
        env.put("BUILDCRM_OPERATOR_PASSWORD", OPERATOR_PASSWORD);
        env.put("BUILDCRM_TRUSTED_PROXIES", "127.0.0.1");
        return env;
    }

    /** nginx with deploy/nginx.conf twice: one listener on both instances, one on the first. */
    private Process nginx(Path dir, int both, int one, Instance a, Instance b) throws Exception {
        Files.createDirectories(dir);
        String site = Files.readString(Path.of(nginxConf));
        String twoServers =
                "    server 127.0.0.1:"
                        + a.port
                        + " max_fails=1 fail_timeout=5s;\n    server 127.0.0.1:"
                        + b.port
                        + " max_fails=1 fail_timeout=5s;";
        String oneServer = "    server 127.0.0.1:" + a.port + " max_fails=1 fail_timeout=5s;";
        String conf =
                site(site, "buildcrm", twoServers, both)
                        + "\n"
                        + site(site, "buildcrm_one", oneServer, one);
        Files.writeString(dir.resolve("sites.conf"), conf);
        String d = dir.toAbsolutePath().toString();
        boolean root = "root".equals(System.getProperty("user.name"));
        Files.writeString(
                dir.resolve("nginx.conf"),
                String.join(
                        "\n",
                        root ? "user root;" : "",
                        "worker_processes auto;",
                        "pid " + d + "/nginx.pid;",
                        "events { worker_connections 4096; }",
                        "http {",
                        "  access_log off;",
                        "  client_body_temp_path " + d + "/body;",
                        "  proxy_temp_path " + d + "/proxy;",
                        "  fastcgi_temp_path " + d + "/fastcgi;",
                        "  uwsgi_temp_path " + d + "/uwsgi;",
                        "  scgi_temp_path " + d + "/scgi;",
                        "  include " + d + "/sites.conf;",
                        "}",
                        ""));
        Process p =
                new ProcessBuilder(
                                "nginx",
                                "-c",
                                d + "/nginx.conf",
                                "-p",
                                d + "/",
                                "-e",
                                d + "/error.log",
                                "-g",
                                "daemon off;")
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("nginx.out").toFile())
                        .start();
        for (int port : new int[] {both, one}) {
            while (true) {
                if (!p.isAlive()) {
                    throw new IllegalStateException(
                            "nginx exited: " + Files.readString(dir.resolve("error.log")));
                }
                try {
                    if (HTTP.send(
                                            HttpRequest.newBuilder(
                                                            URI.create(
                                                                    "http://127.0.0.1:"
                                                                            + port
                                                                            + "/health/ready"))
                                                    .build(),
                                            HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200) {
                        break;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                p.waitFor(100, TimeUnit.MILLISECONDS);
            }
        }
        return p;
    }

    private static String site(String site, String upstream, String servers, int port) {
        return site.replaceFirst("(?m)^\\s*server app1:8080[^\\n]*$", servers)
                .replaceAll("(?m)^\\s*server app\\d+:8080[^\\n]*\\n", "")
                .replaceFirst("(?m)^(\\s*)listen 80;", "$1listen 127.0.0.1:" + port + ";")
                .replace("upstream buildcrm {", "upstream " + upstream + " {")
                .replace("http://buildcrm;", "http://" + upstream + ";");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** One instance of the uber jar on the shared PostgreSQL. */
    private static final class Instance {
        final Process process;
        final int port;

        private Instance(Process process, int port) {
            this.process = process;
            this.port = port;
        }

        static Instance start(Path jar, Path dir, Map<String, String> env) throws Exception {
            Files.createDirectories(dir);
            int port = freePort();
            ProcessBuilder pb =
                    new ProcessBuilder(
                                    Path.of(System.getProperty("java.home"), "bin", "java")
                                            .toString(),
                                    "-jar",
                                    jar.toAbsolutePath().toString(),
                                    "--port",
                                    Integer.toString(port),
                                    "--rootdir",
                                    dir.resolve("payara").toString())
                            .redirectErrorStream(true)
                            .redirectOutput(dir.resolve("server.log").toFile());
            pb.environment().keySet().removeIf(k -> k.startsWith("BUILDCRM_") || k.equals("PORT"));
            pb.environment().putAll(env);
            pb.environment().put("BUILDCRM_DATA_DIR", dir.resolve("data").toString());
            pb.environment().put("BUILDCRM_PORT", Integer.toString(port));
            long t0 = System.nanoTime();
            Process p = pb.start();
            while (true) {
                if (!p.isAlive()) {
                    throw new IllegalStateException(
                            "server died: " + Files.readString(dir.resolve("server.log")));
                }
                try {
                    if (HTTP.send(
                                            HttpRequest.newBuilder(
                                                            URI.create(
                                                                    "http://127.0.0.1:"
                                                                            + port
                                                                            + "/health/ready"))
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
                p.waitFor(200, TimeUnit.MILLISECONDS);
            }
            System.out.printf(
                    "instance on port %d ready in %.1f s%n", port, (System.nanoTime() - t0) / 1e9);
            return new Instance(p, port);
        }

        void stop() throws InterruptedException {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            }
        }
    }
}
