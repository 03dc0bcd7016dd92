package dev.comptoir.core.payment;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When {@link SimulatedPaymentGateway} declines, in both dialects of the reference
 * (decisions.md §3):
 * <ul>
 *   <li>code dialect ({@code /api/v1/payment/config/failures}): {@code enabled},
 *       {@code failure_rate} in 0..1, {@code failure_on_amount} (one amount) —
 *       {@link #withEnabled}, {@link #withFailureRate}, {@link #withFailureOnAmount};</li>
 *   <li>README dialect ({@code /admin/configure-failure}): {@code failure_rate} in percent 0..100
 *       and a {@code failure_amounts} list — {@link #fromPercent}; reset with {@link #disabled()}.</li>
 * </ul>
 * When enabled, an amount less than 0.01 away from {@code failureOnAmount} or one of
 * {@code failureAmounts} always fails ({@code Échec simulé pour le montant X}); otherwise a
 * draw from the injected random source below {@code failureRate} fails with one of
 * {@link #DECLINE_REASONS}.
 *
 * <pre>{@code
 * FailurePolicy p = FailurePolicy.fromPercent(new BigDecimal("100"), List.of());   // always decline
 * FailurePolicy q = FailurePolicy.disabled().withEnabled(true).withFailureOnAmount(Money.of("666.66"));
 * }</pre>
 *
 * @param enabled         master switch
 * @param failureRate     probability 0..1
 * @param failureOnAmount single failing amount, or null
 * @param failureAmounts  more failing amounts
 */
public record FailurePolicy(boolean enabled, BigDecimal failureRate, Money failureOnAmount, List<Money> failureAmounts) {
    /** The reasons of random declines, as in the reference. */
    public static final List<String> DECLINE_REASONS = List.of(
            "Insufficient funds", "Card declined", "Card expired", "Invalid CVV", "Blocked card", "Daily limit exceeded");
    private static final BigDecimal CENT = new BigDecimal("0.01");
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    public FailurePolicy {
        Objects.requireNonNull(failureRate, "failureRate");
        if (failureRate.signum() < 0 || failureRate.compareTo(BigDecimal.ONE) > 0) {
            throw ComptoirException.invalid("failure_rate", "must be between 0 and 1, was " + failureRate.toPlainString());
        }
        failureAmounts = List.copyOf(Objects.requireNonNull(failureAmounts, "failureAmounts"));
    }

    /** Never fails (the reference's default and its reset). */
    public static FailurePolicy disabled() {
        return new FailurePolicy(false, BigDecimal.ZERO, null, List.of());
    }

    /** Enabled with a probability in 0..1 (code dialect). */
    public static FailurePolicy ofRate(BigDecimal rate) {
        return new FailurePolicy(true, rate, null, List.of());
    }

    /**
     * README dialect: enabled, {@code percent} in 0..100, failing amounts.
     *
     * @throws ComptoirException INVALID_INPUT on {@code failure_rate} outside 0..100
     */
    public static FailurePolicy fromPercent(BigDecimal percent, List<Money> failureAmounts) {
        Objects.requireNonNull(percent, "percent");
        if (percent.signum() < 0 || percent.compareTo(HUNDRED) > 0) {
            throw ComptoirException.invalid("failure_rate", "must be a percentage between 0 and 100, was " + percent.toPlainString());
        }
        return new FailurePolicy(true, percent.divide(HUNDRED, 6, RoundingMode.HALF_UP).stripTrailingZeros(), null,
                failureAmounts == null ? List.of() : failureAmounts);
    }

    public FailurePolicy withEnabled(boolean enabled) {
        return new FailurePolicy(enabled, failureRate, failureOnAmount, failureAmounts);
    }

    public FailurePolicy withFailureRate(BigDecimal rate) {
        return new FailurePolicy(enabled, rate, failureOnAmount, failureAmounts);
    }

    /** Sets (or clears, with null) the single failing amount. */
    public FailurePolicy withFailureOnAmount(Money amount) {
        return new FailurePolicy(enabled, failureRate, amount, failureAmounts);
    }

    public FailurePolicy withFailureAmounts(List<Money> amounts) {
        return new FailurePolicy(enabled, failureRate, failureOnAmount, amounts);
    }

    /** {@link #failureRate} in percent (README dialect). */
    public BigDecimal failureRatePercent() {
        return failureRate.multiply(HUNDRED).stripTrailingZeros();
    }

    /**
     * Decides the fate of a charge of {@code amount}: empty to approve, else the decline reason.
     * Draws from {@code random} only when it has to (enabled, no amount rule hit, rate &gt; 0).
     */
    public Optional<String> decide(Money amount, RandomGenerator random) {
        Objects.requireNonNull(amount, "amount");
        if (!enabled) {
            return Optional.empty();
        }
        if (failsOn(amount)) {
            return Optional.of("Échec simulé pour le montant " + amount);
        }
        if (failureRate.signum() > 0 && (failureRate.compareTo(BigDecimal.ONE) >= 0
                || random.nextDouble() < failureRate.doubleValue())) {
            return Optional.of(DECLINE_REASONS.get(random.nextInt(DECLINE_REASONS.size())));
        }
        return Optional.empty();
    }

    private boolean failsOn(Money amount) {
        if (failureOnAmount != null && near(amount, failureOnAmount)) {
            return true;
        }
        return failureAmounts.stream().anyMatch(a -> near(amount, a));
    }

    private static boolean near(Money a, Money b) {
        return a.amount().subtract(b.amount()).abs().compareTo(CENT) < 0;
    }
}
