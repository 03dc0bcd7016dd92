package dev.comptoir.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SagaDefinitionTest {
    record Data(int n) {
    }

    private static StepOutcome<Data> ok(StepContext<Data> ctx) {
        return StepOutcome.success();
    }

    @Test
    void build_wellFormed_keepsStepsKindsAndDefaults() {
        SagaDefinition<Data> d = SagaDefinition.builder("trip", 2, Data.class)
                .step("a").invoke(SagaDefinitionTest::ok).noCompensation()
                .step("b").invoke(SagaDefinitionTest::ok).compensate(SagaDefinitionTest::ok).timeout(Duration.ofSeconds(5))
                .step("c").invoke(SagaDefinitionTest::ok).pivot()
                .step("d").invoke(SagaDefinitionTest::ok).retriable().retry(RetryPolicy.none())
                .build();

        assertThat(d.steps()).extracting(SagaStep::kind).containsExactly(StepKind.COMPENSATABLE,
                StepKind.COMPENSATABLE, StepKind.PIVOT, StepKind.RETRIABLE);
        assertThat(d.step("a").hasCompensation()).isFalse();
        assertThat(d.step("b").timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(d.step("c").timeout()).isEqualTo(SagaDefinition.DEFAULT_TIMEOUT);
        assertThat(d.step("d").retry().maxAttempts()).isEqualTo(1);
        assertThat(d.indexOf("c")).isEqualTo(2);
    }

    @Test
    void build_compensatableStepAfterPivot_isRejected() {
        assertThatThrownBy(() -> SagaDefinition.builder("x", 1, Data.class)
                .step("pivot").invoke(SagaDefinitionTest::ok).pivot()
                .step("late").invoke(SagaDefinitionTest::ok).compensate(SagaDefinitionTest::ok)
                .build())
                .isInstanceOf(SagaException.class)
                .hasMessageContaining("compensatable step 'late' comes after the pivot step 'pivot'");
    }

    @Test
    void build_compensatableStepWithoutCompensation_isRejected() {
        assertThatThrownBy(() -> SagaDefinition.builder("x", 1, Data.class)
                .step("reserve").invoke(SagaDefinitionTest::ok)
                .build())
                .isInstanceOf(SagaException.class)
                .hasMessageContaining("compensatable step 'reserve' has no compensation");
    }

    @Test
    void build_pivotWithCompensation_isRejected() {
        assertThatThrownBy(() -> SagaDefinition.builder("x", 1, Data.class)
                .step("p").invoke(SagaDefinitionTest::ok).compensate(SagaDefinitionTest::ok).pivot()
                .build())
                .hasMessageContaining("pivot step 'p' cannot have a compensation");
    }

    @Test
    void build_severalProblems_listsThemAll() {
        assertThatThrownBy(() -> SagaDefinition.builder("x", 0, Data.class)
                .step("a").invoke(SagaDefinitionTest::ok).retriable()
                .step("a").pivot()
                .step("b").invoke(SagaDefinitionTest::ok).pivot()
                .build())
                .hasMessageContaining("version must be >= 1")
                .hasMessageContaining("duplicate step name 'a'")
                .hasMessageContaining("step 'a' has no action")
                .hasMessageContaining("pivot step 'a' comes after the retriable step 'a'")
                .hasMessageContaining("step 'b' is a second pivot");
    }

    @Test
    void build_noSteps_isRejected() {
        assertThatThrownBy(() -> SagaDefinition.builder("empty", 1, Data.class).build())
                .hasMessageContaining("at least one step");
    }

    @Test
    void retryPolicy_backoff_growsExponentiallyWithinJitterAndCap() {
        RetryPolicy p = RetryPolicy.exponential(5, Duration.ofMillis(100), Duration.ofMillis(350)).withJitter(0.1);
        java.util.SplittableRandom rng = new java.util.SplittableRandom(1);

        assertThat(p.backoff(1, rng)).isBetween(Duration.ofMillis(90), Duration.ofMillis(110));
        assertThat(p.backoff(2, rng)).isBetween(Duration.ofMillis(180), Duration.ofMillis(220));
        assertThat(p.backoff(4, rng)).isBetween(Duration.ofMillis(315), Duration.ofMillis(385));
        assertThat(p.canRetryAfter(4)).isTrue();
        assertThat(p.canRetryAfter(5)).isFalse();
    }
}
