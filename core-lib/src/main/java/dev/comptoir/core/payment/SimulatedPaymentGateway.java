package dev.comptoir.core.payment;

import dev.comptoir.core.money.Money;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The payment gateway Comptoir ships: approves or declines by a {@link FailurePolicy}, drawing
 * every random choice (failures, decline reasons, codes, risk scores) from one injected
 * generator, so a seeded run is reproducible. Captures, voids and refunds are always approved.
 * The policy can be changed at run time (failure injection).
 *
 * <pre>{@code
 * var gateway = new SimulatedPaymentGateway(new SplittableRandom(42), FailurePolicy.disabled());
 * gateway.configure(FailurePolicy.fromPercent(new BigDecimal("100"), List.of()));
 * }</pre>
 *
 * <p>Thread-safe (calls are serialised on the random source, whose sequence therefore depends
 * on call order only).
 */
public final class SimulatedPaymentGateway implements PaymentGateway {
    private final RandomGenerator random;
    private volatile FailurePolicy policy;

    public SimulatedPaymentGateway(RandomGenerator random, FailurePolicy policy) {
        this.random = Objects.requireNonNull(random, "random");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** Replaces the failure policy. */
    public void configure(FailurePolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** Back to {@link FailurePolicy#disabled()} (README's {@code reset-failure-config}). */
    public void reset() {
        configure(FailurePolicy.disabled());
    }

    /** The current policy. */
    public FailurePolicy policy() {
        return policy;
    }

    @Override
    public GatewayDecision authorize(ChargeRequest request) {
        synchronized (random) {
            Optional<String> decline = policy.decide(request.amount(), random);
            if (decline.isPresent()) {
                return new GatewayDecision.Declined(decline.get(),
                        new GatewayResponse("05", decline.get(), 60 + random.nextInt(31), null));
            }
            String auth = "AUTH_" + hex(4).toUpperCase(java.util.Locale.ROOT);
            return new GatewayDecision.Approved(auth,
                    new GatewayResponse("00", "Approved", 10 + random.nextInt(21), "REF_" + hex(6)));
        }
    }

    @Override
    public GatewayDecision capture(Payment authorized, Money amount) {
        synchronized (random) {
            return new GatewayDecision.Approved(authorized.authorizationCode() == null ? "" : authorized.authorizationCode(),
                    new GatewayResponse("00", "Approved", authorized.gatewayResponse() == null ? 10
                            : authorized.gatewayResponse().riskScore(), "REF_" + hex(6)));
        }
    }

    @Override
    public GatewayDecision voidAuthorization(Payment authorized) {
        synchronized (random) {
            return new GatewayDecision.Approved("VOID_" + hex(4).toUpperCase(java.util.Locale.ROOT),
                    new GatewayResponse("00", "Authorization voided", 0, "REF_" + hex(6)));
        }
    }

    @Override
    public GatewayDecision refund(Payment captured, Money amount, String refundId) {
        synchronized (random) {
            return new GatewayDecision.Approved("REF_" + hex(4).toUpperCase(java.util.Locale.ROOT),
                    new GatewayResponse("00", "Refund processed", 0, "REFUND_" + hex(5)));
        }
    }

    private String hex(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
