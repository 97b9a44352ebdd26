package com.buildcrm.bench;

import com.buildcrm.provisioner.MigrationReport;
import com.buildcrm.provisioner.NewOwner;
import com.buildcrm.provisioner.NewTenant;
import com.buildcrm.provisioner.PlatformMigrations;
import com.buildcrm.provisioner.ProvisioningStep;
import com.buildcrm.provisioner.TenantProvisioner;
import com.buildcrm.provisioner.TenantSummary;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Measures the tenant provisioner against a real PostgreSQL: provisioning time per tenant (mean,
 * p50, p95, max, with a per-step breakdown), and migrate-all over many tenants when all are behind
 * by one migration and when all are up to date (the start-up path). Works in a fresh database that
 * it creates and drops. Prints a Markdown section for {@code bench/RESULTS.md}.
 */
@Command(
        name = "provisioning-bench",
        mixinStandardHelpOptions = true,
        description = "Benchmarks tenant provisioning and migrate-all.")
public final class ProvisioningBench implements Callable<Integer> {

    private static final String V2_LOCATION = "classpath:db/bench-tenant-v2";
    private static final Pattern JDBC_URL =
            Pattern.compile("^(jdbc:postgresql://[^/]+/)([^?]*)(\\?.*)?$");

    @Option(
            names = "--db-url",
            defaultValue = "jdbc:postgresql://127.0.0.1:5432/postgres",
            description =
                    "Admin connection; the bench database is created next to it (default: ${DEFAULT-VALUE}).")
    String adminUrl;

    @Option(names = "--db-user", defaultValue = "postgres")
    String user;

    @Option(names = "--db-password", defaultValue = "")
    String password;

    @Option(
            names = "--database",
            defaultValue = "buildcrm_bench",
            description = "Created, used and dropped (default: ${DEFAULT-VALUE}).")
    String database;

    @Option(
            names = "--provision",
            defaultValue = "50",
            description = "Tenants provisioned one by one and timed (default: ${DEFAULT-VALUE}).")
    int provisionCount;

    @Option(
            names = "--warmup",
            defaultValue = "5",
            description = "Untimed tenants provisioned first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(
            names = "--tenants",
            defaultValue = "200",
            description = "Tenants for the migrate-all runs (default: ${DEFAULT-VALUE}).")
    int tenantCount;

    @Option(names = "--parallelism", description = "migrate-all threads (default: min(4, cores)).")
    Integer parallelism;

    @Option(
            names = "--up-to-date-runs",
            defaultValue = "5",
            description =
                    "Repetitions of the all-up-to-date migrate-all (default: ${DEFAULT-VALUE}).")
    int upToDateRuns;

