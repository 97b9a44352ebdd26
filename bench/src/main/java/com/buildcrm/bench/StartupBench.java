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
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
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
 *     -Dexec.args="--jar platform/server/target/buildcrm.jar --runs 3"
 * </pre>
 *
 * <p>An external database needs {@code BUILDCRM_MASTER_KEY}: one random key is generated per bench
 * run and passed to every start (the tenants hold no secrets, so any key works).
 *
 * <p>Work-around (on by default, {@code --no-driver-workaround} turns it off): the server's
 * HikariCP pool is built without a driver class name, and inside Payara {@code DriverManager} does
 * not see the PostgreSQL driver of the WAR, so with {@code BUILDCRM_DB_URL} the deployment fails
 * with "Failed to get driver instance … No suitable driver" (the embedded database works because
 * its data source loads the driver first). The bench passes {@code -Dhikaricp.configurationFile=…}
 * holding {@code driverClassName=org.postgresql.Driver}, which {@code new HikariConfig()} reads —
 * the same thing the fix in {@code Database.start} would do.
 */
public final class StartupBench {

    private static final String MASTER_KEY = randomKey();

    public static void main(String[] args) throws Exception {
        String jar = "platform/server/target/buildcrm.jar";
        String base = "jdbc:postgresql://127.0.0.1:5432/";
        int runs = 3;
        boolean driverWorkaround = true;
        int[] counts = {1, 200};
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--jar" -> jar = args[++i];
                case "--db-base" -> base = args[++i];
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--no-driver-workaround" -> driverWorkaround = false;
                case "--tenants" ->
                        counts =
                                java.util.Arrays.stream(args[++i].split(","))
                                        .mapToInt(Integer::parseInt)
                                        .toArray();
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path jarPath = Path.of(jar).toAbsolutePath();
        if (!Files.exists(jarPath)) {
            throw new IllegalStateException("build the server first: " + jarPath);
        }
        System.out.println("load average at start: " + loadAverage());
        for (int tenants : counts) {
            String db = "buildcrm_bench_startup_" + tenants;
            recreate(base, db);
            try {
                long t0 = System.nanoTime();
                provision(base + db, tenants);
                System.out.printf(
                        "%d tenants provisioned in %.1f s%n",
                        tenants, (System.nanoTime() - t0) / 1e9);
                List<Long> wall = new ArrayList<>();
                List<Long> platform = new ArrayList<>();
                for (int r = 0; r < runs; r++) {
                    long[] m = startOnce(jarPath, base + db, driverWorkaround);
                    wall.add(m[0]);
                    platform.add(m[1]);
                    System.out.printf(
                            "  run %d: ready after %d ms (platform ready in %d ms); load %s%n",
                            r + 1, m[0], m[1], loadAverage());
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
        // a create holds its own connection while Flyway opens two more: 4 threads need > 12
        config.setMaximumPoolSize(16);
        try (HikariDataSource ds = new HikariDataSource(config)) {
            PlatformMigrations.migrate(ds);
            TenantProvisioner provisioner = new TenantProvisioner(ds);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<String> failed = new ArrayList<>();
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int i = 0; i < tenants; i++) {
                    String slug = "startup-" + i;
                    done.add(pool.submit(() -> provisioner.create(tenant(slug))));
                }
                for (int i = 0; i < tenants; i++) {
                    try {
                        done.get(i).get();
                    } catch (java.util.concurrent.ExecutionException e) {
                        if (failed.isEmpty()) {
                            System.out.println("provisioning in parallel failed (first failure):");
                            e.getCause().printStackTrace(System.out);
                        }
                        failed.add("startup-" + i);
                    }
                }
            } finally {
                pool.shutdownNow();
            }
            if (!failed.isEmpty()) {
                System.out.printf(
                        "%d of %d tenants failed in parallel; retrying them one by one%n",
                        failed.size(), tenants);
                for (String slug : failed) {
                    provisioner.create(tenant(slug));
                }
            }
        }
    }

    private static NewTenant tenant(String slug) {
        return new NewTenant(
                slug,
                "Tenant " + slug,
                null,
                null,
                null,
                new NewOwner("Owner", "owner@" + slug + ".kz", "owner-pass-1"));
    }

    private static long[] startOnce(Path jar, String url, boolean driverWorkaround)
            throws Exception {
        Path dir = Files.createTempDirectory("buildcrm-startup-");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path log = dir.resolve("server.log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (driverWorkaround) {
            Path hikari = dir.resolve("hikari.properties");
            Files.writeString(hikari, "driverClassName=org.postgresql.Driver\n");
            command.add("-Dhikaricp.configurationFile=" + hikari);
        }
        command.addAll(
                List.of(
                        "-jar",
                        jar.toString(),
                        "--port",
                        Integer.toString(port),
                        "--rootdir",
                        dir.resolve("payara").toString()));
        ProcessBuilder pb =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("BUILDCRM_DB_URL", url);
        pb.environment().put("BUILDCRM_DB_USER", "postgres");
        pb.environment().put("BUILDCRM_DATA_DIR", dir.toString());
        pb.environment().put("BUILDCRM_OPERATOR_PASSWORD", "bench-operator-1");
        pb.environment().put("BUILDCRM_MASTER_KEY", MASTER_KEY);
        long start = System.nanoTime();
        Process p = pb.start();
        HttpClient client = HttpClient.newHttpClient();
        try {
            while (true) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("server died: " + Files.readString(log));
                }
                if (Files.readString(log).contains("Exception while loading the app")) {
                    throw new IllegalStateException(
                            "deployment failed, see the log:\n" + Files.readString(log));
                }
                try {
                    HttpResponse<Void> r =
                            client.send(
                                    HttpRequest.newBuilder(
                                                    URI.create(
                                                            "http://127.0.0.1:"
                                                                    + port
                                                                    + "/health/ready"))
                                            .build(),
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
            Matcher m =
                    Pattern.compile("platform ready in (\\d+) ms").matcher(Files.readString(log));
            return new long[] {wall, m.find() ? Long.parseLong(m.group(1)) : -1};
        } finally {
            p.destroy();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            deleteTree(dir);
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

    static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException | RuntimeException e) {
            System.err.println("could not delete " + dir + ": " + e);
        }
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
