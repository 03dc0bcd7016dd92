package dev.comptoir.core.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Plain JDBC connections for the hot paths of the store-side adapters (fewer allocations than a
 * JDBI statement). Package-private plumbing.
 */
final class PgInventoryConnections {
    /** A JDBC call. */
    interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    /** An {@link SQLException} carried unchecked. */
    static final class SqlFailure extends RuntimeException {
        SqlFailure(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private final DataSource dataSource;
    private final Jdbi jdbi;

    private PgInventoryConnections(DataSource dataSource, Jdbi jdbi) {
        this.dataSource = dataSource;
        this.jdbi = jdbi;
    }

    static PgInventoryConnections of(DataSource dataSource) {
        return new PgInventoryConnections(Objects.requireNonNull(dataSource, "dataSource"), null);
    }

    static PgInventoryConnections of(Jdbi jdbi) {
        return new PgInventoryConnections(null, Objects.requireNonNull(jdbi, "jdbi"));
    }

    /** Runs {@code work} on a connection in autocommit mode (one statement = one transaction). */
    <T> T autocommit(SqlWork<T> work) {
        return borrow(c -> work.run(c));
    }

    /**
     * Runs {@code work} in a transaction; commits when {@code commitIf} accepts the result, rolls
     * back otherwise (and on any exception).
     */
    <T> T inTransaction(SqlWork<T> work, Predicate<T> commitIf) {
        return borrow(c -> {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                if (commitIf.test(result)) {
                    c.commit();
                } else {
                    c.rollback();
                }
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
    }

    private <T> T borrow(SqlWork<T> work) {
        try {
            if (dataSource != null) {
                try (Connection c = dataSource.getConnection()) {
                    return work.run(c);
                }
            }
            try (Handle h = jdbi.open()) {
                return work.run(h.getConnection());
            }
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }
}
