package dev.comptoir.sim.engine;

import dev.comptoir.core.money.Money;
import dev.comptoir.core.payment.InsertResult;
import dev.comptoir.core.payment.Payment;
import dev.comptoir.core.payment.PaymentMetrics;
import dev.comptoir.core.payment.PaymentRefund;
import dev.comptoir.core.payment.PaymentRepository;
import dev.comptoir.core.payment.PaymentStatus;
import dev.comptoir.core.payment.TransactionId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The simulator's payment store: a plain in-memory {@link PaymentRepository} that also keeps
 * the money ledger the checker needs, incrementally (captured and refunded cents overall and per
 * order), and can forget payments of orders the checker has finished with. The order a
 * transaction belongs to is its id up to the first {@code '/'} (the order saga uses its saga id,
 * so any extra charge for the same order shows up under the same order key).
 */
final class LedgerPaymentRepository implements PaymentRepository {
    /** Money moved for one order. */
    static final class OrderMoney {
        int captures;
        long capturedCents;
        long refundedCents;
        int refunds;
        final List<TransactionId> transactions = new ArrayList<>(1);
    }

    private final Map<TransactionId, Payment> payments = new HashMap<>();
    private final Map<TransactionId, List<PaymentRefund>> refunds = new HashMap<>();
    private final Map<String, OrderMoney> perOrder = new HashMap<>();
    private long transactions;
    private long completed;
    private long failed;
    private long capturedCents;
    private long refundCount;
    private long refundedCents;

    static String orderKey(TransactionId id) {
        String v = id.value();
        int slash = v.indexOf('/');
        return slash < 0 ? v : v.substring(0, slash);
    }

    @Override
    public synchronized Optional<Payment> find(TransactionId id) {
        return Optional.ofNullable(payments.get(id));
    }

    @Override
    public synchronized InsertResult insertIfAbsent(Payment payment) {
        Payment existing = payments.putIfAbsent(payment.transactionId(), payment);
        if (existing != null) {
            return new InsertResult(existing, false);
        }
        transactions++;
        perOrder.computeIfAbsent(orderKey(payment.transactionId()), k -> new OrderMoney()).transactions
                .add(payment.transactionId());
        return new InsertResult(payment, true);
    }

    @Override
    public synchronized boolean replace(Payment expected, Payment updated) {
        Payment current = payments.get(expected.transactionId());
        if (current == null || !sameState(current, expected)) {
            return false;
        }
        payments.put(updated.transactionId(), updated);
        account(current, updated);
        return true;
    }

    @Override
    public synchronized boolean replaceWithRefund(Payment expected, Payment updated, PaymentRefund refund) {
        if (!replace(expected, updated)) {
            return false;
        }
        refunds.computeIfAbsent(refund.originalTransactionId(), k -> new ArrayList<>(1)).add(refund);
        refundCount++;
        long cents = refund.amount().cents();
        refundedCents += cents;
        OrderMoney m = perOrder.computeIfAbsent(orderKey(refund.originalTransactionId()), k -> new OrderMoney());
        m.refundedCents += cents;
        m.refunds++;
        return true;
    }

    private void account(Payment before, Payment after) {
        if (before.status() != after.status()) {
            if (after.status() == PaymentStatus.FAILED) {
                failed++;
            }
            if (after.status().isCaptured() && !before.status().isCaptured()) {
                completed++;
            }
        }
        long diff = after.capturedAmount().cents() - before.capturedAmount().cents();
        if (diff > 0) {
            capturedCents += diff;
            OrderMoney m = perOrder.computeIfAbsent(orderKey(after.transactionId()), k -> new OrderMoney());
            m.captures++;
            m.capturedCents += diff;
        }
    }

    @Override
    public synchronized List<PaymentRefund> refundsOf(TransactionId id) {
        return List.copyOf(refunds.getOrDefault(id, List.of()));
    }

    @Override
    public synchronized PaymentMetrics metrics() {
        return new PaymentMetrics(transactions, completed, failed, Money.ofCents(capturedCents), refundCount,
                Money.ofCents(refundedCents));
    }

    /** Money moved for an order so far (all zero when none). */
    synchronized OrderMoney money(String orderKey) {
        OrderMoney m = perOrder.get(orderKey);
        return m == null ? new OrderMoney() : m;
    }

    /** Forgets the payments and ledger entries of one order (after the checker settled it). */
    synchronized void forget(String orderKey) {
        OrderMoney m = perOrder.remove(orderKey);
        if (m != null) {
            for (TransactionId t : m.transactions) {
                payments.remove(t);
                refunds.remove(t);
            }
        }
    }

    synchronized long capturedCents() {
        return capturedCents;
    }

    synchronized long refundedCents() {
        return refundedCents;
    }

    synchronized int retained() {
        return payments.size();
    }

    /** The compare-and-set check of the {@link PaymentRepository} contract (the update time included). */
    private static boolean sameState(Payment a, Payment b) {
        return a.status() == b.status() && a.capturedAmount().equals(b.capturedAmount())
                && a.refundedAmount().equals(b.refundedAmount()) && a.updatedAt().equals(b.updatedAt());
    }
}
