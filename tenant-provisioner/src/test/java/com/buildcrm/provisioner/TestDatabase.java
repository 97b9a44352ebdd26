package com.buildcrm.provisioner;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * One embedded PostgreSQL per test JVM (started on first use, stopped at JVM exit); every test gets
 * a fresh database in it, with the platform schema migrated, so tests never see each other's
 * tenants.
 */
public final class TestDatabase implements AutoCloseable {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private final String name;
    private final String jdbcUrl;
    private final HikariDataSource dataSource;

    private TestDatabase(String name) {
        this.name = name;
        this.jdbcUrl = server().getJdbcUrl("postgres", name);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername("postgres");
        config.setMaximumPoolSize(12);
        config.setMinimumIdle(1);
        config.setPoolName(name);
        this.dataSource = new HikariDataSource(config);
    }

    /** A new, empty database with the platform schema migrated. */
    public static TestDatabase fresh() {
        String name = "test_" + DATABASES.incrementAndGet();
        try (Connection c = server().getPostgresDatabase().getConnection();
                Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        TestDatabase db = new TestDatabase(name);
        PlatformMigrations.migrate(db.dataSource());
        return db;
    }

    static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server =
                        EmbeddedPostgres.builder()
                                .setServerConfig("fsync", "off")
                                .setServerConfig("synchronous_commit", "off")
                                .setServerConfig("full_page_writes", "off")
                                .setServerConfig("max_connections", "200")
                                .start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime()
                    .addShutdownHook(
                            new Thread(
                                    () -> {
                                        try {
                                            started.close();
                                        } catch (IOException ignored) {
                                            // the JVM is exiting anyway
                                        }
                                    }));
        }
        return server;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String name() {
        return name;
    }

    /** Runs a statement (DDL, DML) on the test database. */
    public void execute(String sql) {
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The first column of every row of a query, as strings. */
    public List<String> column(String sql) {
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The single value of a query returning one row and one column. */
    public String value(String sql) {
        List<String> values = column(sql);
        if (values.size() != 1) {
            throw new IllegalStateException(sql + " returned " + values.size() + " rows");
        }
        return values.get(0);
    }

    public long count(String sql) {
        return Long.parseLong(value(sql));
    }

    public boolean schemaExists(String schema) {
        return count(
                        "SELECT count(*) FROM pg_namespace WHERE nspname = '"
                                + TenantSchema.checked(schema)
                                + "'")
                == 1;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
