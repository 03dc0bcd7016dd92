package dev.comptoir.core.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.comptoir.core.money.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SimulatedPaymentGatewayTest extends PaymentGatewayContractTest {
    @Override
    protected PaymentGateway createApproving() {
        return new SimulatedPaymentGateway(new SplittableRandom(1), FailurePolicy.disabled());
    }

    private static List<String> run(long seed) {
        SimulatedPaymentGateway g = new SimulatedPaymentGateway(new SplittableRandom(seed), FailurePolicy.ofRate(new BigDecimal("0.5")));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            GatewayDecision d = g.authorize(new ChargeRequest(TransactionId.of("t" + i), "1", Money.of("10.00"), null, null, null));
            out.add(switch (d) {
                case GatewayDecision.Approved a -> a.authorizationCode() + "/" + a.response().riskScore();
                case GatewayDecision.Declined x -> x.reason() + "/" + x.response().riskScore();
            });
        }
        return out;
    }

    @Test
    void authorize_sameSeed_givesSameDecisionsCodesAndScores() {
        assertThat(run(42)).isEqualTo(run(42)).isNotEqualTo(run(43));
    }

    @Test
    void authorize_approved_hasReferenceShapedCodes() {
        GatewayDecision d = createApproving().authorize(new ChargeRequest(TransactionId.of("t"), "1", Money.of("1.00"), null, null, null));

        assertThat(d).isInstanceOfSatisfying(GatewayDecision.Approved.class, a -> {
            assertThat(a.authorizationCode()).matches("AUTH_[0-9A-F]{8}");
            assertThat(a.response().processorReference()).matches("REF_[0-9a-f]{12}");
            assertThat(a.response().riskScore()).isBetween(10, 30);
        });
    }

    @Test
    void configureAndReset_changeThePolicyAtRunTime() {
        SimulatedPaymentGateway g = new SimulatedPaymentGateway(new SplittableRandom(1), FailurePolicy.disabled());
        ChargeRequest r = new ChargeRequest(TransactionId.of("t"), "1", Money.of("1.00"), null, null, null);

        g.configure(FailurePolicy.fromPercent(new BigDecimal("100"), List.of()));
        GatewayDecision declined = g.authorize(r);
        g.reset();

        assertThat(declined).isInstanceOfSatisfying(GatewayDecision.Declined.class, d -> {
            assertThat(d.response().responseCode()).isEqualTo("05");
            assertThat(d.response().riskScore()).isBetween(60, 90);
        });
        assertThat(g.policy()).isEqualTo(FailurePolicy.disabled());
        assertThat(g.authorize(r)).isInstanceOf(GatewayDecision.Approved.class);
    }
}
