package dev.comptoir.core.postgres;

import static dev.comptoir.core.postgres.PgCustomerSqlSupport.call;
import static dev.comptoir.core.postgres.PgCustomerSqlSupport.instant;
import static dev.comptoir.core.postgres.PgCustomerSqlSupport.money;
import static dev.comptoir.core.postgres.PgCustomerSqlSupport.ts;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.claim.ClaimId;
import dev.comptoir.core.claim.ClaimType;
import dev.comptoir.core.refund.ClaimRefund;
import dev.comptoir.core.refund.RefundRepository;
import dev.comptoir.core.refund.RefundStats;
import dev.comptoir.core.refund.RefundStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * {@link RefundRepository} on PostgreSQL (table {@code claim_refunds}): the claim id is the
 * primary key and the correlation id is unique, so {@code INSERT … ON CONFLICT DO NOTHING} is
 * the idempotency gate. Thread-safe.
 */
public final class PgRefundRepository implements RefundRepository {
    private static final String COLUMNS = "claim_id, correlation_id, customer_id, product_id, claim_type, amount, status, "
            + "failure_reason, created_at, updated_at";

    private final Jdbi jdbi;

    public PgRefundRepository(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public Optional<ClaimRefund> insertIfAbsent(ClaimRefund refund) {
        Objects.requireNonNull(refund, "refund");
        return call("storing a refund", () -> jdbi.withHandle(h -> {
            int n = h.createUpdate("INSERT INTO claim_refunds (" + COLUMNS + ") VALUES (:claim, :corr, :customer, :product, "
                            + ":type, :amount, :status, :reason, :created, :updated) ON CONFLICT DO NOTHING")
                    .bindMap(params(refund)).execute();
            if (n == 1) {
                return Optional.<ClaimRefund>empty();
            }
            return h.createQuery("SELECT " + COLUMNS + " FROM claim_refunds WHERE claim_id = :claim OR correlation_id = :corr "
                            + "ORDER BY (claim_id = :claim) DESC LIMIT 1")
                    .bind("claim", refund.claimId().value()).bind("corr", refund.correlationId())
                    .map(PgRefundRepository::map).findOne();
        }));
    }

    @Override
    public Optional<ClaimRefund> findByClaim(ClaimId claimId) {
        return call("reading a refund", () -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM claim_refunds WHERE claim_id = :claim")
                .bind("claim", claimId.value()).map(PgRefundRepository::map).findOne()));
    }

    @Override
    public Optional<ClaimRefund> findByCorrelation(String correlationId) {
        return call("reading a refund", () -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM claim_refunds WHERE correlation_id = :corr")
                .bind("corr", correlationId).map(PgRefundRepository::map).findOne()));
    }

    @Override
    public ClaimRefund update(ClaimId claimId, UnaryOperator<ClaimRefund> change) {
        return call("updating a refund", () -> jdbi.inTransaction(h -> {
            ClaimRefund current = h.createQuery("SELECT " + COLUMNS + " FROM claim_refunds WHERE claim_id = :claim FOR UPDATE")
                    .bind("claim", claimId.value()).map(PgRefundRepository::map).findOne()
                    .orElseThrow(() -> ComptoirException.notFound("refund", claimId));
            ClaimRefund next = Objects.requireNonNull(change.apply(current), "change returned null");
            if (!next.claimId().equals(claimId) || !next.correlationId().equals(current.correlationId())) {
                throw new IllegalArgumentException("a refund's claim id and correlation id cannot change");
            }
            if (next != current) {
                h.createUpdate("""
                                UPDATE claim_refunds SET customer_id = :customer, product_id = :product, claim_type = :type,
                                       amount = :amount, status = :status, failure_reason = :reason,
                                       created_at = :created, updated_at = :updated
                                WHERE claim_id = :claim""")
                        .bindMap(params(next)).execute();
            }
            return next;
        }));
    }

    @Override
    public RefundStats stats() {
        return call("counting refunds", () -> jdbi.withHandle(h -> {
            Map<RefundStatus, Long> n = new EnumMap<>(RefundStatus.class);
            h.createQuery("SELECT status, count(*) AS n FROM claim_refunds GROUP BY status")
                    .map((rs, ctx) -> Map.entry(RefundStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                            rs.getLong("n")))
                    .forEach(e -> n.put(e.getKey(), e.getValue()));
            return new RefundStats(n.getOrDefault(RefundStatus.PROCESSING, 0L), n.getOrDefault(RefundStatus.COMPLETED, 0L),
                    n.getOrDefault(RefundStatus.FAILED, 0L), n.getOrDefault(RefundStatus.COMPENSATED, 0L));
        }));
    }

    private static Map<String, Object> params(ClaimRefund r) {
        Map<String, Object> m = new HashMap<>();
        m.put("claim", r.claimId().value());
        m.put("corr", r.correlationId());
        m.put("customer", r.customerId());
        m.put("product", r.productId());
        m.put("type", r.claimType().wireName());
        m.put("amount", r.amount() == null ? null : r.amount().amount());
        m.put("status", r.status().wireName());
        m.put("reason", r.failureReason());
        m.put("created", ts(r.createdAt()));
        m.put("updated", ts(r.updatedAt()));
        return m;
    }

    private static ClaimRefund map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new ClaimRefund(new ClaimId(rs.getObject("claim_id", UUID.class)), rs.getString("correlation_id"),
                rs.getString("customer_id"), rs.getString("product_id"), ClaimType.parse(rs.getString("claim_type")),
                money(rs, "amount"), RefundStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                rs.getString("failure_reason"), instant(rs, "created_at"), instant(rs, "updated_at"));
    }
}
