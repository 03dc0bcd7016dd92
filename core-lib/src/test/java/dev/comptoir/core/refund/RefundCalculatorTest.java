package dev.comptoir.core.refund;

import static org.assertj.core.api.Assertions.assertThat;

import dev.comptoir.core.catalog.CategoryId;
import dev.comptoir.core.catalog.Product;
import dev.comptoir.core.catalog.ProductId;
import dev.comptoir.core.claim.ClaimType;
import dev.comptoir.core.money.Money;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RefundCalculatorTest {
    private final RefundCalculator calc = RefundCalculator.withoutCatalogue();

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "product_123, PRODUCT_DEFECT, 49.99",
            "product_123, DELIVERY_ISSUE, 22.01",
            "product_123, BILLING_ERROR, 49.99",
            "product_123, SERVICE_COMPLAINT, 12.01",
            "product_456, SERVICE_COMPLAINT, 24.01",
            "product_789, DELIVERY_ISSUE, 62.01",
            "product_001, PRODUCT_DEFECT, 19.99",
            "product_002, DELIVERY_ISSUE, 17.01",
            "product_003, BILLING_ERROR, 59.99",
            "anything_else, PRODUCT_DEFECT, 25.00",
            "anything_else, DELIVERY_ISSUE, 9.51"})
    void decide_referenceTable_givesReferenceAmounts(String product, ClaimType type, String expected) {
        assertThat(calc.decide(product, type)).isInstanceOfSatisfying(RefundDecision.Eligible.class,
                e -> assertThat(e.amount()).isEqualTo(Money.of(expected)));
    }

    /**
     * seed-behaviour.md §1.5 quotes "product_123 delivery → 21.99", but its own rule gives
     * 49.99 × 0.5 − 2.99 = 22.005 → 22.01 (Python's float pipeline gives 22.01 too); the rule wins.
     */
    @Test
    void decide_product123DeliveryIssue_followsTheRuleNotTheQuotedExample() {
        assertThat(((RefundDecision.Eligible) calc.decide("product_123", ClaimType.DELIVERY_ISSUE)).amount())
                .isEqualTo(Money.of("22.01"));
    }

    @Test
    void decide_rateBelowOne_subtractsProcessingFee() {
        RefundDecision.Eligible e = (RefundDecision.Eligible) calc.decide("product_123", ClaimType.DELIVERY_ISSUE);

        assertThat(e.price()).isEqualTo(Money.of("49.99"));
        assertThat(e.rate()).isEqualByComparingTo("0.5");
        assertThat(e.fee()).isEqualTo(Money.of("2.99"));
    }

    @Test
    void decide_nonEligibleProduct_isNotEligible() {
        assertThat(calc.decide("product_non_eligible", ClaimType.PRODUCT_DEFECT)).isInstanceOf(RefundDecision.NotEligible.class);
    }

    @Test
    void decide_noProduct_usesDefaultPrice() {
        assertThat(calc.decide(null, ClaimType.BILLING_ERROR)).isInstanceOfSatisfying(RefundDecision.Eligible.class,
                e -> assertThat(e.amount()).isEqualTo(Money.of("25.00")));
    }

    @Test
    void decide_catalogueProduct_usesCataloguePriceAndFloorsAtZero() {
        Product cheap = new Product(ProductId.of(3), "CHEAP", "Autocollant", CategoryId.of(1), Money.of("1.00"), "", 0, true);
        Product phone = new Product(ProductId.of(1), "IP", "iPhone", CategoryId.of(1), Money.of("1299.99"), "", 0, true);
        RefundCalculator withCatalogue = RefundCalculator.withCatalogue(id -> id.equals(cheap.id()) ? Optional.of(cheap)
                : id.equals(phone.id()) ? Optional.of(phone) : Optional.empty());

        assertThat(withCatalogue.price("1")).isEqualTo(Money.of("1299.99"));
        assertThat(withCatalogue.price("product_1")).isEqualTo(Money.of("1299.99"));
        assertThat(withCatalogue.price("product_123")).isEqualTo(Money.of("49.99"));
        assertThat(withCatalogue.price("42")).isEqualTo(Money.of("25.00"));
        assertThat(withCatalogue.decide("3", ClaimType.DELIVERY_ISSUE)).isInstanceOfSatisfying(RefundDecision.Eligible.class,
                e -> assertThat(e.amount()).isEqualTo(Money.ZERO));
    }
}
