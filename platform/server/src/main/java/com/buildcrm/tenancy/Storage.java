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
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The server's storage, started once at start-up: the database (embedded or configured), the {@code
 * platform} schema migrated, and the persistence unit.
 */
@ApplicationScoped
public class Storage {

    private static final Logger LOG = Logger.getLogger(Storage.class.getName());

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

    private void start(ServerSettings settings, java.util.Optional<String> directUrl) {
        if (transactions != null) {
            return;
        }
        long started = System.nanoTime();
        Database db = Database.start(settings, directUrl);
        try {
            PlatformMigrations.migrate(db.directDataSource());
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
                                + (database.embedded() ? " (embedded PostgreSQL)" : ""));
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