    @Option(names = "--keep", description = "Keep the bench database afterwards.")
    boolean keep;

    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.flywaydb", "error");
        int code = new CommandLine(new ProvisioningBench()).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    @Override
    public Integer call() throws Exception {
        if (!database.matches("^[a-z_][a-z0-9_]{0,62}$")) {
            throw new IllegalArgumentException(
                    "database name must be a plain identifier: " + database);
        }
        Matcher url = JDBC_URL.matcher(adminUrl);
        if (!url.matches()) {
            throw new IllegalArgumentException(
                    "expected jdbc:postgresql://host:port/db: " + adminUrl);
        }
        String benchUrl = url.group(1) + database + (url.group(3) == null ? "" : url.group(3));
        int threads = parallelism != null ? parallelism : TenantProvisioner.defaultParallelism();

        admin("DROP DATABASE IF EXISTS " + database);
        admin("CREATE DATABASE " + database);
        try (HikariDataSource dataSource = pool(benchUrl, 2 * Math.max(threads, 4) + 2)) {
            return run(dataSource, threads);
        } finally {
            if (!keep) {
                admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    private int run(HikariDataSource dataSource, int threads) throws Exception {
        StringBuilder md = new StringBuilder();
        String serverVersion;
        try (Connection c = dataSource.getConnection()) {
            serverVersion = c.getMetaData().getDatabaseProductVersion();
        }
        long t0 = System.nanoTime();
        PlatformMigrations.migrate(dataSource);
        double platformMs = millisSince(t0);

        // --- provisioning, one tenant at a time (what an operator's "create" costs) ---
        Map<ProvisioningStep, List<Double>> stepTimes = new EnumMap<>(ProvisioningStep.class);
        long[] stepStart = new long[1];
        TenantProvisioner timed =
                TenantProvisioner.builder(dataSource)
                        .parallelism(threads)
                        .stepListener(
                                (id, slug, step) -> {
                                    long now = System.nanoTime();
                                    stepTimes
                                            .computeIfAbsent(step, s -> new ArrayList<>())
                                            .add((now - stepStart[0]) / 1e6);
                                    stepStart[0] = now;
                                })
                        .build();
        int next = 0;
        for (int i = 0; i < warmup; i++) {
            timed.create(tenant(next++));
        }
        stepTimes.clear();
        List<Double> provisionMs = new ArrayList<>();
        for (int i = 0; i < provisionCount; i++) {
            NewTenant request = tenant(next++);
            long start = System.nanoTime();
            stepStart[0] = start;
            timed.create(request);
            provisionMs.add(millisSince(start));
        }
        List<Double> hashMs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long start = System.nanoTime();
            com.buildcrm.provisioner.PasswordHasher.hash("bench-password-" + i);
            hashMs.add(millisSince(start));
        }

        // --- fill up to the migrate-all population (concurrently: this part is not measured) ---
        TenantProvisioner atV1 = TenantProvisioner.builder(dataSource).parallelism(threads).build();
        fill(atV1, next, tenantCount - next, threads);
        int population = atV1.list().size();

        // --- start-up cost: build a provisioner (scan migrations) and read the latest version ---
        long buildStart = System.nanoTime();
        TenantProvisioner atV2 =
                TenantProvisioner.builder(dataSource)
                        .addLocation(V2_LOCATION)
                        .parallelism(threads)
                        .build();
        String latest = atV2.latestTenantVersion();
        double buildMs = millisSince(buildStart);

        // --- migrate-all, every tenant behind by one migration ---
        MigrationReport behind = atV2.migrateAll();
        if (behind.upgraded().size() != population || behind.hasFailures()) {
            throw new IllegalStateException("unexpected migrate-all result: " + behind.failed());
        }

        // --- migrate-all, every tenant up to date (what each server start-up does) ---
        List<Double> upToDateMs = new ArrayList<>();
        for (int i = 0; i < upToDateRuns; i++) {
            MigrationReport report = atV2.migrateAll();
            if (report.upToDate().size() != population) {
                throw new IllegalStateException("expected all up to date: " + report);
            }
            upToDateMs.add(report.elapsed().toNanos() / 1e6);
        }

        // --- for comparison: running Flyway on every up-to-date schema (what we avoid) ---
        long naiveStart = System.nanoTime();
        for (TenantSummary tenant : atV2.list()) {
            atV2.migrate(tenant.slug());
        }
        double naiveMs = millisSince(naiveStart);

        md.append("## Provisioning\n\n");
        md.append(
                String.format(
                        Locale.ROOT,
                        "Machine: 2 cores (shared), PostgreSQL %s on 127.0.0.1, JDK %s, Flyway per-tenant"
                                + " schemas, Argon2id m=19456 t=2 p=1 for the owner. migrate-all"
                                + " parallelism %d. Platform migration on an empty database: %.0f ms.%n%n",
                        serverVersion,
                        System.getProperty("java.version"),
                        threads,
                        platformMs));
        md.append(
                String.format(
                        Locale.ROOT,
                        "### Provisioning one tenant (sequential, n = %d after %d warm-up)%n%n",
                        provisionCount,
                        warmup));
        md.append("| | mean | p50 | p95 | max |\n|---|---:|---:|---:|---:|\n");
        md.append(row("whole `create`", provisionMs));
        for (Map.Entry<ProvisioningStep, List<Double>> step : stepTimes.entrySet()) {
            md.append(row("step " + step.getKey(), step.getValue()));
        }
        md.append(row("(Argon2id hash alone, n = 20)", hashMs));
        md.append(
                String.format(
                        Locale.ROOT,
                        "%n### migrate-all over %d tenants (target version %s)%n%n",
                        population,
                        latest));
        md.append("| case | time | per tenant |\n|---|---:|---:|\n");
        md.append(
                String.format(
                        Locale.ROOT,
                        "| all behind by one migration (%d upgraded) | %.0f ms | %.1f ms |%n",
                        behind.upgraded().size(),
                        behind.elapsed().toNanos() / 1e6,
                        behind.elapsed().toNanos() / 1e6 / population));
        md.append(
                String.format(
                        Locale.ROOT,
                        "| all up to date (start-up path; median of %d, min %.1f, max %.1f) | %.1f ms | %.3f ms |%n",
                        upToDateRuns,
                        min(upToDateMs),
                        max(upToDateMs),
                        percentile(upToDateMs, 50),
                        percentile(upToDateMs, 50) / population));
        md.append(
                String.format(
                        Locale.ROOT,
                        "| build the provisioner + `latestTenantVersion()` (scan locations, no DB) | %.1f ms | — |%n",
                        buildMs));
        md.append(
                String.format(
                        Locale.ROOT,
                        "| for comparison: Flyway on every up-to-date schema, sequentially | %.0f ms | %.1f ms |%n",
                        naiveMs,
                        naiveMs / population));
        System.out.println();
        System.out.println(md);
        return 0;
    }

    private void fill(TenantProvisioner provisioner, int first, int count, int threads)
            throws Exception {
        if (count <= 0) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(2, threads));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                NewTenant request = tenant(first + i);
                futures.add(pool.submit(() -> provisioner.create(request)));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static NewTenant tenant(int n) {
        String slug = String.format(Locale.ROOT, "bench-%04d", n);
        return new NewTenant(
                slug,
                "Bench company " + n,
                "Asia/Almaty",
                n % 2 == 0 ? "ru" : "en",
                "generic-sales",
                new NewOwner("Owner " + n, "owner@" + slug + ".kz", "bench-password"));
    }

    private HikariDataSource pool(String url, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(size);
        config.setPoolName("bench");
        return new HikariDataSource(config);
    }

    private void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(adminUrl, user, password);
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static double millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    private static String row(String label, List<Double> values) {
        return String.format(
                Locale.ROOT,
                "| %s | %.1f ms | %.1f ms | %.1f ms | %.1f ms |%n",
                label,
                mean(values),
                percentile(values, 50),
                percentile(values, 95),
                max(values));
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    private static double min(List<Double> values) {
        return Collections.min(values);
    }

    private static double max(List<Double> values) {
        return Collections.max(values);
    }

    /** Nearest-rank percentile. */
    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
