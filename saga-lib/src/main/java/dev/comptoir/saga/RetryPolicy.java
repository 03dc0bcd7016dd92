package dev.comptoir.saga;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * How many times an invocation is attempted, how long to wait in between (exponential backoff
 * with jitter), and which exceptions are transient (retried) rather than business failures.
 *
 * <pre>{@code
 * RetryPolicy.exponential(3, Duration.ofMillis(200), Duration.ofSeconds(5))
 *         .withJitter(0.2)
 *         .retryOn(e -> e instanceof java.io.IOException);   // anything else compensates at once
 * }</pre>
 *
 * @param maxAttempts    total attempts including the first, ≥ 1
 * @param initialBackoff wait before the second attempt
 * @param multiplier     backoff growth per attempt, ≥ 1
 * @param maxBackoff     cap on the wait
 * @param jitter         0..1: the wait is multiplied by a random factor in {@code [1 - jitter, 1 + jitter]}
 * @param transientIf    which exceptions thrown by a step function are transient
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff,
                          double jitter, Predicate<Throwable> transientIf) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(transientIf, "transientIf");
        if (initialBackoff.isNegative() || maxBackoff.isNegative()) {
            throw new IllegalArgumentException("backoff must not be negative");
        }
        if (!(multiplier >= 1.0)) {
            throw new IllegalArgumentException("multiplier must be >= 1, was " + multiplier);
        }
        if (!(jitter >= 0.0 && jitter <= 1.0)) {
            throw new IllegalArgumentException("jitter must be in [0, 1], was " + jitter);
        }
    }

    /** The default of decisions §5: 3 attempts, 100 ms doubling up to 2 s, 20 % jitter, every exception transient. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(3, Duration.ofMillis(100), 2.0, Duration.ofSeconds(2), 0.2, e -> true);
    }

    /** A single attempt. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, 1.0, Duration.ZERO, 0.0, e -> true);
    }

    /** {@code maxAttempts} attempts with a doubling backoff from {@code initial} capped at {@code max}, no jitter. */
    public static RetryPolicy exponential(int maxAttempts, Duration initial, Duration max) {
        return new RetryPolicy(maxAttempts, initial, 2.0, max, 0.0, e -> true);
    }

    /** Same policy with another jitter ratio. */
    public RetryPolicy withJitter(double ratio) {
        return new RetryPolicy(maxAttempts, initialBackoff, multiplier, maxBackoff, ratio, transientIf);
    }

    /** Same policy with another growth factor. */
    public RetryPolicy withMultiplier(double factor) {
        return new RetryPolicy(maxAttempts, initialBackoff, factor, maxBackoff, jitter, transientIf);
    }

    /** Same policy; exceptions matching {@code predicate} are transient, all others are business failures. */
    public RetryPolicy retryOn(Predicate<Throwable> predicate) {
        return new RetryPolicy(maxAttempts, initialBackoff, multiplier, maxBackoff, jitter, predicate);
    }

    /** True when an attempt numbered {@code attempt} (1-based) failing may be followed by another. */
    public boolean canRetryAfter(int attempt) {
        return attempt < maxAttempts;
    }

    /** The wait after failed attempt number {@code attempt} (1-based), jittered with {@code random}. */
    public Duration backoff(int attempt, RandomGenerator random) {
        double base = initialBackoff.toNanos() * Math.pow(multiplier, Math.max(0, attempt - 1));
        double capped = Math.min(base, (double) maxBackoff.toNanos());
        double factor = jitter == 0.0 ? 1.0 : 1.0 - jitter + 2.0 * jitter * random.nextDouble();
        return Duration.ofNanos((long) (capped * factor));
    }
}
