package com.buildcrm.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Webhook ingest: how many ChatFlow webhooks the server acknowledges per second and how long each
 * acknowledgement takes (a 200 means the event and its job are committed in {@code
 * platform.inbox}), then how long until every stored event has been turned into a lead message by
 * the workers.
 *
 * <p>Starts the real uber jar on the embedded PostgreSQL in a fresh temporary data directory,
 * creates one tenant with a ChatFlow channel (pointing at a dead base URL: nothing is sent), and
 * for each concurrency level posts {@code --messages} distinct text webhooks from ~{@code --phones}
 * senders. "Processed" is read from the embedded database ({@code processed_at} of the inbox rows,
 * {@code messages} rows of the tenant) and checked at the end through the CRM API.
 *
 * <pre>
 * ./mvnw -q -pl bench exec:java -Dexec.mainClass=com.buildcrm.bench.WebhookIngestBench \
 *     -Dexec.args="--jar /tmp/bench-buildcrm.jar --messages 5000 --clients 1,4,16"
 * </pre>
 *
 * With {@code --pgbench-seconds N} it also runs {@code pgbench} (bench/pgbench/insert.sql) against
 * the server's own embedded PostgreSQL at the same concurrency levels before shutting it down.
 */
public final class WebhookIngestBench {

    private static final String OWNER_PASSWORD = "owner-pass-1";

    private String jar = "platform/server/target/buildcrm.jar";
    private int messages = 5000;
    private int warmup = 500;
    private int phones = 200;
    private int[] clients = {1, 4, 16};
    private int pgbenchSeconds = 0;
    private String pgbenchScripts = "bench/pgbench";
    private boolean keep;

    private final java.util.List<String> jvm = new java.util.ArrayList<>();
    private BenchServer server;
    private String webhookPath;
    private String ownerToken;
    private String tenantSchema;
    private int sent; // messages posted so far, across levels
    private CpuMeter cpu;

