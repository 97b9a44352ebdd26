package com.buildcrm.tenancy;

import com.buildcrm.config.ScaleOutSettings;
import com.buildcrm.config.ServerSettings;
import com.buildcrm.db.Database;
import com.buildcrm.provisioner.PlatformMigrations;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The server's storage, started once at start-up: the database (embedded or configured), the {@code
 * platform} schema migrated, and the persistence unit.
 *
 * <p>On the embedded default the database is started ahead ({@link #startAhead}, called by {@link
 * StartStorageAhead} when CDI begins): the embedded PostgreSQL starts and the platform schema is
 * migrated on a thread of their own while the application server deploys the rest, and {@link
 * #start} takes them over (ADR 047).
 */
@ApplicationScoped
public class Storage {

    private static final Logger LOG = Logger.getLogger(Storage.class.getName());

    /** The database started ahead, and for which data directory; null when none was. */
    private static volatile Ahead ahead;

    private record Ahead(java.nio.file.Path dataDir, CompletableFuture<Database> database) {}

    private volatile Database database;
    private volatile EntityManagers managers;
    private volatile Transactions transactions;

    public synchronized void start(ServerSettings settings) {
        start(settings, java.util.Optional.empty());
    }

    /** Starts with {@link ScaleOutSettings#dbDirectUrl()} for migrations and LISTEN. */
    public synchronized void start(ServerSettings settings, ScaleOutSettings scaleOut) {
        start(settings, scaleOut.dbDirectUrl());
    }

    /**
     * Starts the embedded PostgreSQL and migrates the platform schema on a thread of its own, for
     * {@link #start} to take over; nothing for a configured database (its settings are checked in
     * order by the start, before anything connects). A failure here is the start's failure, thrown
     * by {@link #start}.
     */
    public static synchronized void startAhead(ServerSettings settings) {
        if (ahead != null || !settings.embeddedDatabase()) {
            return;
        }
        CompletableFuture<Database> database = new CompletableFuture<>();
        Thread thread =
                new Thread(
                        () -> {
                            try {
                                database.complete(migrated(Database.start(settings)));
                            } catch (RuntimeException | Error e) {
                                database.completeExceptionally(e);
                            }
                        },
                        "buildcrm-storage-ahead");
        thread.setDaemon(true);
        ahead = new Ahead(settings.dataDir(), database);
        // a start that fails before taking it over (a bad setting) must not leave PostgreSQL
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(() -> closeUnclaimed(database), "buildcrm-storage-ahead-stop"));
        thread.start();
    }

    private static Database migrated(Database db) {
        try {
            PlatformMigrations.migrate(db.directDataSource());
            return db;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    private static void closeUnclaimed(CompletableFuture<Database> database) {
        if (database.isDone() && !database.isCompletedExceptionally()) {
            Database db = database.join();
            if (ahead != null && ahead.database() == database) {
                db.close();
            }
        }
    }

    /** Whether a database was started ahead for this data directory and not taken over yet. */
    static boolean aheadFor(java.nio.file.Path dataDir) {
        Ahead started = ahead;
        return started != null && started.dataDir().equals(dataDir);
    }

    /** The database started ahead for these settings, waited for; empty when none was. */
    private static synchronized Optional<Database> takeAhead(
            ServerSettings settings, Optional<String> directUrl) {
        Ahead started = ahead;
        if (started == null) {
            return Optional.empty();
        }
        ahead = null;
        if (!settings.embeddedDatabase()
                || directUrl.isPresent()
                || !started.dataDir().equals(settings.dataDir())) {
            started.database().thenAccept(Database::close);
            return Optional.empty();
        }
        try {
            return Optional.of(started.database().join());
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private void start(ServerSettings settings, java.util.Optional<String> directUrl) {
        if (transactions != null) {
            return;
        }
        long started = System.nanoTime();
        Optional<Database> startedAhead = takeAhead(settings, directUrl);
        Database db = startedAhead.orElseGet(() -> migrated(Database.start(settings, directUrl)));
        try {
            EntityManagers ems = new EntityManagers(db.dataSource());
            this.database = db;
            this.managers = ems;
            this.transactions = new Transactions(ems);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        LOG.info(
                () ->
                        "Storage ready in "
                                + (System.nanoTime() - started) / 1_000_000
                                + " ms"
                                + (database.embedded() ? " (embedded PostgreSQL)" : "")
                                + (startedAhead.isPresent()
                                        ? ", started ahead while the server deployed"
                                        : ""));
    }

    public boolean ready() {
        return transactions != null;
    }

    public Transactions transactions() {
        Transactions tx = transactions;
        if (tx == null) {
            throw new IllegalStateException("storage is not started yet");
        }
        return tx;
    }

    public DataSource dataSource() {
        return database.dataSource();
    }

    /**
     * Connections straight to PostgreSQL, bypassing a transaction-pooling PgBouncer: for schema
     * migrations, whose tool keeps session state. Same as {@link #dataSource()} without {@code
     * BUILDCRM_DB_DIRECT_URL}.
     */
    public DataSource directDataSource() {
        return database.directDataSource();
    }

    /** The JDBC URL straight to PostgreSQL, for a connection of one's own ({@code LISTEN}). */
    public String directJdbcUrl() {
        return database.directJdbcUrl();
    }

    /**
     * A connection of its own, outside the pool, with the pool's credentials, straight to
     * PostgreSQL ({@link #directJdbcUrl()}: a transaction-pooling PgBouncer would hand the session
     * to others and a {@code LISTEN} would be lost), in autocommit. For a listener thread: a pooled
     * connection is shared after close and unwraps to a proxy. The caller closes it.
     */
    public Connection openListenerConnection(String applicationName) throws SQLException {
        HikariDataSource pool = dataSource().unwrap(HikariDataSource.class);
        Properties props = new Properties();
        props.setProperty("user", pool.getUsername());
        if (pool.getPassword() != null) {
            props.setProperty("password", pool.getPassword());
        }
        props.setProperty("ApplicationName", applicationName);
        props.setProperty("tcpKeepAlive", "true");
        // the driver directly: DriverManager does not see the application's class loader in Payara
        String url = directJdbcUrl();
        Connection c = new org.postgresql.Driver().connect(url, props);
        if (c == null) {
            throw new SQLException("not a PostgreSQL URL: " + url);
        }
        c.setAutoCommit(true);
        return c;
    }

    @PreDestroy
    void stop() {
        if (managers != null) {
            managers.close();
        }
        if (database != null) {
            database.close();
        }
    }
}
