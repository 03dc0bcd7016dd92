package dev.comptoir.core.checkout;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.saga.RetryPolicy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of the order saga (decisions §5).
 *
 * <pre>{@code
 * CheckoutOptions o = CheckoutOptions.defaults().withStepTimeout(Duration.ofSeconds(5));
 * }</pre>
 *
 * @param stepTimeout        a participant call that takes longer than this (per the injected clock)
 *                           counts as a transient failure ({@code Timeout après 30s}); default 30 s
 * @param retry              attempts and backoff of each action; default 3 attempts, exponential
 *                           backoff from 100 ms with jitter; only transient failures are retried
 * @param compensationRetry  attempts of each compensation before the saga is parked
 *                           {@link OrderSagaStatus#COMPENSATION_FAILED}; default as {@code retry}
 * @param shipping           shipping added to the charged amount and to the order; default 9.99
 */
public record CheckoutOptions(Duration stepTimeout, RetryPolicy retry, RetryPolicy compensationRetry,
                              BigDecimal shipping) {
    public CheckoutOptions {
        Objects.requireNonNull(stepTimeout, "stepTimeout");
        if (stepTimeout.isNegative() || stepTimeout.isZero()) {
            throw new IllegalArgumentException("stepTimeout must be > 0, was " + stepTimeout);
        }
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(compensationRetry, "compensationRetry");
        Objects.requireNonNull(shipping, "shipping");
        if (shipping.signum() < 0) {
            throw new IllegalArgumentException("shipping must be >= 0, was " + shipping);
        }
        shipping = shipping.setScale(2, RoundingMode.HALF_UP);
    }

    /** 30 s timeout, 3 attempts with exponential backoff, shipping 9.99. */
    public static CheckoutOptions defaults() {
        RetryPolicy policy = RetryPolicy.defaults().retryOn(CheckoutOptions::isTransient);
        return new CheckoutOptions(Duration.ofSeconds(30), policy, policy, new BigDecimal("9.99"));
    }

    /** Same options with another step timeout. */
    public CheckoutOptions withStepTimeout(Duration timeout) {
        return new CheckoutOptions(timeout, retry, compensationRetry, shipping);
    }

    /** Same options with another action retry policy (and the compensation policy left as is). */
    public CheckoutOptions withRetry(RetryPolicy policy) {
        return new CheckoutOptions(stepTimeout, policy, compensationRetry, shipping);
    }

    /** Same options with another compensation retry policy. */
    public CheckoutOptions withCompensationRetry(RetryPolicy policy) {
        return new CheckoutOptions(stepTimeout, retry, policy, shipping);
    }

    /** Same options with another shipping amount. */
    public CheckoutOptions withShipping(BigDecimal amount) {
        return new CheckoutOptions(stepTimeout, retry, compensationRetry, amount);
    }

    /**
     * The classification the order saga uses: a {@link ComptoirException} is transient only when
     * it says so (UNAVAILABLE); anything else thrown by a participant (a crash, an I/O error) is
     * transient.
     */
    public static boolean isTransient(Throwable e) {
        return !(e instanceof ComptoirException c) || c.isTransient();
    }
}
