package dev.comptoir.core.postgres;

import dev.comptoir.saga.VirtualClock;
import static org.assertj.core.api.Assertions.assertThat;

import dev.comptoir.core.money.Money;
import dev.comptoir.core.payment.ChargeRequest;
import dev.comptoir.core.payment.FailurePolicy;
import dev.comptoir.core.payment.GatewayDecision;
import dev.comptoir.core.payment.Payment;
import dev.comptoir.core.payment.PaymentGateway;
import dev.comptoir.core.payment.PaymentOutcome;
import dev.comptoir.core.payment.PaymentService;
import dev.comptoir.core.payment.PaymentStatus;
import dev.comptoir.core.payment.SimulatedPaymentGateway;
import dev.comptoir.core.payment.TransactionId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Duplicate concurrent charges with one idempotency key produce exactly one payment on PostgreSQL. */
class PgPaymentServiceConcurrencyTest {
    private static final int THREADS = 8;
    private static TestDatabase db;

    @BeforeAll
    static void openDatabase() {
        db = TestDatabase.create("a2_payconc", THREADS);
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @Test
    void process_eightConcurrentCallsSameKey_chargeOnceAndStoreOnePayment() throws Exception {
        AtomicInteger authorizations = new AtomicInteger();
        SimulatedPaymentGateway simulated = new SimulatedPaymentGateway(new SplittableRandom(1), FailurePolicy.disabled());
        PaymentGateway counting = new PaymentGateway() {
            @Override
            public GatewayDecision authorize(ChargeRequest request) {
                authorizations.incrementAndGet();
                return simulated.authorize(request);
            }

            @Override
            public GatewayDecision capture(Payment authorized, Money amount) {
                return simulated.capture(authorized, amount);
            }

            @Override
            public GatewayDecision voidAuthorization(Payment authorized) {
                return simulated.voidAuthorization(authorized);
            }

            @Override
            public GatewayDecision refund(Payment captured, Money amount, String refundId) {
                return simulated.refund(captured, amount, refundId);
            }
        };
        PaymentService service = new PaymentService(new PgPaymentRepository(db.database().jdbi()), counting,
                VirtualClock.at("2026-01-15T10:00:00Z"), new SplittableRandom(2));
        int rounds = 5;
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (int round = 0; round < rounds; round++) {
                ChargeRequest request = new ChargeRequest(TransactionId.of("saga-" + round), "customer_1",
                        Money.of("112.08"), null, null, null);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<PaymentOutcome>> futures = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    futures.add(pool.submit(() -> {
                        start.await();
                        return service.process(request);
                    }));
                }
                start.countDown();
                List<PaymentOutcome> outcomes = new ArrayList<>();
                for (Future<PaymentOutcome> f : futures) {
                    outcomes.add(f.get(60, TimeUnit.SECONDS));
                }

                assertThat(outcomes).filteredOn(o -> !o.replayed()).hasSize(1);
                assertThat(outcomes).allSatisfy(o -> assertThat(o).isNotInstanceOf(PaymentOutcome.Declined.class));
                assertThat(service.get(request.transactionId()).status()).isEqualTo(PaymentStatus.COMPLETED);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(authorizations).hasValue(rounds);
        assertThat(service.metrics().totalTransactions()).isEqualTo(rounds);
        long rows = db.database().jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM payments").mapTo(Long.class).one());
        assertThat(rows).isEqualTo(rounds);
    }
}
