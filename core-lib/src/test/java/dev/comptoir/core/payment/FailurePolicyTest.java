package dev.comptoir.core.payment;

import static dev.comptoir.core.customer.Failures.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.ComptoirException.Kind;
import dev.comptoir.core.money.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FailurePolicyTest {
    private final SplittableRandom random = new SplittableRandom(11);

    @Test
    void decide_disabledPolicy_neverFails() {
        FailurePolicy p = FailurePolicy.disabled().withFailureRate(BigDecimal.ONE).withFailureOnAmount(Money.of("10.00"));

        assertThat(p.decide(Money.of("10.00"), random)).isEmpty();
    }

    @Test
    void decide_codeDialectRateOne_alwaysFailsWithAReferenceReason() {
        FailurePolicy p = FailurePolicy.ofRate(BigDecimal.ONE);

        IntStream.range(0, 50).forEach(i -> assertThat(p.decide(Money.of("10.00"), random))
                .hasValueSatisfying(r -> assertThat(FailurePolicy.DECLINE_REASONS).contains(r)));
    }

    @Test
    void decide_rateZero_neverFails() {
        FailurePolicy p = FailurePolicy.ofRate(BigDecimal.ZERO);

        IntStream.range(0, 50).forEach(i -> assertThat(p.decide(Money.of("10.00"), random)).isEmpty());
    }

    @Test
    void decide_rateThirtyPercent_failsAboutThirtyPercentOfCharges() {
        FailurePolicy p = FailurePolicy.ofRate(new BigDecimal("0.3"));

        long failures = IntStream.range(0, 10_000).filter(i -> p.decide(Money.of("10.00"), random).isPresent()).count();

        assertThat(failures).isBetween(2_700L, 3_300L);
    }

    @Test
    void decide_failureOnAmount_failsThatAmountOnlyWithSimulatedMessage() {
        FailurePolicy p = FailurePolicy.disabled().withEnabled(true).withFailureOnAmount(Money.of("666.66"));

        assertThat(p.decide(Money.of("666.66"), random)).contains("Échec simulé pour le montant 666.66");
        assertThat(p.decide(Money.of("666.65"), random)).isEmpty();
        assertThat(p.decide(Money.of("666.67"), random)).isEmpty();
    }

    @Test
    void fromPercent_readmeDialect_hundredPercentAlwaysFailsAndAmountsListFails() {
        FailurePolicy all = FailurePolicy.fromPercent(new BigDecimal("100"), List.of());
        FailurePolicy amounts = FailurePolicy.fromPercent(BigDecimal.ZERO, List.of(Money.of("99.99"), Money.of("150.00")));

        assertThat(all.enabled()).isTrue();
        assertThat(all.failureRate()).isEqualByComparingTo("1");
        IntStream.range(0, 20).forEach(i -> assertThat(all.decide(Money.of("1.00"), random)).isPresent());
        assertThat(amounts.decide(Money.of("150.00"), random)).contains("Échec simulé pour le montant 150.00");
        assertThat(amounts.decide(Money.of("99.99"), random)).isPresent();
        assertThat(amounts.decide(Money.of("100.00"), random)).isEmpty();
    }

    @Test
    void fromPercent_fifty_isRateOneHalf() {
        FailurePolicy p = FailurePolicy.fromPercent(new BigDecimal("50"), null);

        assertThat(p.failureRate()).isEqualByComparingTo("0.5");
        assertThat(p.failureRatePercent()).isEqualByComparingTo("50");
    }

    @Test
    void rates_outOfRange_throwInvalidInputOnFailureRate() {
        assertThatThrownBy(() -> FailurePolicy.ofRate(new BigDecimal("1.5")))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.INVALID_INPUT, "failure_rate"));
        assertThatThrownBy(() -> FailurePolicy.fromPercent(new BigDecimal("150"), List.of()))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.INVALID_INPUT, "failure_rate"));
        assertThatThrownBy(() -> FailurePolicy.fromPercent(new BigDecimal("-1"), List.of()))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.INVALID_INPUT, "failure_rate"));
    }
}
