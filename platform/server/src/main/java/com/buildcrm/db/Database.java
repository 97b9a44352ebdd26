package com.buildcrm.db;

import com.buildcrm.config.ServerSettings;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The server's PostgreSQL: the configured one ({@code BUILDCRM_DB_URL}), or in the embedded default
 * an embedded PostgreSQL whose data lives under {@code <data dir>/pg} and survives restarts.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Database.class.getName());

    private final EmbeddedPostgres embedded;
    private final HikariDataSource pool;
    private final HikariDataSource direct; // null: the pool's URL is already direct

    private Database(EmbeddedPostgres embedded, HikariDataSource pool, HikariDataSource direct) {
        this.embedded = embedded;
        this.pool = pool;
        this.direct = direct;
    }

    public static Database start(ServerSettings settings) {
        return start(settings, java.util.Optional.empty());
    }

    /**
     * Starts with {@code directUrl}, when given, for what must bypass a transaction-pooling
     * PgBouncer: schema migrations (Flyway sets the session's {@code search_path}) and {@code
     * LISTEN} (a session-long subscription). The main pool then serves only whole transactions.
     */
    public static Database start(ServerSettings settings, java.util.Optional<String> directUrl) {
        EmbeddedPostgres embedded = null;
        String url;
        String user;
        String password;
        if (settings.embeddedDatabase()) {
            Path keys = settings.dataDir().resolve("keys");
            try {
                password = EmbeddedPassword.load(keys);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read or create the PostgreSQL password", e);
            }
            embedded = startEmbedded(settings.dataDir().resolve("pg"), keys, password);
            url = embedded.getJdbcUrl("postgres", "postgres");
            user = "postgres";
            LOG.info(() -> "Embedded PostgreSQL started on port " + embeddedPort(url));
        } else {
            url = settings.dbUrl().orElseThrow();
            user = settings.dbUser();
            password = settings.dbPassword();
        }
        HikariConfig config = new HikariConfig();
        // the driver is in the WAR: name it, or DriverManager (which Payara does not point at the
        // application's class loader) finds none for an external URL
        config.setDriverClassName("org.postgresql.Driver");
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(settings.dbPoolSize());
        config.setPoolName("buildcrm");
        config.setAutoCommit(true);
        HikariDataSource main = null;
        try {
            main = new HikariDataSource(config);
            HikariDataSource direct = null;
            if (directUrl.isPresent() && embedded == null) {
                HikariConfig d = new HikariConfig();
                d.setDriverClassName("org.postgresql.Driver");
                d.setJdbcUrl(directUrl.get());
                d.setUsername(user);
                d.setPassword(password);
                // migrations at start and tenant creation only; LISTEN opens its own connection
                d.setMaximumPoolSize(Math.max(2, settings.tenantMigrationParallelism()));
                d.setMinimumIdle(0);
                d.setPoolName("buildcrm-direct");
                d.setAutoCommit(true);
                direct = new HikariDataSource(d);
            }
            return new Database(embedded, main, direct);
        } catch (RuntimeException e) {
            if (main != null) {
                main.close();
            }
            closeQuietly(embedded);
            throw e;
        }
    }

    /**
     * Starts the embedded cluster with password authentication: a new cluster is initialised with
     * {@code scram-sha-256} and the kept password ({@code initdb --auth --pwfile}); a cluster an
     * older version initialised with {@code trust} gets the password and its rules switched on this
     * start.
     */
    private static EmbeddedPostgres startEmbedded(Path dir, Path keys, String password) {
        Path pwfile = null;
        EmbeddedPostgres pg = null;
        try {
            Files.createDirectories(dir);
            stopOrphan(dir);
            boolean fresh = !Files.exists(dir.resolve("postgresql.conf"));
            EmbeddedPostgres.Builder builder =
                    EmbeddedPostgres.builder()
                            .setDataDirectory(dir)
                            .setCleanDataDirectory(false)
                            .setServerConfig("max_connections", "100")
                            // durable like any PostgreSQL: an acknowledged webhook survives a
                            // power loss
                            .setServerConfig("fsync", "on")
                            .setServerConfig("synchronous_commit", "on")
                            .setServerConfig("full_page_writes", "on")
                            .setServerConfig("password_encryption", "scram-sha-256")
                            // how the embedded library checks the server is up
                            .setConnectConfig("password", password);
            if (fresh) {
                pwfile = EmbeddedPassword.pwfile(keys, password);
                // the library's initdb takes "--key=value" options from its locale settings;
                // these come after its own "-A trust" and win
                builder.setLocaleConfig("auth", "scram-sha-256")
                        .setLocaleConfig("pwfile", pwfile.toString());
            }
            pg = builder.start();
            if (EmbeddedPassword.trusts(dir)) {
                try (java.sql.Connection c = pg.getPostgresDatabase().getConnection()) {
                    EmbeddedPassword.requirePassword(dir, c, password);
                }
            }
            return pg;
        } catch (IOException e) {
            closeQuietly(pg);
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dir, e);
        } catch (java.sql.SQLException e) {
            closeQuietly(pg);
            throw new IllegalStateException(
                    "could not set the embedded PostgreSQL's password in " + dir, e);
        } finally {
            if (pwfile != null) {
                try {
                    Files.deleteIfExists(pwfile);
                } catch (IOException e) {
                    LOG.warning(() -> "cannot delete " + e.getMessage());
                }
            }
        }
    }

    /**
     * After a hard kill (SIGKILL, power loss of the JVM only) the embedded PostgreSQL outlives us
     * and still holds the data directory. Stop it so this start can take over; PostgreSQL's own
     * crash recovery then makes the data consistent.
     */
    static void stopOrphan(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        } catch (RuntimeException e) {
            return; // unreadable: PostgreSQL will judge it itself
        }
        java.util.Optional<ProcessHandle> orphan =
                ProcessHandle.of(pid)
                        .filter(ProcessHandle::isAlive)
                        .filter(
                                p ->
                                        p.info()
                                                .command()
                                                .map(c -> c.contains("postgres"))
                                                .orElse(false));
        if (orphan.isEmpty()) {
            return;
        }
        LOG.warning(
                () ->
                        "Stopping the embedded PostgreSQL (pid "
                                + pid
                                + ") left running by a previous crash");
        ProcessHandle process = orphan.get();
        process.destroy();
        try {
            process.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException(e);
        }
    }

    private static String embeddedPort(String url) {
        return url.replaceAll(".*localhost:(\\d+)/.*", "$1");
    }

    public DataSource dataSource() {
        return pool;
    }

    /**
     * Connections straight to PostgreSQL, for session state (migrations): {@code
     * BUILDCRM_DB_DIRECT_URL}, else the main pool.
     */
    public DataSource directDataSource() {
        return direct != null ? direct : pool;
    }

    /**
     * The JDBC URL of {@link #directDataSource()}, for a connection of one's own ({@code LISTEN}).
     */
    public String directJdbcUrl() {
        return direct != null ? direct.getJdbcUrl() : pool.getJdbcUrl();
    }

    public boolean embedded() {
        return embedded != null;
    }

    @Override
    public void close() {
        if (direct != null) {
            direct.close();
        }
        pool.close();
        closeQuietly(embedded);
    }

    private static void closeQuietly(EmbeddedPostgres pg) {
        if (pg != null) {
            try {
                pg.close();
            } catch (IOException e) {
                LOG.warning("embedded PostgreSQL did not stop cleanly: " + e.getMessage());
            }
        }
    }
}
