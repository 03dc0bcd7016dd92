package dev.comptoir.core.postgres;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.refundsaga.StockAdjustment;
import dev.comptoir.core.refundsaga.spi.StockAdjustments;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * {@link StockAdjustments} in table {@code refund_saga_adjustments} (migration V101). Thread-safe.
 *
 * <pre>{@code
 * ClaimsModule.builder(store, refunds).adjustments(new PgRefundSagaAdjustments(db.jdbi()));
 * }</pre>
 */
public final class PgRefundSagaAdjustments implements StockAdjustments {
    private static final String COLS = "correlation_id, claim_id, product_id, status, quantity, new_stock_level, error, updated_at";
    private final Jdbi jdbi;

    public PgRefundSagaAdjustments(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public boolean insertIfAbsent(StockAdjustment a) {
        return call("storing an adjustment", () -> jdbi.withHandle(h -> h.createUpdate("INSERT INTO refund_saga_adjustments ("
                + COLS + ") VALUES (:c, :claim, :p, :s, :q, :l, :e, :u) ON CONFLICT (correlation_id) DO NOTHING")
                .bind("c", a.correlationId()).bind("claim", a.claimId()).bind("p", a.productId()).bind("s", a.status())
                .bind("q", a.quantity()).bind("l", a.newStockLevel()).bind("e", a.error()).bind("u", a.updatedAt())
                .execute() == 1));
    }

    @Override
    public void update(StockAdjustment a) {
        call("updating an adjustment", () -> jdbi.withHandle(h -> h.createUpdate("UPDATE refund_saga_adjustments SET status = :s,"
                        + " quantity = :q, new_stock_level = :l, error = :e, updated_at = :u WHERE correlation_id = :c")
                .bind("c", a.correlationId()).bind("s", a.status()).bind("q", a.quantity()).bind("l", a.newStockLevel())
                .bind("e", a.error()).bind("u", a.updatedAt()).execute()));
    }

    @Override
    public Optional<StockAdjustment> find(String correlationId) {
        return call("reading an adjustment", () -> jdbi.withHandle(h -> h.createQuery("SELECT " + COLS
                + " FROM refund_saga_adjustments WHERE correlation_id = :c").bind("c", correlationId)
                .map((rs, ctx) -> map(rs)).findOne()));
    }

    @Override
    public Optional<StockAdjustment> findByClaim(String claimId) {
        return call("reading an adjustment", () -> jdbi.withHandle(h -> h.createQuery("SELECT " + COLS
                + " FROM refund_saga_adjustments WHERE claim_id = :c ORDER BY updated_at LIMIT 1").bind("c", claimId)
                .map((rs, ctx) -> map(rs)).findOne()));
    }

    @Override
    public List<StockAdjustment> all() {
        return call("listing adjustments", () -> jdbi.withHandle(h -> h.createQuery("SELECT " + COLS
                + " FROM refund_saga_adjustments ORDER BY updated_at, correlation_id").map((rs, ctx) -> map(rs)).list()));
    }

    private static StockAdjustment map(ResultSet rs) throws SQLException {
        Timestamp u = rs.getTimestamp("updated_at");
        return new StockAdjustment(rs.getString("correlation_id"), rs.getString("claim_id"), rs.getString("product_id"),
                rs.getString("status"), rs.getInt("quantity"), rs.getLong("new_stock_level"), rs.getString("error"),
                u.toInstant());
    }

    static <T> T call(String what, Supplier<T> body) {
        try {
            return body.get();
        } catch (JdbiException e) {
            throw ComptoirException.unavailable(what + " failed", e);
        }
    }
}
