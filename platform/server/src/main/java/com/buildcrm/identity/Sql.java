package com.buildcrm.identity;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * One plain-JDBC transaction on a pooled connection, for sessions and the login throttle: an
 * advisory lock and the statements it guards on one connection, {@code RETURNING} results, no
 * entity state.
 */
final class Sql {

    /** Work on one connection; its exceptions roll the transaction back. */
    @FunctionalInterface
    interface Work<T> {
        T apply(Connection c) throws SQLException;
    }

    private Sql() {}

    static <T> T inTransaction(DataSource dataSource, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.apply(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("session store failed: " + e.getMessage(), e);
        }
    }
}
