package dev.comptoir.core.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An amount of Canadian dollars, always held at scale 2.
 *
 * <p>Arithmetic never uses {@code double}. Results of multiplication by a rate are rounded
 * {@link RoundingMode#HALF_UP} to the cent, which is the rounding of the single tax policy
 * (decisions.md §4).
 *
 * <pre>{@code
 * Money line = Money.of("25.99").times(2);          // 51.98
 * Money tax  = line.timesRate(new BigDecimal("0.14975")); // 7.78
 * }</pre>
 */
public record Money(BigDecimal amount) implements Comparable<Money> {

    /** Zero dollars. */
    public static final Money ZERO = new Money(BigDecimal.ZERO);

    /** Currency of every amount in Comptoir. */
    public static final String CURRENCY = "CAD";

    public Money {
        Objects.requireNonNull(amount, "amount");
        amount = amount.setScale(2, RoundingMode.HALF_UP);
    }

    /** Parses a decimal string such as {@code "25.99"}. */
    public static Money of(String amount) {
        return new Money(new BigDecimal(amount));
    }

    /** Wraps a decimal, rounding it to the cent. */
    public static Money of(BigDecimal amount) {
        return new Money(amount);
    }

    /** An amount in cents, e.g. {@code ofCents(2599)} is 25.99. */
    public static Money ofCents(long cents) {
        return new Money(BigDecimal.valueOf(cents, 2));
    }

    public Money plus(Money other) {
        return new Money(amount.add(other.amount));
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(other.amount));
    }

    /** This amount times a whole quantity (exact). */
    public Money times(long quantity) {
        return new Money(amount.multiply(BigDecimal.valueOf(quantity)));
    }

    /** This amount times a rate, rounded HALF_UP to the cent. */
    public Money timesRate(BigDecimal rate) {
        return new Money(amount.multiply(rate).setScale(2, RoundingMode.HALF_UP));
    }

    public Money negate() {
        return new Money(amount.negate());
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    /** Amount in cents (exact, scale 2). */
    public long cents() {
        return amount.movePointRight(2).longValueExact();
    }

    @Override
    public int compareTo(Money o) {
        return amount.compareTo(o.amount);
    }

    public static Money max(Money a, Money b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    public static Money min(Money a, Money b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public String toString() {
        return amount.toPlainString();
    }
}
