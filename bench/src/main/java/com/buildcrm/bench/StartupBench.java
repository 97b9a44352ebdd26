package com.buildcrm.bench;

import com.buildcrm.provisioner.NewOwner;
import com.buildcrm.provisioner.NewTenant;
import com.buildcrm.provisioner.PlatformMigrations;
import com.buildcrm.provisioner.TenantProvisioner;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Server start-up time against a database holding 1 and then 200 up-to-date tenants: launches the
 * real uber jar, times process start → {@code /health/ready} = 200, and reads the server's own
 * "platform ready in N ms" (storage, migrations of platform, tenants behind). Run on demand:
 *
 * <pre>
 * ./mvnw -q -pl bench exec:java -Dexec.mainClass=com.buildcrm.bench.StartupBench \
 *     -Dexec.args="--jar platform/server/target/buildcrm.jar"
 * </pre>
 */
public final class StartupBench {

    public static void main(String[] args) throws Exception {
        String jar = "platform/server/target/buildcrm.jar";
        String base = "jdbc:postgresql://127.0.0.1:5432/";
        int runs = 3;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--jar" -> jar = args[++i];
                case "--db-base" -> base = args[++i];
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path jarPath = Path.of(jar).toAbsolutePath();
        if (!Files.exists(jarPath)) {
            throw new IllegalStateException("build the server first: " + jarPath);
        }
        for (int tenants : new int[] {1, 200}) {
            String db = "buildcrm_bench_startup_" + tenants;
            recreate(base, db);
            try {
                long t0 = System.nanoTime();
                provision(base + db, tenants);
                System.out.printf("%d tenants provisioned in %.1f s%n", tenants, (System.nanoTime() - t0) / 1e9);
                List<Long> wall = new ArrayList<>();
                List<Long> platform = new ArrayList<>();
                for (int r = 0; r < runs; r++) {
                    long[] m = startOnce(jarPath, base + db);
                    wall.add(m[0]);
                    platform.add(m[1]);
                    System.out.printf("  run %d: ready after %d ms (platform ready in %d ms)%n", r + 1, m[0], m[1]);
                }
                System.out.printf(
                        "RESULT tenants=%d ready_median_ms=%d platform_median_ms=%d%n",
                        tenants, median(wall), median(platform));
            } finally {
                drop(base, db);
            }
        }
    }

    private static void provision(String url, int tenants) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("postgres");
        config.setMaximumPoolSize(6);
        try (HikariDataSource ds = new HikariDataSource(config)) {
            PlatformMigrations.migrate(ds);
            TenantProvisioner provisioner = new TenantProvisioner(ds);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < tenants; i++) {
                String slug = "startup-" + i;
                done.add(pool.submit(() -> provisioner.create(new NewTenant(
                        slug, "Tenant " + slug, null, null, null,
                        new NewOwner("Owner", "owner@" + slug + ".kz", "owner-pass-1")))));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
        }
    }

    private static long[] startOnce(Path jar, String url) throws Exception {
        Path dir = Files.createTempDirectory("buildcrm-startup-");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path log = dir.resolve("server.log");
        ProcessBuilder pb = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar", jar.toString(), "--port", Integer.toString(port),
                        "--rootdir", dir.resolve("payara").toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("BUILDCRM_DB_URL", url);
        pb.environment().put("BUILDCRM_DB_USER", "postgres");
        pb.environment().put("BUILDCRM_DATA_DIR", dir.toString());
        pb.environment().put("BUILDCRM_OPERATOR_PASSWORD", "bench-operator-1");
        long start = System.nanoTime();
        Process p = pb.start();
        HttpClient client = HttpClient.newHttpClient();
        try {
            while (true) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("server died: " + Files.readString(log));
                }
                try {
                    HttpResponse<Void> r = client.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready")).build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() == 200) {
                        break;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                p.waitFor(100, TimeUnit.MILLISECONDS);
            }
            long wall = (System.nanoTime() - start) / 1_000_000;
            Matcher m = Pattern.compile("platform ready in (\\d+) ms").matcher(Files.readString(log));
            return new long[] {wall, m.find() ? Long.parseLong(m.group(1)) : -1};
        } finally {
            p.destroy();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    private static void recreate(String base, String db) throws Exception {
        drop(base, db);
        try (Connection c = DriverManager.getConnection(base + "postgres", "postgres", "");
                Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + db);
        }
    }

    private static void drop(String base, String db) throws Exception {
        try (Connection c = DriverManager.getConnection(base + "postgres", "postgres", "");
                Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
