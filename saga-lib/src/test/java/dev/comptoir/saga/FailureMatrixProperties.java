package dev.comptoir.saga;

import static org.assertj.core.api.Assertions.assertThat;

import dev.comptoir.saga.Script.Trip;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Failing step × failure kind over a compensatable, compensatable, pivot, retriable saga: the
 * saga always ends COMPENSATED (or STUCK for the post-pivot step), compensations run in reverse
 * order over exactly the steps that may have applied, and every effect happens at most once.
 */
class FailureMatrixProperties {
    private static final List<String> STEPS = List.of("a", "b", "c", "d");

    enum Kind { BUSINESS, TRANSIENT, TIMEOUT }

    @Property
    void anyStepFailingAnyWay_endsCompensatedOrStuck_compensatingInReverse(
            @ForAll @IntRange(min = 0, max = 3) int failing, @ForAll Kind kind) {
        Script script = new Script();
        SagaDefinition<Trip> def = script.definition("matrix", 1,
                RetryPolicy.exponential(3, Duration.ofSeconds(1), Duration.ofSeconds(10)), Duration.ofSeconds(30));
        String step = STEPS.get(failing);
        SagaTestKit<Trip> kit = SagaTestKit.of(def).given(new Trip("t", 0));
        switch (kind) {
            case BUSINESS -> kit.whenAction(step).answers(StepOutcome.failure("no"));
            case TRANSIENT -> kit.whenAction(step).answers(StepOutcome.retry("x"), StepOutcome.retry("x"),
                    StepOutcome.retry("x"));
            case TIMEOUT -> kit.whenAction(step).answers(StepOutcome.pending(), StepOutcome.pending(),
                    StepOutcome.pending());
        }

        SagaTestKit<Trip>.Result result = kit.run();

        List<String> expected = new ArrayList<>(STEPS.subList(0, failing));
        int attempts = kind == Kind.BUSINESS ? 1 : 3;
        for (int i = 0; i < attempts; i++) {
            expected.add(step);
        }
        boolean forwardOnly = step.equals("d");
        if (!forwardOnly) {
            int from = kind != Kind.BUSINESS && (step.equals("a") || step.equals("b")) ? failing : failing - 1;
            for (int i = Math.min(from, 1); i >= 0; i--) {   // only a and b have compensations
                expected.add("~" + STEPS.get(i));
            }
        }
        result.expectState(forwardOnly ? SagaState.STUCK : SagaState.COMPENSATED)
                .expectInvocations(expected.toArray(String[]::new));
        SagaId id = result.status().id();
        for (String s : STEPS) {
            assertThat(script.effects(id, s, Direction.ACTION)).isLessThanOrEqualTo(1);
            assertThat(script.effects(id, s, Direction.COMPENSATION)).isLessThanOrEqualTo(1);
        }
    }
}