    public static void main(String[] args) throws Exception {
        WebhookIngestBench b = new WebhookIngestBench();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--jar" -> b.jar = args[++i];
                case "--messages" -> b.messages = Integer.parseInt(args[++i]);
                case "--warmup" -> b.warmup = Integer.parseInt(args[++i]);
                case "--phones" -> b.phones = Integer.parseInt(args[++i]);
                case "--clients" ->
                        b.clients =
                                Arrays.stream(args[++i].split(","))
                                        .mapToInt(Integer::parseInt)
                                        .toArray();
                case "--pgbench-seconds" -> b.pgbenchSeconds = Integer.parseInt(args[++i]);
                case "--pgbench-scripts" -> b.pgbenchScripts = args[++i];
                case "--keep" -> b.keep = true;
                // a JVM option for the server (e.g. -XX:StartFlightRecording=…), repeatable
                case "--jvm" -> b.jvm.add(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        b.run();
    }

    private void run() throws Exception {
        System.out.println("load average at start: " + StartupBench.loadAverage());
        server = BenchServer.start(Path.of(jar), "buildcrm-ingest-", jvm.toArray(String[]::new));
        cpu = new CpuMeter(server);
        try {
            setUp();
            describeDatabase();
            ClosedLoop.measure(server, null, "/api/ping", 16, 3, false);
            CpuMeter.Sample pingStart = cpu.sample();
            ClosedLoop.Result ping = ClosedLoop.measure(server, null, "/api/ping", 16, 5, true);
            String pingRow =
                    "| 16 | /api/ping ("
                            + String.format(Locale.ROOT, "%.0f req/s", ping.rps())
                            + ") | "
                            + cpu.sample().since(pingStart).row(ping.count())
                            + " |";
            if (warmup > 0) {
                Level w = ingest(warmup, Math.min(4, phones), "warmup");
                System.out.printf(
                        "warm-up: %d webhooks, %d ok, processed %.1f s after the last ack%n",
                        warmup, w.ok, w.drainAfterLastAckMs / 1000.0);
            }
            List<Level> levels = new ArrayList<>();
            for (int c : clients) {
                Level l = ingest(messages, c, "c" + c);
                levels.add(l);
                System.out.println(l.line());
            }
            verifyThroughApi();
            System.out.println();
            System.out.println(
                    "| clients | webhooks | acks/s | p50 ms | p90 ms | p99 ms | max ms | non-200 / errors |"
                            + " all processed after (from first post) | after last ack | processed/s | max backlog |");
            System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            for (Level l : levels) {
                System.out.println(l.row());
            }
            System.out.println();
            System.out.println(
                    "Where the CPU went (/proc; \"acks\": first post to last ack; \"processed\": to the"
                            + " last message stored; "
                            + Runtime.getRuntime().availableProcessors()
                            + " cores; the reference: GET /api/ping at 16 clients for 5 s, before the"
                            + " webhooks, after 3 s of warm-up):");
            System.out.println("| clients | window | " + CpuMeter.Use.header("request") + " |");
            System.out.println("|---:|---|---:|---:|---:|---:|---:|---:|---:|");
            for (Level l : levels) {
                System.out.println("| " + l.clients + " | acks | " + l.cpuAcks.row(l.ok) + " |");
                System.out.println(
                        "| " + l.clients + " | processed | " + l.cpuProcessed.row(l.ok) + " |");
            }
            System.out.println(pingRow);
            if (pgbenchSeconds > 0) {
                pgbenchEmbedded();
            }
            System.out.println("server log: " + server.log() + " — " + server.logSummary());
        } finally {
            server.stop();
            System.out.println("load average at end: " + StartupBench.loadAverage());
            if (!keep) {
                server.deleteDir();
            }
        }
    }

    // ---------------------------------------------------------------- set-up

    private void setUp() throws Exception {
        String op = server.operatorLogin();
        String slug = "ingest";
        String created =
                post(
                        "/api/admin/tenants",
                        op,
                        "{\"slug\":\""
                                + slug
                                + "\",\"name\":\"Ingest bench\",\"pack\":\"generic-sales\","
                                + "\"owner\":{\"name\":\"Owner\",\"email\":\"owner@ingest.kz\",\"password\":\""
                                + OWNER_PASSWORD
                                + "\"}}",
                        201);
        String tenantId = field(created, "id");
        String channel =
                send(
                        "PUT",
                        "/api/admin/tenants/" + tenantId + "/channel",
                        op,
                        "{\"provider\":\"chatflow\",\"settings\":{\"baseUrl\":\"http://127.0.0.1:9/api/v1/\","
                                + "\"token\":\"t\",\"instanceId\":\"i\"}}",
                        200);
        URI hook = URI.create(field(channel, "webhookUrl"));
        webhookPath = hook.getRawPath() + "?" + hook.getRawQuery();
        ownerToken =
                field(
                        post(
                                "/api/crm/auth/login",
                                null,
                                "{\"tenant\":\""
                                        + slug
                                        + "\",\"email\":\"owner@ingest.kz\",\"password\":\""
                                        + OWNER_PASSWORD
                                        + "\"}",
                                200),
                        "accessToken");
        try (Connection c = db();
                Statement st = c.createStatement();
                ResultSet rs =
                        st.executeQuery(
                                // the bench's company, not the demo company the server seeds
                                "SELECT schema_name FROM platform.tenants WHERE id = "
                                        + tenantId)) {
            rs.next();
            tenantSchema = rs.getString(1);
        }
        System.out.println(
                "tenant "
                        + tenantId
                        + " (schema "
                        + tenantSchema
                        + "), webhook "
                        + hook.getRawPath()
                        + "?secret=…");
    }

    private void describeDatabase() throws SQLException {
        try (Connection c = db();
                Statement st = c.createStatement()) {
            StringBuilder sb = new StringBuilder("embedded PostgreSQL:");
            for (String q :
                    List.of(
                            "server_version",
                            "synchronous_commit",
                            "fsync",
                            "wal_sync_method",
                            "shared_buffers",
                            "max_connections")) {
                try (ResultSet rs = st.executeQuery("SHOW " + q)) {
                    rs.next();
                    sb.append(' ').append(q).append('=').append(rs.getString(1));
                }
            }
            System.out.println(sb);
        }
    }

    // ---------------------------------------------------------------- one level

    static final class Level {
        String name;
        int clients;
        int total;
        int ok;
        Map<String, Integer> failures = new TreeMap<>();
        long[] latencyNanos;
        long ingestMs;
        long allProcessedMs;
        long drainAfterLastAckMs;
        long maxBacklog;
        CpuMeter.Use cpuAcks;
        CpuMeter.Use cpuProcessed;

        double acksPerSecond() {
            return ok * 1000.0 / ingestMs;
        }

        double pct(double p) {
            if (latencyNanos.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(p / 100.0 * latencyNanos.length) - 1;
            return latencyNanos[Math.max(0, Math.min(i, latencyNanos.length - 1))] / 1e6;
        }

        String line() {
            return String.format(
                    Locale.ROOT,
                    "RESULT clients=%d webhooks=%d ok=%d failures=%s ingest=%.2f s acks/s=%.0f p50=%.1f ms"
                            + " p90=%.1f ms p99=%.1f ms max=%.1f ms all_processed=%.2f s after_last_ack=%.2f s"
                            + " processed/s=%.0f max_backlog=%d",
                    clients,
                    total,
                    ok,
                    failures,
                    ingestMs / 1000.0,
                    acksPerSecond(),
                    pct(50),
                    pct(90),
                    pct(99),
                    pct(100),
                    allProcessedMs / 1000.0,
                    drainAfterLastAckMs / 1000.0,
                    total * 1000.0 / allProcessedMs,
                    maxBacklog);
        }

        String row() {
            return String.format(
                    Locale.ROOT,
                    "| %d | %d | %.0f | %.1f | %.1f | %.1f | %.1f | %s | %.2f s | %.2f s | %.0f | %d |",
                    clients,
                    total,
                    acksPerSecond(),
                    pct(50),
                    pct(90),
                    pct(99),
                    pct(100),
                    failures.isEmpty() ? "0" : failures.toString(),
                    allProcessedMs / 1000.0,
                    drainAfterLastAckMs / 1000.0,
                    total * 1000.0 / allProcessedMs,
                    maxBacklog);
        }
    }

    private Level ingest(int count, int concurrency, String name) throws Exception {
        Level level = new Level();
        level.name = name;
        level.clients = concurrency;
        level.total = count;
        long expectedMessages = expectedInMessages() + count;
        int offset = sent;
        sent += count;
        AtomicInteger next = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        long[] latencies = new long[count];
        Arrays.fill(latencies, -1);
        Map<String, Integer> failures = new ConcurrentHashMap<>();
        URI uri = URI.create(server.base() + webhookPath);
        HttpClient http = server.http();
        long epoch = 1_764_686_607L;

        // backlog sampler: unprocessed inbox rows, every 250 ms, on its own connection
        AtomicLong maxBacklog = new AtomicLong();
        Thread sampler =
                new Thread(
                        () -> {
                            try (Connection c = db()) {
                                while (!Thread.currentThread().isInterrupted()) {
                                    maxBacklog.accumulateAndGet(unprocessed(c), Math::max);
                                    Thread.sleep(250);
                                }
                            } catch (InterruptedException stop) {
                                // done
                            } catch (SQLException e) {
                                System.err.println("backlog sampler: " + e);
                            }
                        },
                        "backlog-sampler");

        List<Thread> workers = new ArrayList<>();
        CpuMeter.Sample cpuStart = cpu.sample();
        long start = System.nanoTime();
        sampler.start();
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
                                                    + "\","
                                                    + "\"metadata\":{\"sender\":\"Bench Customer "
                                                    + phone
                                                    + "\",\"timestamp\":"
                                                    + (epoch + n)
                                                    + ",\"messageId\":\"BENCH"
                                                    + String.format("%010d", n)
                                                    + "\","
                                                    + "\"remoteJid\":\"7701"
                                                    + String.format("%07d", phone)
                                                    + "@s.whatsapp.net\"},"
                                                    + "\"mediaData\":null,\"nodeData\":{\"webHook\":{\"text\":"
                                                    + "\"https://your-host.example/webhook/chatflow\",\"method\":\"POST\"}}}";
                                    HttpRequest req =
                                            HttpRequest.newBuilder(uri)
                                                    .timeout(Duration.ofSeconds(60))
                                                    .header("Content-Type", "application/json")
                                                    .POST(
                                                            HttpRequest.BodyPublishers.ofString(
                                                                    body, StandardCharsets.UTF_8))
                                                    .build();
                                    long t0 = System.nanoTime();
                                    try {
                                        HttpResponse<Void> r =
                                                http.send(
                                                        req,
                                                        HttpResponse.BodyHandlers.discarding());
                                        long dt = System.nanoTime() - t0;
                                        if (r.statusCode() == 200) {
                                            latencies[i] = dt;
                                            ok.incrementAndGet();
                                        } else {
                                            failures.merge(
                                                    "HTTP " + r.statusCode(), 1, Integer::sum);
                                        }
                                    } catch (IOException e) {
                                        failures.merge(
                                                e.getClass().getSimpleName(), 1, Integer::sum);
                                    } catch (InterruptedException e) {
                                        Thread.currentThread().interrupt();
                                        return;
                                    }
                                }
                            },
                            name + "-client-" + t);
            workers.add(w);
            w.start();
        }
        for (Thread w : workers) {
            w.join();
        }
        long lastAck = System.nanoTime();
        level.cpuAcks = cpu.sample().since(cpuStart);
        level.ingestMs = Math.max(1, (lastAck - start) / 1_000_000);
        level.ok = ok.get();
        level.failures = new TreeMap<>(failures);
        level.latencyNanos = Arrays.stream(latencies).filter(v -> v >= 0).sorted().toArray();

        // wait until every stored event is processed and its message is in the tenant's table
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        try (Connection c = db()) {
            while (true) {
                long pending = unprocessed(c);
                long in = inMessages(c);
                if (pending == 0 && in >= expectedMessages - (count - level.ok)) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "not processed after 10 min: "
                                    + pending
                                    + " unprocessed, "
                                    + in
                                    + " of "
                                    + expectedMessages
                                    + " messages");
                }
                Thread.sleep(50);
            }
        }
        long done = System.nanoTime();
        level.cpuProcessed = cpu.sample().since(cpuStart);
        sampler.interrupt();
        sampler.join();
        level.allProcessedMs = Math.max(1, (done - start) / 1_000_000);
        level.drainAfterLastAckMs = (done - lastAck) / 1_000_000;
        level.maxBacklog = maxBacklog.get();
        return level;
    }

    private long expectedInMessages() throws SQLException {
        try (Connection c = db()) {
            return inMessages(c);
        }
    }

    private static long unprocessed(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs =
                        st.executeQuery(
                                "SELECT count(*) FROM platform.inbox WHERE processed_at IS NULL")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long inMessages(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs =
                        st.executeQuery(
                                "SELECT count(*) FROM "
                                        + tenantSchema
                                        + ".messages WHERE direction = 'IN'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Connection db() throws SQLException {
        return server.db();
    }

    /**
     * Cross-check through the CRM API: every sender is a lead, and a lead's messages are all there.
     */
    private void verifyThroughApi() throws Exception {
        int leads = 0;
        String cursor = null;
        String firstLead = null;
        do {
            String page =
                    send(
                            "GET",
                            "/api/crm/leads?limit=100"
                                    + (cursor == null ? "" : "&cursor=" + cursor),
                            ownerToken,
                            null,
                            200);
            Matcher ids = Pattern.compile("\"phone\"\\s*:").matcher(page);
            while (ids.find()) {
                leads++;
            }
            if (firstLead == null) {
                Matcher m = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(page);
                firstLead = m.find() ? m.group(1) : null;
            }
            Matcher next = Pattern.compile("\"nextCursor\"\\s*:\\s*\"([^\"]+)\"").matcher(page);
            cursor =
                    next.find()
                            ? java.net.URLEncoder.encode(next.group(1), StandardCharsets.UTF_8)
                            : null;
        } while (cursor != null);
        long inDb;
        try (Connection c = db()) {
            inDb = inMessages(c);
        }
        System.out.printf(
                "API check: %d leads listed by GET /api/crm/leads (expected %d); %d inbound messages"
                        + " in %s.messages (expected %d)%n",
                leads, phones, inDb, tenantSchema, sent);
        if (firstLead != null) {
            String msgs =
                    send(
                            "GET",
                            "/api/crm/leads/" + firstLead + "/messages?limit=1000",
                            ownerToken,
                            null,
                            200);
            Matcher m = Pattern.compile("\"direction\"\\s*:\\s*\"IN\"").matcher(msgs);
            int n = 0;
            while (m.find()) {
                n++;
            }
            System.out.printf(
                    "API check: lead %s shows %d inbound messages on the first page of its chat"
                            + " (each sender sent %d)%n",
                    firstLead, n, sent / phones);
        }
    }

    // ---------------------------------------------------------------- pgbench on the embedded PG

    private void pgbenchEmbedded() throws Exception {
        URI u = URI.create(server.pgUrl().substring("jdbc:".length()));
        Path scripts = Path.of(pgbenchScripts).toAbsolutePath();
        System.out.println();
        System.out.println(
                "pgbench against the server's embedded PostgreSQL (port "
                        + u.getPort()
                        + "), "
                        + pgbenchSeconds
                        + " s per level, "
                        + scripts.resolve("insert.sql"));
        runPg(
                "psql",
                "-h",
                "127.0.0.1",
                "-p",
                Integer.toString(u.getPort()),
                "-U",
                "postgres",
                "-q",
                "-f",
                scripts.resolve("setup.sql").toString(),
                "postgres");
        for (int c : clients) {
            String out =
                    runPg(
                            "pgbench",
                            "-h",
                            "127.0.0.1",
                            "-p",
                            Integer.toString(u.getPort()),
                            "-U",
                            "postgres",
                            "-n",
                            "-f",
                            scripts.resolve("insert.sql").toString(),
                            "-c",
                            Integer.toString(c),
                            "-j",
                            Integer.toString(Math.min(2, c)),
                            "-T",
                            Integer.toString(pgbenchSeconds),
                            "postgres");
            Matcher tps = Pattern.compile("tps = ([\\d.]+)").matcher(out);
            Matcher lat = Pattern.compile("latency average = ([\\d.]+) ms").matcher(out);
            System.out.printf(
                    "PGBENCH embedded clients=%d tps=%s latency_avg_ms=%s%n",
                    c, tps.find() ? tps.group(1) : "?", lat.find() ? lat.group(1) : "?");
        }
        runPg(
                "psql",
                "-h",
                "127.0.0.1",
                "-p",
                Integer.toString(u.getPort()),
                "-U",
                "postgres",
                "-q",
                "-f",
                scripts.resolve("teardown.sql").toString(),
                "postgres");
    }

    /**
     * {@link #runQuiet} for {@code psql}/{@code pgbench} against the server's embedded PostgreSQL:
     * its password (issue 12) in {@code PGPASSWORD}, and no terminal to prompt on — without them
     * {@code psql} waited for a password for ever.
     */
    private String runPg(String... command) throws Exception {
        ProcessBuilder pb =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().put("PGPASSWORD", server.pgPassword());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
        }
        return out;
    }

    static String runQuiet(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
        }
        return out;
    }

    // ---------------------------------------------------------------- HTTP helpers

    private String post(String path, String token, String json, int expect) throws Exception {
        return server.post(path, token, json, expect);
    }

    private String send(String method, String path, String token, String json, int expect)
            throws Exception {
        return server.send(method, path, token, json, expect);
    }

    private static String field(String json, String name) {
        return BenchServer.field(json, name);
    }
}
