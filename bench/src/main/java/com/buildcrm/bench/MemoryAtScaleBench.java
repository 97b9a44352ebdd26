package com.buildcrm.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Issue 17, goal 7: the server's memory with many tenants after traffic across all of them, and its
 * time from process start to ready.
 *
 * <ol>
 *   <li>The real uber jar starts on the embedded default in a fresh data dir, with the JVM options
 *       the README's start command has (none: {@code java -jar buildcrm.jar}); {@code --jvm <arg>}
 *       (repeatable) adds one, e.g. {@code -Xmx512m} or the container image's {@code
 *       -XX:MaxRAMPercentage=75}. Start to ready: process start → {@code GET /health/ready} = 200.
 *   <li><b>2 tenants</b>: the demo company and one provisioned company, each with the rule brain
 *       (no reply pause) and a ChatFlow channel to a fake gateway on 127.0.0.1; one new lead per
 *       company writes one webhook message and the bench waits until the answer reaches the
 *       gateway.
 *   <li><b>N tenants</b> ({@code --tenants}, 1,000 by default, the demo included): the rest are
 *       provisioned by the real provisioner, connected the same way, and every company gets one new
 *       lead answered (round 1), then another (round 2) — every tenant's entity manager,
 *       descriptors, pack plugin, brain and outbox path are used. Between the rounds the figures
 *       must not grow if per-tenant state (EclipseLink descriptor clones) is bounded.
 *   <li><b>Restart</b> on the same data dir with N tenants: restart to ready, and the figures idle.
 * </ol>
 *
 * At each point: the server JVM's VmRSS (before and after a full GC) and VmHWM from {@code
 * /proc/<pid>/status}; after {@code jcmd GC.run}, the heap in use and committed and the metaspace
 * ({@code GC.heap_info}); from {@code GC.class_histogram}, the instances of EclipseLink's {@code
 * RelationalDescriptor}/{@code ClassDescriptor} and of all {@code org.eclipse.persistence} classes;
 * the embedded PostgreSQL's processes' PSS (a separate figure: it is not the JVM's RSS).
 *
 * <pre>
 * ./mvnw -q -o -pl bench install -DskipTests
 * ./mvnw -q -o -pl bench exec:java -Dexec.mainClass=com.buildcrm.bench.MemoryAtScaleBench \
 *     -Dexec.args="--jar platform/server/target/buildcrm.jar --tenants 1000"
 * </pre>
 */
public final class MemoryAtScaleBench {

    private static final Pattern HISTOGRAM_ROW =
            Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");
    private static final Pattern HEAP_SPACE =
            Pattern.compile("^ (\\S.*?)\\s+total (\\d+)K, used (\\d+)K");
    private static final Pattern METASPACE =
            Pattern.compile("^ Metaspace\\s+used (\\d+)K, committed (\\d+)K");
    private static final String DESCRIPTORS = "org.eclipse.persistence.descriptors.";

    private String jar = "platform/server/target/buildcrm.jar";
    private int tenants = 1000;
    private int clients = 4;
    private boolean keep;
    private final List<String> jvmArgs = new ArrayList<>();

    /** Gateway arrival of the first call per recipient number. */
    private final Map<String, Long> firstAtGateway = new ConcurrentHashMap<>();

    private final AtomicInteger gatewayCalls = new AtomicInteger();

    /** Webhook path (with its secret) per connected tenant id, in id order. */
    private final Map<Long, String> hooks = new LinkedHashMap<>();

    private final List<String> rows = new ArrayList<>();
    private int nextPhone;

    public static void main(String[] args) throws Exception {
        MemoryAtScaleBench b = new MemoryAtScaleBench();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--jar" -> b.jar = args[++i];
                case "--tenants" -> b.tenants = Integer.parseInt(args[++i]);
                case "--clients" -> b.clients = Integer.parseInt(args[++i]);
                case "--jvm" -> b.jvmArgs.add(args[++i]);
                case "--keep" -> b.keep = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (b.tenants < 2) {
            throw new IllegalArgumentException("--tenants counts the demo company: at least 2");
        }
        b.run();
    }

    private void run() throws Exception {
        String loadAtStart = StartupBench.loadAverage();
        System.out.printf(
                "MemoryAtScaleBench: %d tenants, %d cores, %s, server JVM options: %s;"
                        + " load average at start: %s%n",
                tenants,
                Runtime.getRuntime().availableProcessors(),
                memTotal(),
                jvmArgs.isEmpty() ? "none (the README's java -jar)" : String.join(" ", jvmArgs),
                loadAtStart);
        HttpServer gateway = FirstReplyBench.gateway(firstAtGateway, gatewayCalls, 0);
        String gatewayUrl = "http://127.0.0.1:" + gateway.getAddress().getPort() + "/api/v1/";
        BenchServer server =
                BenchServer.start(Path.of(jar), "buildcrm-memory-", jvmArgs.toArray(String[]::new));
        try {
            double firstStart = server.readySeconds();
            System.out.println("server JVM: " + jvmFlags(server));
            String op = server.operatorLogin();
            TenantListBench.createCompanies(server, "mem-first-", 1);
            connectAll(server, op, gatewayUrl);
            String traffic = traffic(server, "2 tenants");
            measure(server, "first start, one lead each", traffic, firstStart);

            long t0 = System.nanoTime();
            TenantListBench.createCompanies(server, "mem-", tenants - 2);
            double provisioned = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            connectAll(server, op, gatewayUrl);
            System.out.printf(
                    "provisioned %d companies in %.1f s, connected them in %.1f s%n",
                    tenants - 2, provisioned, (System.nanoTime() - t0) / 1e9);
            measure(server, "provisioned, no traffic yet", "", Double.NaN);
            for (int round = 1; round <= 2; round++) {
                traffic = traffic(server, "round " + round);
                measure(server, "round " + round + ": one new lead each", traffic, Double.NaN);
            }
            System.out.println("server log before the restart: " + server.logSummary());

            server.restart();
            measure(server, "restart, idle", "", server.readySeconds());
            System.out.println("server log after the restart: " + server.logSummary());
        } finally {
            server.stop();
            if (keep) {
                System.out.println("kept " + server.dir());
            } else {
                server.deleteDir();
            }
            gateway.stop(0);
        }
        System.out.println();
        System.out.println(
                "| phase | tenants | RSS MB | RSS after full GC MB | peak RSS MB | heap after GC MB"
                        + " | heap committed MB | metaspace MB | EclipseLink descriptors"
                        + " | EclipseLink objects (KB) | embedded PG PSS MB | leads answered"
                        + " | to ready s |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|");
        rows.forEach(System.out::println);
        System.out.println("gateway calls in all: " + gatewayCalls.get());
        System.out.println(
                "load average at start: "
                        + loadAtStart
                        + ", at end: "
                        + StartupBench.loadAverage());
    }

    // ---------------------------------------------------------------- tenants and traffic

    /**
     * Every tenant in the database not yet connected (the demo company included) gets the rule
     * brain and a ChatFlow channel to the gateway, {@code clients} at a time.
     */
    private void connectAll(BenchServer server, String op, String gatewayUrl) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (Connection c = server.db();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT id FROM platform.tenants ORDER BY id")) {
            while (rs.next()) {
                if (!hooks.containsKey(rs.getLong(1))) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<String>> done = new ArrayList<>();
            for (long id : ids) {
                done.add(
                        pool.submit(
                                () ->
                                        FirstReplyBench.connect(
                                                server, op, Long.toString(id), gatewayUrl, 0)));
            }
            for (int i = 0; i < ids.size(); i++) {
                hooks.put(ids.get(i), done.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * One new lead per connected tenant writes one webhook message ({@code clients} posting at
     * once); waits until every acknowledged lead's answer has reached the gateway (deadline: 5
     * minutes plus half a second per tenant). The table's "leads answered" cell.
     */
    private String traffic(BenchServer server, String label) throws Exception {
        List<String> paths = new ArrayList<>(hooks.values());
        int n = paths.size();
        String[] phones = new String[n];
        for (int i = 0; i < n; i++) {
            phones[i] = "7705" + String.format("%07d", nextPhone++);
        }
        long[] acked = new long[n];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger bad = new AtomicInteger();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < clients; t++) {
                done.add(
                        pool.submit(
                                () -> {
                                    int i;
                                    while ((i = next.getAndIncrement()) < n) {
                                        acked[i] =
                                                FirstReplyBench.post(
                                                        server, paths.get(i), phones[i], bad);
                                    }
                                    return null;
                                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double posted = (System.nanoTime() - start) / 1e9;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300 + n / 2);
        int answered;
        while ((answered = answered(phones, acked)) < n - bad.get()
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        double all = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "%s: %d new leads posted to %d tenants in %.1f s (%d not acknowledged),"
                        + " %d answered at the gateway %.1f s after the first post%n",
                label, n, n, posted, bad.get(), answered, all);
        return String.format(Locale.ROOT, "%d / %d in %.0f s", answered, n, all)
                + (bad.get() > 0 ? ", " + bad.get() + " not acknowledged" : "");
    }

    private int answered(String[] phones, long[] acked) {
        int answered = 0;
        for (int i = 0; i < phones.length; i++) {
            if (acked[i] > 0 && firstAtGateway.containsKey(phones[i])) {
                answered++;
            }
        }
        return answered;
    }

    // ---------------------------------------------------------------- measurements

    /**
     * Measures the server now, prints the details and adds a row to the table; a failure is printed
     * and becomes the row, and the bench goes on.
     */
    private void measure(BenchServer server, String phase, String traffic, double toReady) {
        try {
            measureOrFail(server, phase, traffic, toReady);
        } catch (Exception e) {
            e.printStackTrace(System.out);
            rows.add(
                    String.format(
                            Locale.ROOT,
                            "| %s | measuring failed: %s | | | | | | | | | | %s | %s |",
                            phase,
                            e,
                            traffic,
                            seconds(toReady)));
        }
    }

    private void measureOrFail(BenchServer server, String phase, String traffic, double toReady)
            throws Exception {
        long pid = server.pid();
        Map<String, Long> before = procStatus(pid);
        jcmd(pid, "GC.run");
        String heapInfo = jcmd(pid, "GC.heap_info");
        Map<String, Long> after = procStatus(pid);
        long heapUsedKb = 0;
        long heapCommittedKb = 0;
        long metaspaceKb = -1;
        for (String line : heapInfo.split("\n")) {
            Matcher meta = METASPACE.matcher(line);
            Matcher space = HEAP_SPACE.matcher(line);
            if (meta.find()) {
                metaspaceKb = Long.parseLong(meta.group(2));
            } else if (space.find()) {
                heapCommittedKb += Long.parseLong(space.group(2));
                heapUsedKb += Long.parseLong(space.group(3));
            }
        }
        Histogram h = Histogram.parse(jcmd(pid, "GC.class_histogram"));
        String row =
                String.format(
                        Locale.ROOT,
                        "| %s | %d | %d | %d | %d | %d | %d | %d | %d | %d (%d) | %d | %s | %s |",
                        phase,
                        tenantCount(server),
                        mb(before.get("VmRSS")),
                        mb(after.get("VmRSS")),
                        mb(after.get("VmHWM")),
                        mb(heapUsedKb),
                        mb(heapCommittedKb),
                        mb(metaspaceKb),
                        h.instances(DESCRIPTORS + "RelationalDescriptor")
                                + h.instances(DESCRIPTORS + "ClassDescriptor"),
                        h.instances("org.eclipse.persistence."),
                        h.bytes("org.eclipse.persistence.") >> 10,
                        mb(pgPssKb(server)),
                        traffic,
                        seconds(toReady));
        rows.add(row);
        System.out.println(row);
        System.out.printf(
                "  live objects %d MB; EclipseLink by bytes (instances/size): %s%n",
                h.totalBytes >> 20, h.top("org.eclipse.persistence.", 8));
        System.out.printf("  whole heap by bytes: %s%n", h.top("", 8));
    }

    /**
     * {@code jcmd <pid> <command>}'s output; up to three attempts, since attaching to a JVM that is
     * busy (a loaded machine, a server just started) may time out.
     */
    private static String jcmd(long pid, String command) throws Exception {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        for (int attempt = 1; ; attempt++) {
            try {
                return WebhookIngestBench.runQuiet(jcmd, Long.toString(pid), command);
            } catch (IllegalStateException failed) {
                if (attempt == 3) {
                    throw failed;
                }
                System.out.println("retrying: " + failed.getMessage().strip());
            }
        }
    }

    private static String seconds(double s) {
        return Double.isNaN(s) ? "" : String.format(Locale.ROOT, "%.1f", s);
    }

    private static long mb(Long kb) {
        return kb == null || kb < 0 ? -1 : Math.round(kb / 1024.0);
    }

    /** The kB fields of {@code /proc/<pid>/status} (VmRSS, VmHWM, …). */
    private static Map<String, Long> procStatus(long pid) throws IOException {
        Map<String, Long> kb = new HashMap<>();
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            String[] f = line.split("\\s+");
            if (f.length == 3 && f[2].equals("kB")) {
                kb.put(f[0].substring(0, f[0].length() - 1), Long.parseLong(f[1]));
            }
        }
        return kb;
    }

    /** PSS of the embedded PostgreSQL's postmaster and its children (kB), or -1. */
    private static long pgPssKb(BenchServer server) {
        try {
            long postmaster =
                    Long.parseLong(
                            Files.readAllLines(server.dir().resolve("data/pg/postmaster.pid"))
                                    .get(0)
                                    .trim());
            ProcessHandle root = ProcessHandle.of(postmaster).orElseThrow();
            long kb = pss(root.pid());
            for (ProcessHandle child : root.descendants().toList()) {
                kb += pss(child.pid());
            }
            return kb;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long pss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/smaps_rollup"))) {
                if (line.startsWith("Pss:")) {
                    return Long.parseLong(line.split("\\s+")[1]);
                }
            }
        } catch (IOException | RuntimeException gone) {
            // a backend that ended meanwhile
        }
        return 0;
    }

    private static int tenantCount(BenchServer server) throws Exception {
        try (Connection c = server.db();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM platform.tenants")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** The server JVM's collector and maximum heap, from {@code jcmd VM.flags}. */
    private static String jvmFlags(BenchServer server) throws Exception {
        String flags = jcmd(server.pid(), "VM.flags");
        Matcher max = Pattern.compile("-XX:MaxHeapSize=(\\d+)").matcher(flags);
        Matcher gc = Pattern.compile("-XX:\\+Use(\\w+GC)\\b").matcher(flags);
        return (gc.find() ? gc.group(1) : "?")
                + ", max heap "
                + (max.find() ? (Long.parseLong(max.group(1)) >> 20) + " MB" : "?");
    }

    private static String memTotal() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return (Long.parseLong(line.split("\\s+")[1]) >> 10) + " MB RAM";
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return "RAM n/a";
    }

    /** Live objects per class after the full GC {@code GC.class_histogram} runs. */
    private record Histogram(Map<String, long[]> byClass, long totalBytes) {

        static Histogram parse(String text) {
            Map<String, long[]> byClass = new HashMap<>();
            long total = 0;
            for (String line : text.split("\n")) {
                Matcher m = HISTOGRAM_ROW.matcher(line);
                if (m.find()) {
                    // one row per class loader: the same name may come more than once
                    long[] sum = byClass.computeIfAbsent(m.group(3), k -> new long[2]);
                    sum[0] += Long.parseLong(m.group(1));
                    sum[1] += Long.parseLong(m.group(2));
                    total += Long.parseLong(m.group(2));
                }
            }
            return new Histogram(byClass, total);
        }

        /** Instances of the class named {@code name}, or of all classes under a package prefix. */
        long instances(String name) {
            return sum(name, 0);
        }

        long bytes(String name) {
            return sum(name, 1);
        }

        private long sum(String name, int field) {
            if (!name.endsWith(".")) {
                long[] v = byClass.get(name);
                return v == null ? 0 : v[field];
            }
            return byClass.entrySet().stream()
                    .filter(e -> e.getKey().startsWith(name))
                    .mapToLong(e -> e.getValue()[field])
                    .sum();
        }

        /** The {@code n} largest classes under {@code prefix}: "Name instances/KB". */
        String top(String prefix, int n) {
            return byClass.entrySet().stream()
                    .filter(e -> e.getKey().startsWith(prefix))
                    .sorted(
                            Comparator.comparingLong(
                                    (Map.Entry<String, long[]> e) -> -e.getValue()[1]))
                    .limit(n)
                    .map(
                            e ->
                                    e.getKey().substring(e.getKey().lastIndexOf('.') + 1)
                                            + " "
                                            + e.getValue()[0]
                                            + "/"
                                            + (e.getValue()[1] >> 10)
                                            + " KB")
                    .collect(Collectors.joining(", "));
        }
    }
}
