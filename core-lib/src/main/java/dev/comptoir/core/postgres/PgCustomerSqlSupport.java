package dev.comptoir.core.postgres;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.money.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Supplier;
import org.jdbi.v3.core.JdbiException;

/**
 * Small helpers shared by the e-commerce PostgreSQL adapters (customers, carts, orders,
 * payments, claims, refunds): time and money conversions and the translation of driver
 * failures into {@link ComptoirException}.
 */
final class PgCustomerSqlSupport {
    private PgCustomerSqlSupport() {
    }

    static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    static Money money(ResultSet rs, String column) throws SQLException {
        var v = rs.getBigDecimal(column);
        return v == null ? null : Money.of(v);
    }

    static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    /** True when {@code e} was caused by a unique-constraint violation. */
    static boolean isUniqueViolation(Throwable e) {
        return "23505".equals(sqlState(e));
    }

    /**
     * Runs a database call; connection, resource and serialization failures become transient
     * {@link ComptoirException#unavailable}; anything else propagates.
     */
    static <T> T call(String what, Supplier<T> body) {
        try {
            return body.get();
        } catch (JdbiException e) {
            String state = sqlState(e);
            if (state == null || state.startsWith("08") || state.startsWith("40") || state.startsWith("53")
                    || state.startsWith("57")) {
                throw ComptoirException.unavailable("PostgreSQL failed while " + what + ": " + e.getMessage(), e);
            }
            throw e;
        }
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null) {
                return s.getSQLState();
            }
        }
        return null;
    }
}
