package dev.comptoir.core.postgres;

import static dev.comptoir.core.postgres.PgCustomerSqlSupport.call;
import static dev.comptoir.core.postgres.PgCustomerSqlSupport.instant;
import static dev.comptoir.core.postgres.PgCustomerSqlSupport.integer;
import static dev.comptoir.core.postgres.PgCustomerSqlSupport.money;
import static dev.comptoir.core.postgres.PgCustomerSqlSupport.ts;

import dev.comptoir.core.money.Money;
import dev.comptoir.core.payment.CardDetails;
import dev.comptoir.core.payment.GatewayResponse;
import dev.comptoir.core.payment.InsertResult;
import dev.comptoir.core.payment.Payment;
import dev.comptoir.core.payment.PaymentMetrics;
import dev.comptoir.core.payment.PaymentRefund;
import dev.comptoir.core.payment.PaymentRepository;
import dev.comptoir.core.payment.PaymentStatus;
import dev.comptoir.core.payment.TransactionId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * {@link PaymentRepository} on PostgreSQL (tables {@code payments}, {@code payment_refunds}).
 * The idempotency gate is {@code INSERT … ON CONFLICT (transaction_id) DO NOTHING}; replacements
 * are conditional {@code UPDATE}s on the expected status and amounts. Thread-safe.
 */
public final class PgPaymentRepository implements PaymentRepository {
    private static final String COLUMNS = "transaction_id, customer_id, amount, currency, payment_method, status, "
            + "authorization_code, captured_amount, refunded_amount, error_code, decline_reason, response_code, "
            + "response_message, risk_score, processor_reference, card_last_four, card_brand, card_exp_month, "
            + "card_exp_year, created_at, updated_at";

    private final Jdbi jdbi;

    public PgPaymentRepository(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public Optional<Payment> find(TransactionId id) {
        return call("reading a payment", () -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM payments WHERE transaction_id = :id")
                .bind("id", id.value()).map(PgPaymentRepository::map).findOne()));
    }

    @Override
    public InsertResult insertIfAbsent(Payment payment) {
        Objects.requireNonNull(payment, "payment");
        return call("storing a payment", () -> jdbi.withHandle(h -> {
            int n = h.createUpdate("INSERT INTO payments (" + COLUMNS + ") VALUES (:id, :customer, :amount, :currency, "
                            + ":method, :status, :auth, :captured, :refunded, :error, :reason, :rcode, :rmsg, :risk, :pref, "
                            + ":last4, :brand, :month, :year, :created, :updated) ON CONFLICT (transaction_id) DO NOTHING")
                    .bindMap(params(payment)).execute();
            if (n == 1) {
                return new InsertResult(payment, true);
            }
            Payment existing = h.createQuery("SELECT " + COLUMNS + " FROM payments WHERE transaction_id = :id")
                    .bind("id", payment.transactionId().value()).map(PgPaymentRepository::map).one();
            return new InsertResult(existing, false);
        }));
    }

    @Override
    public boolean replace(Payment expected, Payment updated) {
        return call("updating a payment", () -> jdbi.inTransaction(h -> conditionalUpdate(h, expected, updated)));
    }

    @Override
    public boolean replaceWithRefund(Payment expected, Payment updated, PaymentRefund refund) {
        if (!refund.originalTransactionId().equals(expected.transactionId())) {
            return false;
        }
        return call("recording a refund", () -> jdbi.inTransaction(h -> {
            if (!conditionalUpdate(h, expected, updated)) {
                return false;
            }
            GatewayResponse g = refund.gatewayResponse();
            h.createUpdate("""
                            INSERT INTO payment_refunds (refund_id, transaction_id, amount, currency, reason, refund_reference,
                                                         response_code, response_message, risk_score, processor_reference,
                                                         processed_at)
                            VALUES (:id, :txn, :amount, :currency, :reason, :ref, :rcode, :rmsg, :risk, :pref, :at)""")
                    .bind("id", refund.refundId()).bind("txn", refund.originalTransactionId().value())
                    .bind("amount", refund.amount().amount()).bind("currency", refund.currency())
                    .bind("reason", refund.reason()).bind("ref", refund.refundReference())
                    .bind("rcode", g.responseCode()).bind("rmsg", g.responseMessage()).bind("risk", g.riskScore())
                    .bind("pref", g.processorReference()).bind("at", ts(refund.processedAt()))
                    .execute();
            return true;
        }));
    }

    @Override
    public List<PaymentRefund> refundsOf(TransactionId id) {
        return call("reading refunds", () -> jdbi.withHandle(h -> h.createQuery("""
                        SELECT refund_id, transaction_id, amount, currency, reason, refund_reference, response_code,
                               response_message, risk_score, processor_reference, processed_at
                        FROM payment_refunds WHERE transaction_id = :id ORDER BY seq""")
                .bind("id", id.value())
                .map((rs, ctx) -> new PaymentRefund(rs.getString("refund_id"), TransactionId.of(rs.getString("transaction_id")),
                        money(rs, "amount"), rs.getString("currency"), rs.getString("reason"),
                        rs.getString("refund_reference"), new GatewayResponse(rs.getString("response_code"),
                        rs.getString("response_message"), rs.getInt("risk_score"), rs.getString("processor_reference")),
                        instant(rs, "processed_at")))
                .list()));
    }

