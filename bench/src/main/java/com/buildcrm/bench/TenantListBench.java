package com.buildcrm.bench;

import com.buildcrm.provisioner.NewOwner;
import com.buildcrm.provisioner.NewTenant;
import com.buildcrm.provisioner.ProvisionResult;
import com.buildcrm.provisioner.TenantProvisioner;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The operator's console at many tenants (issue 17, goal 6): {@code --tenants} companies (1,000 by
 * default) provisioned by the real provisioner into the real uber jar's embedded PostgreSQL, each
 * with five leads (three of them today), then one operator (the console has one user at a time)
 * asks back to back for
 *
 * <ul>
 *   <li>{@code GET /api/admin/tenants?limit=50} — the console's first page,
 *   <li>the last page ({@code offset} = tenants − 50), a search ({@code q}) and
 *   <li>the whole list unpaged (the API's behaviour without {@code limit}),
 *   <li>{@code GET /api/admin/health}, and {@code GET /api/ping} as the framework's reference.
 * </ul>
 *
 * <pre>
 * ./mvnw -q -o -pl bench exec:java -Dexec.mainClass=com.buildcrm.bench.TenantListBench \
 *     -Dexec.args="--jar platform/server/target/buildcrm.jar --tenants 1000 --seconds 10"
 * </pre>
 */
public final class TenantListBench {

    public static void main(String[] args) throws Exception {
        Path jar = Path.of("platform/server/target/buildcrm.jar");
        int tenants = 1000;
        int seconds = 10;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--jar" -> jar = Path.of(args[++i]);
                case "--tenants" -> tenants = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        System.out.printf(
                "TenantListBench: %d tenants, %d s per path, %d cores, load %s%n",
                tenants,
                seconds,
                Runtime.getRuntime().availableProcessors(),
                StartupBench.loadAverage());
        BenchServer server = BenchServer.start(jar, "buildcrm-tenants-", "-Xmx1g");
        try {
            long t0 = System.nanoTime();
            provision(server, tenants);
            System.out.printf(
                    "provisioned %d tenants with 5 leads each in %.1f s%n",
                    tenants, (System.nanoTime() - t0) / 1e9);
            String op = server.operatorLogin();
            System.out.printf(
                    "one page answers %d companies, X-Total-Count %s%n",
                    count(server, op, "/api/admin/tenants?limit=50"),
                    totalOf(server, op, "/api/admin/tenants?limit=50"));
            Map<String, String> paths = new LinkedHashMap<>();
            paths.put("ping", "/api/ping");
            paths.put("page", "/api/admin/tenants?limit=50");
            paths.put(
                    "last_page", "/api/admin/tenants?limit=50&offset=" + Math.max(0, tenants - 50));
            paths.put("search", "/api/admin/tenants?limit=50&q=list-7");
            paths.put("all", "/api/admin/tenants");
            paths.put("health", "/api/admin/health");
            for (Map.Entry<String, String> p : paths.entrySet()) {
                ClosedLoop.measure(server, op, p.getValue(), 1, Math.max(3, seconds / 3), false);
                ClosedLoop.Result r =
                        ClosedLoop.measure(server, op, p.getValue(), 1, seconds, true);
                System.out.printf(
                        "RESULT path=%-9s clients=1 requests=%d rps=%.1f p50_ms=%.1f p95_ms=%.1f"
                                + " p99_ms=%.1f errors=%d%n",
                        p.getKey(), r.count(), r.rps(), r.p50(), r.p95(), r.p99(), r.errors());
            }
            System.out.println(server.logSummary());
        } finally {
            server.stop();
            System.out.println("load average at end: " + StartupBench.loadAverage());
            server.deleteDir();
        }
    }

    /** Companies {@code list-N} through the real provisioner, then five leads each. */
    private static void provision(BenchServer server, int tenants) throws Exception {
        createCompanies(server, "list-", tenants);
        try (Connection c = server.db();
                Statement st = c.createStatement()) {
            List<String> schemas = new ArrayList<>();
            try (ResultSet rs =
                    st.executeQuery(
                            "SELECT schema_name FROM platform.tenants WHERE slug LIKE 'list-%'")) {
                while (rs.next()) {
                    schemas.add(rs.getString(1));
                }
            }
            for (String schema : schemas) {
                st.addBatch(
                        "INSERT INTO "
                                + schema
                                + ".leads (phone, stage_id, created_at)"
                                + " SELECT '+7707000000' || g, (SELECT min(id) FROM "
                                + schema
                                + ".stages), now() - (g / 4) * interval '1 day'"
                                + " FROM generate_series(1, 5) g");
            }
            st.executeBatch();
        }
    }

    /**
     * Companies {@code <slugPrefix>0 … <slugPrefix>(count − 1)} (default pack, owner {@code
     * owner@<slug>.kz}) through the real provisioner into the server's database, 4 at a time; their
     * tenant ids in slug order.
     */
    static List<Long> createCompanies(BenchServer server, String slugPrefix, int count)
            throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.pgUrl());
        config.setUsername("postgres");
        config.setPassword(server.pgPassword());
        // a create holds its own connection while Flyway opens two more: 4 threads need > 12
        config.setMaximumPoolSize(16);
        try (HikariDataSource ds = new HikariDataSource(config)) {
            TenantProvisioner provisioner = new TenantProvisioner(ds);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<ProvisionResult>> done = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    String slug = slugPrefix + i;
                    done.add(
                            pool.submit(
                                    () ->
                                            provisioner.create(
                                                    new NewTenant(
                                                            slug,
                                                            "Компания " + slug,
                                                            null,
                                                            null,
                                                            null,
                                                            new NewOwner(
                                                                    "Owner",
                                                                    "owner@" + slug + ".kz",
                                                                    "owner-pass-1")))));
                }
                List<Long> ids = new ArrayList<>();
                for (Future<ProvisionResult> f : done) {
                    ids.add(f.get().tenantId());
                }
                return ids;
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static HttpResponse<String> get(BenchServer server, String token, String path)
            throws Exception {
        return server.http()
                .send(
                        HttpRequest.newBuilder(URI.create(server.base() + path))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static int count(BenchServer server, String token, String path) throws Exception {
        return get(server, token, path).body().split("\"slug\"").length - 1;
    }

    private static String totalOf(BenchServer server, String token, String path) throws Exception {
        return get(server, token, path).headers().firstValue("X-Total-Count").orElse("(none)");
    }
}
