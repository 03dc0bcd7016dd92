package dev.comptoir.core.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.comptoir.core.money.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract every {@link PaymentRepository} must meet; subclass it and implement {@link #create()}. */
public abstract class PaymentRepositoryContractTest {
    protected static final Instant T0 = Instant.parse("2026-01-15T10:00:00Z");
    private static final GatewayResponse OK = new GatewayResponse("00", "Approved", 12, "REF_abc");

    /** A fresh, empty repository. */
    protected abstract PaymentRepository create();

    private PaymentRepository repo;

    @BeforeEach
    void setUp() {
        repo = create();
    }

    static Payment pending(String id, String amount) {
        return Payment.pending(new ChargeRequest(TransactionId.of(id), "1", Money.of(amount), null, null,
                CardDetails.fromNumber("4111 1111 1111 1111", "VISA", "12", "2027")), T0);
    }

    private Payment completed(String id, String amount) {
        Payment p = pending(id, amount);
        repo.insertIfAbsent(p);
        Payment done = p.authorized("AUTH_1", OK, T0).captured(p.amount(), OK, T0);
        assertThat(repo.replace(p, done)).isTrue();
        return done;
    }

    @Test
    void insertIfAbsent_newKey_insertsAndFindReturnsIt() {
        Payment p = pending("txn-1", "100.00");

        InsertResult r = repo.insertIfAbsent(p);

        assertThat(r.inserted()).isTrue();
        assertThat(repo.find(TransactionId.of("txn-1"))).contains(p);
    }

    @Test
    void insertIfAbsent_takenKey_returnsTheFirstPayment() {
        Payment first = pending("txn-1", "100.00");
        repo.insertIfAbsent(first);

        InsertResult r = repo.insertIfAbsent(pending("txn-1", "999.00"));

        assertThat(r.inserted()).isFalse();
        assertThat(r.payment()).isEqualTo(first);
    }

    @Test
    void insertIfAbsent_concurrentSameKey_exactlyOneInserted() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<InsertResult>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return repo.insertIfAbsent(pending("race", "10.00"));
                }));
            }
            start.countDown();
            int inserted = 0;
            for (Future<InsertResult> f : results) {
                InsertResult r = f.get(30, TimeUnit.SECONDS);
                inserted += r.inserted() ? 1 : 0;
                assertThat(r.payment().transactionId().value()).isEqualTo("race");
            }
            assertThat(inserted).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void replace_matchingExpectedState_replaces() {
        Payment p = pending("txn-1", "50.00");
        repo.insertIfAbsent(p);
        Payment failed = p.failed(Payment.DECLINED, "Card declined", new GatewayResponse("05", "Card declined", 77, null), T0);

        assertThat(repo.replace(p, failed)).isTrue();
        assertThat(repo.find(p.transactionId())).contains(failed);
    }

    @Test
    void replace_staleExpectedState_refusesAndKeepsStoredPayment() {
        Payment done = completed("txn-1", "50.00");
        Payment stalePending = pending("txn-1", "50.00");

        assertThat(repo.replace(stalePending, stalePending.failed(Payment.DECLINED, "x", OK, T0))).isFalse();
        assertThat(repo.find(done.transactionId())).contains(done);
    }

    @Test
    void replace_staleUpdateTime_refuses() {
        Payment p = pending("txn-1", "50.00");
        repo.insertIfAbsent(p);
        Payment takenOver = p.touched(T0.plusSeconds(300));
        assertThat(repo.replace(p, takenOver)).isTrue();

        assertThat(repo.replace(p, p.touched(T0.plusSeconds(301)))).isFalse();
        assertThat(repo.find(p.transactionId())).contains(takenOver);
    }

    @Test
    void replaceWithRefund_currentState_storesPaymentAndRefund() {
        Payment done = completed("txn-1", "50.00");
        PaymentRefund refund = new PaymentRefund("r-1", done.transactionId(), Money.of("20.00"), "CAD", "Customer request",
                "REF_1", new GatewayResponse("00", "Refund processed", 0, "REFUND_1"), T0);
        Payment after = done.refunded(Money.of("20.00"), T0);

        assertThat(repo.replaceWithRefund(done, after, refund)).isTrue();

        assertThat(repo.find(done.transactionId()).orElseThrow().status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
        assertThat(repo.refundsOf(done.transactionId())).containsExactly(refund);
    }

    @Test
    void replaceWithRefund_staleState_storesNothing() {
        Payment done = completed("txn-1", "50.00");
        Payment afterFirst = done.refunded(Money.of("20.00"), T0);
        PaymentRefund r1 = new PaymentRefund("r-1", done.transactionId(), Money.of("20.00"), "CAD", "a", "REF_1", OK, T0);
        PaymentRefund r2 = new PaymentRefund("r-2", done.transactionId(), Money.of("40.00"), "CAD", "b", "REF_2", OK, T0);
        repo.replaceWithRefund(done, afterFirst, r1);

        assertThat(repo.replaceWithRefund(done, done.refunded(Money.of("40.00"), T0), r2)).isFalse();

        assertThat(repo.refundsOf(done.transactionId())).containsExactly(r1);
        assertThat(repo.find(done.transactionId())).contains(afterFirst);
    }

    @Test
    void metrics_mixedPayments_aggregatesCountsAndAmounts() {
        Payment done = completed("txn-1", "50.00");
        completed("txn-2", "25.50");
        Payment p3 = pending("txn-3", "10.00");
        repo.insertIfAbsent(p3);
        repo.replace(p3, p3.failed(Payment.DECLINED, "Card declined", OK, T0));
        repo.insertIfAbsent(pending("txn-4", "1.00"));
        repo.replaceWithRefund(done, done.refunded(Money.of("5.00"), T0),
                new PaymentRefund("r-1", done.transactionId(), Money.of("5.00"), "CAD", "a", "REF", OK, T0));

        PaymentMetrics m = repo.metrics();

        assertThat(m.totalTransactions()).isEqualTo(4);
        assertThat(m.completedTransactions()).isEqualTo(2);
        assertThat(m.failedTransactions()).isEqualTo(1);
        assertThat(m.totalAmountProcessed()).isEqualTo(Money.of("75.50"));
        assertThat(m.totalRefunds()).isEqualTo(1);
        assertThat(m.totalRefundAmount()).isEqualTo(Money.of("5.00"));
        assertThat(m.successRate()).isEqualByComparingTo("0.5");
    }
}