    @Override
    public PaymentMetrics metrics() {
        return call("computing payment metrics", () -> jdbi.withHandle(h -> {
            record P(long total, long completed, long failed, Money processed) {
            }
            P p = h.createQuery("""
                            SELECT count(*) AS total,
                                   count(*) FILTER (WHERE status IN ('completed', 'partially_refunded', 'refunded')) AS completed,
                                   count(*) FILTER (WHERE status = 'failed') AS failed,
                                   coalesce(sum(captured_amount), 0) AS processed
                            FROM payments""")
                    .map((rs, ctx) -> new P(rs.getLong("total"), rs.getLong("completed"), rs.getLong("failed"),
                            money(rs, "processed")))
                    .one();
            record R(long count, Money amount) {
            }
            R r = h.createQuery("SELECT count(*) AS n, coalesce(sum(amount), 0) AS amount FROM payment_refunds")
                    .map((rs, ctx) -> new R(rs.getLong("n"), money(rs, "amount"))).one();
            return new PaymentMetrics(p.total(), p.completed(), p.failed(), p.processed(), r.count(), r.amount());
        }));
    }

    private static boolean conditionalUpdate(Handle h, Payment expected, Payment updated) {
        if (!updated.transactionId().equals(expected.transactionId())) {
            return false;
        }
        Map<String, Object> m = params(updated);
        m.put("estatus", expected.status().wireName());
        m.put("ecaptured", expected.capturedAmount().amount());
        m.put("erefunded", expected.refundedAmount().amount());
        m.put("eupdated", ts(expected.updatedAt()));
        return h.createUpdate("""
                        UPDATE payments SET customer_id = :customer, amount = :amount, currency = :currency,
                               payment_method = :method, status = :status, authorization_code = :auth,
                               captured_amount = :captured, refunded_amount = :refunded, error_code = :error,
                               decline_reason = :reason, response_code = :rcode, response_message = :rmsg,
                               risk_score = :risk, processor_reference = :pref, card_last_four = :last4,
                               card_brand = :brand, card_exp_month = :month, card_exp_year = :year,
                               created_at = :created, updated_at = :updated
                        WHERE transaction_id = :id AND status = :estatus AND captured_amount = :ecaptured
                          AND refunded_amount = :erefunded AND updated_at = :eupdated""")
                .bindMap(m).execute() == 1;
    }

    private static Map<String, Object> params(Payment p) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", p.transactionId().value());
        m.put("customer", p.customerId());
        m.put("amount", p.amount().amount());
        m.put("currency", p.currency());
        m.put("method", p.paymentMethod());
        m.put("status", p.status().wireName());
        m.put("auth", p.authorizationCode());
        m.put("captured", p.capturedAmount().amount());
        m.put("refunded", p.refundedAmount().amount());
        m.put("error", p.errorCode());
        m.put("reason", p.declineReason());
        GatewayResponse g = p.gatewayResponse();
        m.put("rcode", g == null ? null : g.responseCode());
        m.put("rmsg", g == null ? null : g.responseMessage());
        m.put("risk", g == null ? null : g.riskScore());
        m.put("pref", g == null ? null : g.processorReference());
        CardDetails c = p.card();
        m.put("last4", c == null ? null : c.lastFour());
        m.put("brand", c == null ? null : c.brand());
        m.put("month", c == null ? null : c.expMonth());
        m.put("year", c == null ? null : c.expYear());
        m.put("created", ts(p.createdAt()));
        m.put("updated", ts(p.updatedAt()));
        return m;
    }

    private static Payment map(ResultSet rs, StatementContext ctx) throws SQLException {
        String rcode = rs.getString("response_code");
        GatewayResponse g = rcode == null ? null : new GatewayResponse(rcode, rs.getString("response_message"),
                Objects.requireNonNullElse(integer(rs, "risk_score"), 0), rs.getString("processor_reference"));
        String last4 = rs.getString("card_last_four");
        CardDetails card = last4 == null ? null : new CardDetails(last4, rs.getString("card_brand"),
                rs.getString("card_exp_month"), rs.getString("card_exp_year"));
        return new Payment(TransactionId.of(rs.getString("transaction_id")), rs.getString("customer_id"),
                money(rs, "amount"), rs.getString("currency"), rs.getString("payment_method"),
                PaymentStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)), rs.getString("authorization_code"),
                money(rs, "captured_amount"), money(rs, "refunded_amount"), rs.getString("error_code"),
                rs.getString("decline_reason"), g, card, instant(rs, "created_at"), instant(rs, "updated_at"));
    }
}
