package com.buildcrm.tenancy;

import com.buildcrm.config.ServerSettings;
import com.buildcrm.provisioner.NewOwner;
import com.buildcrm.provisioner.NewTenant;
import com.buildcrm.provisioner.ProvisionResult;
import com.buildcrm.provisioner.TenantProvisioner;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * The DB test tier (ADR 017): one embedded PostgreSQL per test JVM, the server's own {@link
 * Storage} on it (pool, {@code platform} migrations, the persistence unit), and tenants provisioned
 * on demand by the real provisioner. Tests call the public service that owns a native query, with a
 * tenant bound the way a request binds it, after seeding rows with plain SQL.
 *
 * <p>Each test class provisions its own tenants, so classes never see each other's rows.
 */
public final class DbTier {

    private static DbTier instance;

    private final EmbeddedPostgres pg;
    private final Storage storage;
    private final TenantProvisioner provisioner;
    private final AtomicInteger tenants = new AtomicInteger();

    private DbTier() throws IOException {
        this.pg = EmbeddedPostgres.builder().start();
        this.storage = new Storage();
        storage.start(settings(pg.getJdbcUrl("postgres", "postgres")));
        this.provisioner = new TenantProvisioner(storage.dataSource());
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "db-tier-stop"));
    }

    /** The database of this test JVM, started on first use. */
    public static synchronized DbTier get() {
        if (instance == null) {
            try {
                instance = new DbTier();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            }
        }
        return instance;
    }

    private static ServerSettings settings(String url) {
        return new ServerSettings(
                0,
                Path.of("target", "db-tier"),
                Optional.of(url),
                "postgres",
                "",
                4,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Duration.ofMinutes(15),
                Duration.ofDays(30),
                1_048_576L,
                1,
                Path.of("target", "db-tier", "packs"),
                Duration.ofSeconds(2));
    }

    /** The server's storage on this database. */
    public Storage storage() {
        return storage;
    }

    /** A company directory on this database, as the server wires it. */
    public TenantDirectory directory() {
        TenantDirectory directory = new TenantDirectory();
        directory.storage = storage;
        return directory;
    }

    /** The sanctioned way into a tenant for jobs, as the server wires it. */
    public TenantTransactions tenants() {
        TenantTransactions tenants = new TenantTransactions();
        tenants.storage = storage;
        tenants.directory = directory();
        return tenants;
    }

    public DataSource dataSource() {
        return storage.dataSource();
    }

    /**
     * A new active tenant (owner: user 1, {@code owner@<slug>.kz}) with the default stages.
     *
     * @param prefix the start of its slug (a counter makes it unique)
     */
    public TenantRef newTenant(String prefix, String timezone) {
        String slug = prefix + "-" + tenants.incrementAndGet();
        ProvisionResult r =
                provisioner.create(
                        new NewTenant(
                                slug,
                                "Company " + slug,
                                timezone,
                                "ru",
                                "generic-sales",
                                new NewOwner("Owner", "owner@" + slug + ".kz", "owner-pass-1")));
        return new TenantRef(r.tenantId(), r.slug(), r.schemaName());
    }

    /** Runs {@code work} in a committed unit of work of the tenant, as a job does. */
    public <T> T inTenant(TenantRef tenant, java.util.function.Function<TenantWork, T> work) {
        return storage.transactions().inTenant(tenant, work);
    }

    /** The tenant's data as a request of this user with this role sees it. */
    public TenantData data(TenantRef tenant, long userId, String role) {
        TenantContext context = new TenantContext();
        context.bind(tenant, userId, role);
        TenantData data = new TenantData();
        data.context = context;
        data.storage = storage;
        return data;
    }

    /**
     * Runs SQL in the tenant's schema ({@code search_path} is the tenant's, then {@code platform}),
     * one statement after the other, committed.
     */
    public void sql(TenantRef tenant, String... statements) {
        try (Connection c = dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute("SET search_path TO " + tenant.schema() + ", platform");
            for (String statement : statements) {
                s.execute(statement);
            }
            s.execute("RESET search_path");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of every row of a query in the tenant's schema. */
    public List<Object> column(TenantRef tenant, String query, Object... params) {
        try (Connection c = dataSource().getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("SET search_path TO " + tenant.schema() + ", platform");
            }
            List<Object> values = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(query)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        values.add(rs.getObject(1));
                    }
                }
            } finally {
                try (Statement s = c.createStatement()) {
                    s.execute("RESET search_path");
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The plan PostgreSQL picks for a query in the tenant's schema when sequential scans are priced
     * out (a tiny test table would otherwise always be scanned): a plan that still holds a "Seq
     * Scan" has no index to use.
     */
    public String plan(TenantRef tenant, String query) {
        try (Connection c = dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute("SET search_path TO " + tenant.schema() + ", platform");
            s.execute("SET enable_seqscan = off");
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = s.executeQuery("EXPLAIN " + query)) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            } finally {
                s.execute("RESET enable_seqscan");
                s.execute("RESET search_path");
            }
            return plan.toString();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A single number from a query in the tenant's schema. */
    public long number(TenantRef tenant, String query, Object... params) {
        return ((Number) column(tenant, query, params).get(0)).longValue();
    }

    /** The id of the tenant's stage with this system role ({@code NEW}, {@code WON}, …). */
    public long stage(TenantRef tenant, String role) {
        return number(tenant, "SELECT id FROM stages WHERE role = ?", role);
    }

    private void close() {
        storage.stop();
        try {
            pg.close();
        } catch (IOException e) {
            // the JVM is ending; the temporary cluster goes with it
        }
    }
}
