package dev.comptoir.core.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.comptoir.core.money.Money;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Contract of a {@link PaymentGateway} configured to approve everything; subclass it and
 * implement {@link #createApproving()}.
 */
public abstract class PaymentGatewayContractTest {
    private static final Instant T0 = Instant.parse("2026-01-15T10:00:00Z");

    /** A gateway that approves every call. */
    protected abstract PaymentGateway createApproving();

    private static ChargeRequest request() {
        return new ChargeRequest(TransactionId.of("t-1"), "1", Money.of("42.00"), null, null, null);
    }

    @Test
    void authorize_approvingGateway_returnsCodeAndApprovedResponse() {
        GatewayDecision d = createApproving().authorize(request());

        assertThat(d).isInstanceOfSatisfying(GatewayDecision.Approved.class, a -> {
            assertThat(a.authorizationCode()).isNotBlank();
            assertThat(a.response().responseCode()).isEqualTo("00");
        });
    }

    @Test
    void captureVoidRefund_authorizedPayment_areApproved() {
        PaymentGateway g = createApproving();
        Payment authorized = Payment.pending(request(), T0)
                .authorized("AUTH_1", new GatewayResponse("00", "Approved", 10, null), T0);
        Payment captured = authorized.captured(authorized.amount(), authorized.gatewayResponse(), T0);

        assertThat(g.capture(authorized, authorized.amount())).isInstanceOf(GatewayDecision.Approved.class);
        assertThat(g.voidAuthorization(authorized)).isInstanceOf(GatewayDecision.Approved.class);
        assertThat(g.refund(captured, Money.of("1.00"), "r-1")).isInstanceOf(GatewayDecision.Approved.class);
    }
}
