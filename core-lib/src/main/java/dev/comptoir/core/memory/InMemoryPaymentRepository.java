package dev.comptoir.core.memory;

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
import java.util.Objects;
import java.util.Optional;

/** {@link PaymentRepository} in memory. Thread-safe (one lock). */
public final class InMemoryPaymentRepository implements PaymentRepository {
    private final Map<TransactionId, Payment> payments = new HashMap<>();
    private final List<PaymentRefund> refunds = new ArrayList<>();

    @Override
    public synchronized Optional<Payment> find(TransactionId id) {
        return Optional.ofNullable(payments.get(id));
    }

    @Override
    public synchronized InsertResult insertIfAbsent(Payment payment) {
        Objects.requireNonNull(payment, "payment");
        Payment existing = payments.putIfAbsent(payment.transactionId(), payment);
        return existing == null ? new InsertResult(payment, true) : new InsertResult(existing, false);
    }

    @Override
    public synchronized boolean replace(Payment expected, Payment updated) {
        Payment current = payments.get(expected.transactionId());
        if (current == null || !sameState(current, expected) || !updated.transactionId().equals(expected.transactionId())) {
            return false;
        }
        payments.put(updated.transactionId(), updated);
        return true;
    }

    @Override
    public synchronized boolean replaceWithRefund(Payment expected, Payment updated, PaymentRefund refund) {
        if (!refund.originalTransactionId().equals(expected.transactionId()) || !replace(expected, updated)) {
            return false;
        }
        refunds.add(refund);
        return true;
    }

    @Override
    public synchronized List<PaymentRefund> refundsOf(TransactionId id) {
        return refunds.stream().filter(r -> r.originalTransactionId().equals(id)).toList();
    }

    @Override
    public synchronized PaymentMetrics metrics() {
        long completed = payments.values().stream().filter(p -> p.status().isCaptured()).count();
        long failed = payments.values().stream().filter(p -> p.status() == PaymentStatus.FAILED).count();
        Money processed = payments.values().stream().map(Payment::capturedAmount).reduce(Money.ZERO, Money::plus);
        Money refunded = refunds.stream().map(PaymentRefund::amount).reduce(Money.ZERO, Money::plus);
        return new PaymentMetrics(payments.size(), completed, failed, processed, refunds.size(), refunded);
    }

    static boolean sameState(Payment a, Payment b) {
        return a.status() == b.status() && a.capturedAmount().equals(b.capturedAmount())
                && a.refundedAmount().equals(b.refundedAmount()) && a.updatedAt().equals(b.updatedAt());
    }
}
