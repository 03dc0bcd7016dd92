package dev.comptoir.core.refund;

import dev.comptoir.core.cart.ProductLookup;
import dev.comptoir.core.catalog.Product;
import dev.comptoir.core.catalog.ProductId;
import dev.comptoir.core.claim.ClaimType;
import dev.comptoir.core.money.Money;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The refund rule of the reference's refund saga (seed-behaviour.md §1.5), with its
 * eligibility rule applied (decisions.md §1):
 * <ul>
 *   <li>price: the catalogue price when the product id is a catalogue product id, else the
 *       reference's table ({@code product_123} 49.99, {@code product_456} 89.99, {@code product_789}
 *       129.99, {@code product_001} 19.99, {@code product_002} 39.99, {@code product_003} 59.99),
 *       else 25.00;</li>
 *   <li>rate by claim type: product_defect 1.0, delivery_issue 0.5, billing_error 1.0,
 *       service_complaint 0.3;</li>
 *   <li>{@code refund = price × rate}, minus a 2.99 processing fee when the rate is below 1,
 *       never below 0, rounded HALF_UP to the cent;</li>
 *   <li>{@code product_non_eligible} is not eligible.</li>
 * </ul>
 * seed-behaviour.md §1.5 quotes "product_123 delivery → 21.99", which its own rule does not give
 * ({@code 49.99 × 0.5 − 2.99 = 22.005 → 22.01}, as the reference's float arithmetic also gives);
 * Comptoir follows the rule.
 *
 * <pre>{@code
 * RefundCalculator calc = RefundCalculator.withoutCatalogue();
 * calc.decide("product_123", ClaimType.DELIVERY_ISSUE); // Eligible(22.01, …)
 * }</pre>
 *
 * <p>Thread-safe when its product lookup is.
 */
public final class RefundCalculator {
    /** The reference's price table. */
    public static final Map<String, Money> PRICE_TABLE = Map.of(
            "product_123", Money.of("49.99"),
            "product_456", Money.of("89.99"),
            "product_789", Money.of("129.99"),
            "product_001", Money.of("19.99"),
            "product_002", Money.of("39.99"),
            "product_003", Money.of("59.99"));
    /** Price of a product found nowhere. */
    public static final Money DEFAULT_PRICE = Money.of("25.00");
    /** Fee subtracted when the rate is below 1. */
    public static final Money PROCESSING_FEE = Money.of("2.99");
    /** The product id that is never refunded. */
    public static final String NON_ELIGIBLE_PRODUCT = "product_non_eligible";

    private final ProductLookup catalogue;

    private RefundCalculator(ProductLookup catalogue) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
    }

    /** A calculator that prefers catalogue prices for numeric product ids. */
    public static RefundCalculator withCatalogue(ProductLookup catalogue) {
        return new RefundCalculator(catalogue);
    }

    /** A calculator using only the reference's table. */
    public static RefundCalculator withoutCatalogue() {
        return new RefundCalculator(id -> Optional.empty());
    }

    /** The rate of a claim type. */
    public static BigDecimal rate(ClaimType type) {
        return switch (type) {
            case PRODUCT_DEFECT, BILLING_ERROR -> BigDecimal.ONE;
            case DELIVERY_ISSUE -> new BigDecimal("0.5");
            case SERVICE_COMPLAINT -> new BigDecimal("0.3");
        };
    }

    /** Whether and how much to refund for a claim about {@code productId} (may be null). */
    public RefundDecision decide(String productId, ClaimType type) {
        Objects.requireNonNull(type, "type");
        if (NON_ELIGIBLE_PRODUCT.equals(productId)) {
            return new RefundDecision.NotEligible("Produit " + productId + " non éligible au remboursement");
        }
        Money price = price(productId);
        BigDecimal rate = rate(type);
        Money fee = rate.compareTo(BigDecimal.ONE) < 0 ? PROCESSING_FEE : Money.ZERO;
        Money amount = Money.max(Money.ZERO, price.timesRate(rate).minus(fee));
        return new RefundDecision.Eligible(amount, price, rate, fee);
    }

    /** The price used for a product id. */
    public Money price(String productId) {
        if (productId == null) {
            return DEFAULT_PRICE;
        }
        Money table = PRICE_TABLE.get(productId);
        if (table != null) {
            return table;
        }
        return catalogueId(productId).flatMap(catalogue::find).map(Product::unitPrice).orElse(DEFAULT_PRICE);
    }

    private static Optional<ProductId> catalogueId(String productId) {
        String digits = productId.startsWith("product_") ? productId.substring("product_".length()) : productId;
        if (!digits.matches("[1-9][0-9]{0,17}")) {
            return Optional.empty();
        }
        return Optional.of(ProductId.of(Long.parseLong(digits)));
    }
}
