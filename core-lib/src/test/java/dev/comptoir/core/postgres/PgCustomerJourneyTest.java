package dev.comptoir.core.postgres;

import dev.comptoir.saga.VirtualClock;
import static org.assertj.core.api.Assertions.assertThat;

import dev.comptoir.core.cart.Cart;
import dev.comptoir.core.cart.CartService;
import dev.comptoir.core.cart.SessionId;
import dev.comptoir.core.catalog.ProductId;
import dev.comptoir.core.claim.Claim;
import dev.comptoir.core.claim.ClaimService;
import dev.comptoir.core.claim.NewClaim;
import dev.comptoir.core.customer.Customer;
import dev.comptoir.core.customer.CustomerService;
import dev.comptoir.core.customer.LoginOutcome;
import dev.comptoir.core.customer.PasswordHasher;
import dev.comptoir.core.customer.RegisterCustomer;
import dev.comptoir.core.money.Money;
import dev.comptoir.core.money.Province;
import dev.comptoir.core.order.Order;
import dev.comptoir.core.order.OrderAddress;
import dev.comptoir.core.order.OrderReferences;
import dev.comptoir.core.order.OrderService;
import dev.comptoir.core.order.OrderStatus;
import dev.comptoir.core.payment.ChargeRequest;
import dev.comptoir.core.payment.FailurePolicy;
import dev.comptoir.core.payment.PaymentOutcome;
import dev.comptoir.core.payment.PaymentService;
import dev.comptoir.core.payment.PaymentStatus;
import dev.comptoir.core.payment.RefundPayment;
import dev.comptoir.core.payment.SimulatedPaymentGateway;
import dev.comptoir.core.payment.TransactionId;
import dev.comptoir.core.refund.ClaimRefund;
import dev.comptoir.core.refund.RefundCalculator;
import dev.comptoir.core.refund.RefundService;
import dev.comptoir.core.refund.RefundStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every e-commerce use-case wired on the PostgreSQL adapters, end to end. */
class PgCustomerJourneyTest {
    private static TestDatabase db;

    @BeforeAll
    static void openDatabase() {
        db = TestDatabase.create("a2_journey", 4);
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @Test
    void journey_registerShopPayClaimRefund_isConsistentOnPostgres() {
        Jdbi jdbi = db.database().jdbi();
        VirtualClock clock = VirtualClock.at("2026-01-15T10:00:00Z");
        SplittableRandom random = new SplittableRandom(2026);
        CustomerService customers = new CustomerService(new PgCustomerRepository(jdbi), new PgCustomerAddressRepository(jdbi),
                PasswordHasher.pbkdf2(1_000, random), clock);
        CartService carts = new CartService(new PgCartRepository(jdbi), id -> Optional.empty(), clock);
        OrderService orders = new OrderService(new PgOrderRepository(jdbi), clock);
        PaymentService payments = new PaymentService(new PgPaymentRepository(jdbi),
                new SimulatedPaymentGateway(random, FailurePolicy.disabled()), clock, random);
        ClaimService claims = new ClaimService(new PgClaimRepository(jdbi), clock, random);
        RefundService refunds = new RefundService(new PgRefundRepository(jdbi), new PgClaimRepository(jdbi),
                RefundCalculator.withoutCatalogue(), clock, random, BigDecimal.ZERO);

        Customer jean = customers.register(new RegisterCustomer("Jean.Dupont@email.com", "password123", "Dupont", "Jean", null, null));
        assertThat(customers.login("jean.dupont@email.com", "password123")).isInstanceOf(LoginOutcome.Authenticated.class);

        SessionId session = SessionId.of("sess-journey");
        carts.addItem(session, ProductId.of(1), 2, Money.of("25.99"));
        carts.addItem(session, ProductId.of(2), 1, Money.of("45.50"));
        Cart cart = carts.associateCustomer(session, jean.id());
        assertThat(carts.totals(session, Province.QC).finalAmount()).isEqualTo(Money.of("112.08"));

        clock.advance(Duration.ofMinutes(1));
        Order order = orders.placeFromCart(cart, null, OrderAddress.of("ville", "Montréal"), null);
        String sagaId = "saga-journey-1";
        PaymentOutcome paid = payments.process(new ChargeRequest(TransactionId.of(sagaId), jean.id().toString(),
                order.total(), null, null, null));
        orders.attachReferences(order.id(), OrderReferences.ofSaga(sagaId));
        orders.changeStatus(order.id(), OrderStatus.CONFIRMED);
        carts.clear(session);

        assertThat(paid).isInstanceOf(PaymentOutcome.Approved.class);
        assertThat(order.total()).isEqualTo(Money.of("122.07"));
        Order stored = orders.get(order.id());
        assertThat(stored.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(stored.references().paymentTransactionId()).isEqualTo(sagaId);

        Claim claim = claims.create(NewClaim.of(jean.id().asPrefixedString(), "product_defect", "Produit défectueux", "product_123"));
        claims.assign(claim.claimId(), "agent-1");
        claims.start(claim.claimId());
        claims.resolve(claim.claimId(), "Remboursement");
        refunds.request(claim.claimId(), "corr-journey");
        ClaimRefund refund = refunds.process(claim.claimId());
        payments.refund(new RefundPayment(TransactionId.of(sagaId), refund.amount(), "Réclamation " + claim.claimId()));

        assertThat(refund.status()).isEqualTo(RefundStatus.COMPLETED);
        assertThat(refund.amount()).isEqualTo(Money.of("49.99"));
        assertThat(payments.get(TransactionId.of(sagaId)).status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
        assertThat(payments.metrics().totalRefundAmount()).isEqualTo(Money.of("49.99"));
        assertThat(carts.find(session)).isEmpty();
    }
}
