package com.buildcrm.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Issue 17, goals 1 and 2: the time from a new lead's webhook acknowledgement to the first message
 * of the AI's answer reaching the WhatsApp gateway.
 *
 * <ul>
 *   <li><b>Burst</b> ({@code --leads 200,1000}): that many new leads write at once (one webhook
 *       each, all posted together by as many client threads as leads, up to 200); per lead, from
 *       its webhook's 200 to the first call the gateway receives for its number.
 *   <li><b>Fairness</b> ({@code --flood 2000}): one company receives that many new leads' webhooks
 *       from 16 clients; while it does, a second company gets {@code --probes} new leads, one every
 *       half second; their first-reply times are the figure.
 * </ul>
 *
 * The real jar on the embedded default (rule brain, the AI's reply pause set to 0), ChatFlow
 * channels pointing at a fake gateway on 127.0.0.1 that answers as ChatFlow does. The reference in
 * the same run: {@code /api/ping} latency before the load. {@code --jvm <arg>} (repeatable) passes
 * an option to the server's JVM, e.g. {@code -XX:StartFlightRecording=filename=/tmp/fr.jfr}. {@code
 * --gateway-latency-ms N} makes the fake gateway answer each call N ms after it arrives (a real
 * provider's round trip; default 0). {@code --debounce-ms N} sets the AI's reply pause (default 0;
 * one longer than the run measures the first contact without the answer).
 *
 * <pre>
 * ./mvnw -q -o -pl bench install -DskipTests
 * ./mvnw -q -o -pl bench exec:java -Dexec.mainClass=com.buildcrm.bench.FirstReplyBench \
 *     -Dexec.args="--jar platform/server/target/buildcrm.jar --leads 200,1000 --flood 2000"
 * </pre>
 */
public final class FirstReplyBench {

    private static final long EPOCH = 1_764_686_607L;

    private String jar = "platform/server/target/buildcrm.jar";
    private int[] bursts = {200, 1000};
    private int flood = 2000;
    private int probes = 10;
    private int warmup = 30;
    private final List<String> jvmArgs = new ArrayList<>();

    /** Gateway arrival (nanoTime) of the first call per recipient number. */
    private final Map<String, Long> firstAtGateway = new ConcurrentHashMap<>();

    private static final Map<String, Integer> CALLS_PER_RECIPIENT = new ConcurrentHashMap<>();

    private final AtomicInteger gatewayCalls = new AtomicInteger();
    private int nextPhone;

    /** The CPU each scenario took (set once the server runs). */
    private CpuMeter cpu;

    /** The CPU table's rows, one per scenario and window. */
    private final List<String> cpuRows = new ArrayList<>();

    /**
     * How long the fake gateway takes to answer each call: a real provider is a round trip over the
     * internet away (0: answer at once).
     */
    private int gatewayLatencyMs;

    /**
     * The companies' AI reply pause ({@code --debounce-ms}; default 0, at most 60000). A pause
     * longer than the scenario leaves the answers out of it: the figures are then the first
     * contact's own (acknowledgement, inbox, greeting chain).
     */
    private int debounceMs;

    public static void main(String[] args) throws Exception {
        FirstReplyBench b = new FirstReplyBench();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--jar" -> b.jar = args[++i];
                case "--leads" ->
                        b.bursts =
                                args[++i].isBlank()
                                        ? new int[0]
                                        : Arrays.stream(args[i].split(","))
                                                .mapToInt(Integer::parseInt)
                                                .toArray();
                case "--flood" -> b.flood = Integer.parseInt(args[++i]);
                case "--probes" -> b.probes = Integer.parseInt(args[++i]);
                case "--warmup" -> b.warmup = Integer.parseInt(args[++i]);
                case "--jvm" -> b.jvmArgs.add(args[++i]);
                case "--gateway-latency-ms" -> b.gatewayLatencyMs = Integer.parseInt(args[++i]);
                case "--debounce-ms" -> b.debounceMs = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        b.run();
    }

    private void run() throws Exception {
        System.out.println("load average at start: " + StartupBench.loadAverage());
        HttpServer gateway = gateway(firstAtGateway, gatewayCalls, gatewayLatencyMs);
        System.out.println("fake gateway answers after " + gatewayLatencyMs + " ms");
        String gatewayUrl = "http://127.0.0.1:" + gateway.getAddress().getPort() + "/api/v1/";
        BenchServer server =
                BenchServer.start(
                        Path.of(jar), "buildcrm-first-reply-", jvmArgs.toArray(String[]::new));
        cpu = new CpuMeter(server);
        try {
            String op = server.operatorLogin();
            String hookA = company(server, op, "burst", gatewayUrl);
            String hookB = company(server, op, "quiet", gatewayUrl);
            ClosedLoop.measure(server, null, "/api/ping", 4, 3, false);
            ClosedLoop.Result ping = ClosedLoop.measure(server, null, "/api/ping", 4, 5, true);
            System.out.printf(
                    "reference: /api/ping at 4 clients p50 %.1f ms, p95 %.1f ms, %.0f req/s%n",
                    ping.p50(), ping.p95(), ping.rps());
            if (warmup > 0) {
                burst(server, hookA, warmup, "warm-up");
            }
            List<String> rows = new ArrayList<>();
            for (int n : bursts) {
                rows.add(burst(server, hookA, n, n + " new leads at once"));
            }
            if (flood > 0) {
                rows.add(fairness(server, hookA, hookB));
            }
            System.out.println();
            System.out.println(
                    "| scenario | leads measured | first reply p50 s | p95 s | max s | all answered"
                            + " (s, from first post) | non-200 |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|");
            rows.forEach(System.out::println);
            System.out.println();
            System.out.println(
                    "Where the CPU went (/proc; \"first replies\": from the first post to the last"
                            + " lead's first reply; \"all sent\": until "
                            + QUIET.toSeconds()
                            + " s without a gateway call, the quiet included; "
                            + Runtime.getRuntime().availableProcessors()
                            + " cores):");
            System.out.println("| scenario | window | " + CpuMeter.Use.header("lead") + " |");
            System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|");
            cpuRows.forEach(System.out::println);
            System.out.println("gateway calls in all: " + gatewayCalls.get());
            // every lead's whole first answer (chain and reply), counted once the sends stop: a
            // lead greeted twice or not answered shows here
            int seen = -1;
            while (seen != gatewayCalls.get()) {
                seen = gatewayCalls.get();
                Thread.sleep(5_000);
            }
            Map<Integer, Integer> perLead = new java.util.TreeMap<>();
            CALLS_PER_RECIPIENT.values().forEach(n -> perLead.merge(n, 1, Integer::sum));
            System.out.println(
                    "messages per lead at the gateway once quiet (messages=leads): " + perLead);
            System.out.println("server log: " + server.logSummary());
        } finally {
            server.stop();
            server.deleteDir();
            gateway.stop(0);
            System.out.println("load average at end: " + StartupBench.loadAverage());
        }
    }

    /**
     * A fake ChatFlow instance API on 127.0.0.1 (base URL {@code http://127.0.0.1:<port>/api/v1/}):
     * records the nanoTime of the first call per recipient number in {@code firstAtGateway}, counts
     * every call, answers success.
     */
    static HttpServer gateway(
            Map<String, Long> firstAtGateway, AtomicInteger gatewayCalls, int latencyMs)
            throws Exception {
        // The JDK's HTTP server leaves Nagle's algorithm on unless told: its response (headers,
        // then body) then waits for the client's delayed ACK, about 40 ms per call on Linux, and
        // every send seemed to take that long (stop 31). A real provider's server does not.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        // daemon threads: exec:java waits for the others, so they would keep the bench alive
        s.setExecutor(
                Executors.newFixedThreadPool(
                        64,
                        r -> {
                            Thread t = new Thread(r, "fake-chatflow");
                            t.setDaemon(true);
                            return t;
                        }));
        AtomicInteger ids = new AtomicInteger();
        s.createContext(
                "/api/v1/",
                exchange -> {
                    long at = System.nanoTime();
                    if (latencyMs > 0) {
                        // the provider's round trip; the arrival time above is what is measured
                        try {
                            Thread.sleep(latencyMs);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    String jid = param(exchange.getRequestURI(), "jid");
                    if (jid != null) {
                        firstAtGateway.putIfAbsent(jid.replace("@s.whatsapp.net", ""), at);
                        CALLS_PER_RECIPIENT.merge(jid, 1, Integer::sum);
                    }
                    gatewayCalls.incrementAndGet();
                    byte[] body =
                            ("{\"success\":true,\"message\":\"Message sent\",\"data\":{\"id\":\"FR"
                                            + ids.incrementAndGet()
                                            + "\"}}")
                                    .getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                });
        s.start();
        return s;
    }

    private static String param(URI uri, String name) {
        String q = uri.getRawQuery();
        if (q == null) {
            return null;
        }
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /**
     * A company with the rule brain, the bench's reply pause and a ChatFlow channel to the gateway.
     */
    private String company(BenchServer server, String op, String slug, String gatewayUrl)
            throws Exception {
        String created =
                server.post(
                        "/api/admin/tenants",
                        op,
                        "{\"slug\":\""
                                + slug
                                + "\",\"name\":\"First reply "
                                + slug
                                + "\",\"pack\":\"generic-sales\",\"owner\":{\"name\":\"Owner\","
                                + "\"email\":\"owner@"
                                + slug
                                + ".kz\",\"password\":\"owner-pass-1\"}}",
                        201);
        return connect(server, op, BenchServer.field(created, "id"), gatewayUrl, debounceMs);
    }

    /**
     * Turns on the rule brain with the reply pause {@code debounceMs} for tenant {@code id} and
     * points its ChatFlow channel at the gateway; the channel's webhook path (with {@code
     * ?secret=}).
     */
    static String connect(
            BenchServer server, String op, String id, String gatewayUrl, int debounceMs)
            throws Exception {
        server.send(
                "PUT",
                "/api/admin/tenants/" + id + "/ai",
                op,
                "{\"enabled\":true,\"brain\":\"rules\",\"debounceMs\":" + debounceMs + "}",
                200);
        String channel =
                server.send(
                        "PUT",
                        "/api/admin/tenants/" + id + "/channel",
                        op,
                        "{\"provider\":\"chatflow\",\"settings\":{\"baseUrl\":\""
                                + gatewayUrl
                                + "\",\"token\":\"t\",\"instanceId\":\"i\"}}",
                        200);
        URI hook = URI.create(BenchServer.field(channel, "webhookUrl"));
        return hook.getRawPath() + "?" + hook.getRawQuery();
    }

    /** {@code n} new leads post at once; the row of the table. */
    private String burst(BenchServer server, String hook, int n, String label) throws Exception {
        String[] phones = phones(n);
        long[] acked = new long[n];
        int threads = Math.min(n, 200);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger bad = new AtomicInteger();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(
                    pool.submit(
                            () -> {
                                go.await();
                                int i;
                                while ((i = next.getAndIncrement()) < n) {
                                    acked[i] = post(server, hook, phones[i], bad);
                                }
                                return null;
                            }));
        }
        CpuMeter.Sample before = cpu.sample();
        long start = System.nanoTime();
        go.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        String row = row(label, phones, acked, start, bad.get());
        cpuRows(label, n, before);
        return row;
    }

    /**
     * With no gateway call for this long, a scenario's sends are over (the chain's pace is 1.5 s).
     */
    private static final Duration QUIET = Duration.ofSeconds(3);

    /**
     * The CPU rows of a scenario that began at {@code before} and whose first replies have all
     * arrived: up to now, then until the gateway is quiet (its chains and answers sent too).
     */
    private void cpuRows(String label, int leads, CpuMeter.Sample before)
            throws InterruptedException {
        CpuMeter.Sample firstReplies = cpu.sample();
        int seen = -1;
        while (seen != gatewayCalls.get()) {
            seen = gatewayCalls.get();
            Thread.sleep(QUIET.toMillis());
        }
        CpuMeter.Sample quiet = cpu.sample();
        cpuRows.add(
                "| "
                        + label
                        + " | first replies | "
                        + firstReplies.since(before).row(leads)
                        + " |");
        cpuRows.add("| " + label + " | all sent | " + quiet.since(before).row(leads) + " |");
    }

    /**
     * The second company's {@code probes} new leads, one every half second, while the first one
     * receives {@code flood} new leads' webhooks from 16 clients.
     */
    private String fairness(BenchServer server, String hookA, String hookB) throws Exception {
        String[] floodPhones = phones(flood);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger bad = new AtomicInteger();
        long[] floodAcked = new long[flood];
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<?>> done = new ArrayList<>();
        CpuMeter.Sample before = cpu.sample();
        long start = System.nanoTime();
        for (int t = 0; t < 16; t++) {
            done.add(
                    pool.submit(
                            () -> {
                                int i;
                                while ((i = next.getAndIncrement()) < flood) {
                                    floodAcked[i] = post(server, hookA, floodPhones[i], bad);
                                }
                                return null;
                            }));
        }
        // the quiet company's leads start once the flood is under way
        while (next.get() < Math.min(flood, 200)) {
            Thread.sleep(20);
        }
        String[] probePhones = phones(probes);
        long[] probeAcked = new long[probes];
        AtomicInteger probeBad = new AtomicInteger();
        for (int i = 0; i < probes; i++) {
            long t0 = System.nanoTime();
            probeAcked[i] = post(server, hookB, probePhones[i], probeBad);
            long pause = TimeUnit.MILLISECONDS.toNanos(500) - (System.nanoTime() - t0);
            if (pause > 0) {
                TimeUnit.NANOSECONDS.sleep(pause);
            }
        }
        String probeRow =
                row(
                        "the quiet company's new leads during a flood of "
                                + flood
                                + " at the other",
                        probePhones,
                        probeAcked,
                        probeAcked[0],
                        probeBad.get());
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        String floodRow =
                row(
                        "the flooding company's " + flood + " new leads (16 clients)",
                        floodPhones,
                        floodAcked,
                        start,
                        bad.get());
        cpuRows(
                "the flood of " + flood + " and the quiet company's " + probes,
                flood + probes,
                before);
        return probeRow + "\n" + floodRow;
    }

    private String[] phones(int n) {
        String[] phones = new String[n];
        for (int i = 0; i < n; i++) {
            phones[i] = "7702" + String.format("%07d", nextPhone++);
        }
        return phones;
    }

    /** One new lead's text webhook; the nanoTime of its 200, or -1. */
    static long post(BenchServer server, String hook, String phone, AtomicInteger bad) {
        String body =
                "{\"messageType\":\"text\",\"message\":\"Здравствуйте, сколько стоит дом?\","
                        + "\"metadata\":{\"sender\":\"Клиент "
                        + phone.substring(phone.length() - 4)
                        + "\",\"timestamp\":"
                        + EPOCH
                        + ",\"messageId\":\"FR"
                        + phone
                        + "\",\"remoteJid\":\""
                        + phone
                        + "@s.whatsapp.net\"},\"mediaData\":null}";
        try {
            int status =
                    server.http()
                            .send(
                                    HttpRequest.newBuilder(URI.create(server.base() + hook))
                                            .timeout(Duration.ofSeconds(60))
                                            .header("Content-Type", "application/json")
                                            .POST(
                                                    HttpRequest.BodyPublishers.ofString(
                                                            body, StandardCharsets.UTF_8))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode();
            if (status == 200) {
                return System.nanoTime();
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
        bad.incrementAndGet();
        return -1;
    }

    /** Waits (up to 10 minutes) for a first gateway call to every acknowledged lead; the row. */
    private String row(String label, String[] phones, long[] acked, long start, int bad)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline && !allAnswered(phones, acked)) {
            Thread.sleep(20);
        }
        long[] waits =
                java.util.stream.IntStream.range(0, phones.length)
                        .filter(i -> acked[i] > 0 && firstAtGateway.containsKey(phones[i]))
                        .mapToLong(i -> firstAtGateway.get(phones[i]) - acked[i])
                        .sorted()
                        .toArray();
        long last =
                java.util.stream.IntStream.range(0, phones.length)
                        .filter(i -> firstAtGateway.containsKey(phones[i]))
                        .mapToLong(i -> firstAtGateway.get(phones[i]))
                        .max()
                        .orElse(start);
        int unanswered = (int) Arrays.stream(acked).filter(a -> a > 0).count() - waits.length;
        return String.format(
                "| %s | %d%s | %.2f | %.2f | %.2f | %.1f | %d |",
                label,
                waits.length,
                unanswered > 0 ? " (" + unanswered + " unanswered)" : "",
                pct(waits, 0.50),
                pct(waits, 0.95),
                waits.length == 0 ? Double.NaN : waits[waits.length - 1] / 1e9,
                (last - start) / 1e9,
                bad);
    }

    private boolean allAnswered(String[] phones, long[] acked) {
        for (int i = 0; i < phones.length; i++) {
            if (acked[i] > 0 && !firstAtGateway.containsKey(phones[i])) {
                return false;
            }
        }
        return true;
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e9;
    }
}
