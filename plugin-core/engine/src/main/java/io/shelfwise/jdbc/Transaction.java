package io.shelfwise.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * One unit of JDBC work on a connection of its own, committed whole or rolled back whole. Shared by the plugin's
 * stores (event store, model registry); not API.
 */
public final class Transaction {

    /** Work on the transaction's connection. */
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private Transaction() {
    }

    /**
     * Borrows a connection, runs the work with auto-commit off, commits if it returns and rolls back if it throws
     * (a failing rollback is added to the original exception as suppressed). The connection's auto-commit setting
     * is restored before it is returned.
     *
     * @throws SQLException if the connection cannot be had, or the work or the commit fails
     */
    public static <T> T run(DataSource dataSource, Work<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }
}
