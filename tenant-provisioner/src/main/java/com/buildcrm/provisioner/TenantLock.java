package com.buildcrm.provisioner;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A cluster-wide, non-blocking lock on one tenant slug, so that two processes never provision or
 * drop the same tenant at the same time (e.g. a double-clicked "create", or two instances
 * resuming).
 *
 * <p>A transaction-level advisory lock held on a dedicated connection: it disappears with the
 * transaction, so a crashed process or a connection returned to a pool can never leave it behind.
 */
final class TenantLock implements AutoCloseable {

    /** First half of the advisory lock key, "BCRM"; the second half is the slug's hash. */
    private static final int NAMESPACE = 0x4243524D;

    private final Connection connection;

    private TenantLock(Connection connection) {
        this.connection = connection;
    }

    /** Takes the lock or throws {@link TenantBusyException} at once if another session holds it. */
    static TenantLock acquire(DataSource dataSource, String slug) {
        Connection c = null;
        try {
            c = dataSource.getConnection();
            c.setAutoCommit(false);
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT pg_try_advisory_xact_lock(?, ?)")) {
                ps.setInt(1, NAMESPACE);
                ps.setInt(2, slug.hashCode());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return new TenantLock(c);
                    }
                }
            }
            release(c);
            throw new TenantBusyException(slug);
        } catch (SQLException e) {
            if (c != null) {
                release(c);
            }
            throw new TenantDatabaseException("cannot lock tenant " + slug, e);
        }
    }

    @Override
    public void close() {
        release(connection);
    }

    private static void release(Connection c) {
        try (c) {
            c.rollback();
            c.setAutoCommit(true);
        } catch (SQLException ignored) {
            // closing the connection ends the transaction and with it the lock
        }
    }
}
