package dev.comptoir.saga;

import static dev.comptoir.saga.Direction.ACTION;
import static dev.comptoir.saga.Direction.COMPENSATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.codahale.metrics.MetricRegistry;
import dev.comptoir.saga.Script.Trip;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SagaRuntimeTest {
    private static final RetryPolicy THREE = RetryPolicy.exponential(3, Duration.ofSeconds(1), Duration.ofSeconds(10));
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final VirtualClock clock = VirtualClock.at("2026-11-25T10:00:00Z");
    private final List<SagaEvent> events = new CopyOnWriteArrayList<>();
    private final MetricRegistry metrics = new MetricRegistry();
    private Script script;
    private SagaDefinition<Trip> trip;
    private SagaStore store;
    private SagaRuntime runtime;

    @BeforeEach
    void setUp() {
        script = new Script();
        trip = script.definition("trip", 1, THREE, TIMEOUT);
        store = SagaStore.inMemory();
        SagaMetrics sagaMetrics = SagaMetrics.create(metrics);
        runtime = Sagas.runtime().store(store).clock(clock).random(new SplittableRandom(3))
                .listener(events::add).listener(sagaMetrics).register(trip).instanceId("rt-1").build();
        sagaMetrics.registerGauges(runtime);
    }

    private SagaStatus status(SagaId id) {
        return runtime.status(id).orElseThrow();
    }

    private SagaId startAndRun() {
        SagaId id = runtime.start(trip, new Trip("t", 0), "key-" + events.size());
        runtime.runUntilIdle();
        return id;
    }

    @Test
    void start_allStepsSucceed_completesAndUpdatesData() {
        SagaId id = startAndRun();

        assertThat(status(id).state()).isEqualTo(SagaState.COMPLETED);
        assertThat(status(id).data(Trip.class).stepsDone()).isEqualTo(4);
        assertThat(status(id).currentStep()).isNull();
        assertThat(runtime.countsByState()).containsEntry(SagaState.COMPLETED, 1L).containsEntry(SagaState.RUNNING, 0L);
        assertThat(metrics.counter("saga.outcome.completed").getCount()).isEqualTo(1);
        assertThat(metrics.timer("saga.step.trip.a.action").getCount()).isEqualTo(1);
    }

    @Test
    void start_pollNotCalled_doesNothingOnItsOwn() {
        SagaId id = runtime.start(trip, new Trip("t", 0), "idle");

        assertThat(script.invocations("a", ACTION)).isZero();
        assertThat(status(id).state()).isEqualTo(SagaState.RUNNING);
        assertThat(runtime.listActive(10)).extracting(SagaStatus::id).containsExactly(id);
        assertThat(metrics.getGauges().get("saga.active").getValue()).isEqualTo(1L);
    }

    @Test
    void transientFailures_thenSuccess_retriesAfterDurableBackoff() {
        script.answer("b", ACTION, () -> StepOutcome.retry("busy"), () -> StepOutcome.retry("still busy"));

        SagaId id = startAndRun();
        assertThat(status(id).state()).isEqualTo(SagaState.RUNNING);
        assertThat(status(id).timeline().get(1).state()).isEqualTo(StepState.RETRY_SCHEDULED);

        clock.advance(Duration.ofMillis(999));
        assertThat(runtime.runUntilIdle()).isZero();            // backoff of 1 s not elapsed
        clock.advance(Duration.ofMillis(1));
        runtime.runUntilIdle();
        clock.advance(Duration.ofSeconds(2));
        runtime.runUntilIdle();

        assertThat(status(id).state()).isEqualTo(SagaState.COMPLETED);
        assertThat(status(id).timeline().get(1).attempts()).isEqualTo(3);
        assertThat(status(id).timeline().get(1).lastError()).isEqualTo("still busy");
        assertThat(script.invocations("b", ACTION)).isEqualTo(3);
        assertThat(metrics.counter("saga.step.retries").getCount()).isEqualTo(2);
    }

    @Test
    void transientFailures_exhausted_compensatesIncludingTheUncertainStep() {
        script.always("b", ACTION, () -> StepOutcome.retry("down"));

        SagaId id = startAndRun();
        clock.advance(Duration.ofSeconds(1));
        runtime.runUntilIdle();
        clock.advance(Duration.ofSeconds(2));
        runtime.runUntilIdle();

        SagaStatus s = status(id);
        assertThat(s.state()).isEqualTo(SagaState.COMPENSATED);
        assertThat(s.failure()).contains("step 'b' failed: down (after 3 attempts)");
        assertThat(script.invocations("b", COMPENSATION)).isEqualTo(1);   // b may have applied: undo it
        assertThat(script.invocations("a", COMPENSATION)).isEqualTo(1);
        assertThat(script.effects(id, "b", COMPENSATION)).isZero();       // ledger: b never applied -> tombstone
        assertThat(script.effects(id, "a", COMPENSATION)).isEqualTo(1);
        assertThat(metrics.counter("saga.compensations").getCount()).isEqualTo(1);
    }

    @Test
    void businessFailure_compensatesPreviousStepsOnlyWithoutRetry() {
        script.answer("c", ACTION, () -> StepOutcome.failure("rejected"));

        SagaId id = startAndRun();

        assertThat(status(id).state()).isEqualTo(SagaState.COMPENSATED);
        assertThat(script.invocations("c", ACTION)).isEqualTo(1);
        assertThat(status(id).timeline()).extracting(t -> t.step() + "/" + t.direction())
                .containsExactly("a/ACTION", "b/ACTION", "c/ACTION", "b/COMPENSATION", "a/COMPENSATION");
        assertThat(events).filteredOn(SagaEvent.CompensationStarted.class::isInstance).hasSize(1);
    }

    @Test
    void thrownException_classifiedByRetryOn() {
        SagaDefinition<Trip> d = SagaDefinition.builder("throwing", 1, Trip.class)
                .step("io").invoke(ctx -> {
                    throw new IOException("socket reset");
                }).noCompensation().retry(RetryPolicy.exponential(2, Duration.ZERO, Duration.ZERO)
                        .retryOn(IOException.class::isInstance))
                .step("bug").invoke(ctx -> {
                    throw new IllegalStateException("bad state");
                }).noCompensation().retry(THREE.retryOn(IOException.class::isInstance))
                .build();
        SagaId id = runtime.start(d, new Trip("x", 0), "throw");
        runtime.runUntilIdle();

        SagaStatus s = status(id);
        assertThat(s.state()).isEqualTo(SagaState.COMPENSATED);
        assertThat(s.timeline().getFirst().attempts()).isEqualTo(2);     // transient: retried at once (zero backoff)
        assertThat(s.failure()).contains("IOException: socket reset");
    }

    @Test
    void pendingReply_completedBeforeTimeout_continuesTheSaga() {
        script.answer("b", ACTION, StepOutcome::pending);

        SagaId id = startAndRun();
        assertThat(status(id).timeline().get(1).state()).isEqualTo(StepState.AWAITING_REPLY);
        clock.advance(Duration.ofSeconds(10));

        assertThat(runtime.complete(id, "b", StepOutcome.success(new Trip("t", 42)))).isTrue();
        runtime.runUntilIdle();

        assertThat(status(id).state()).isEqualTo(SagaState.COMPLETED);
        assertThat(status(id).data(Trip.class).stepsDone()).isEqualTo(44);
        assertThat(status(id).timeline().get(1).duration()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void pendingReply_neverComes_timeoutFiresAndRetries() {
        script.answer("b", ACTION, StepOutcome::pending);

        SagaId id = startAndRun();
        clock.advance(TIMEOUT.minusMillis(1));
        assertThat(runtime.runUntilIdle()).isZero();
        clock.advance(Duration.ofMillis(1));
        runtime.runUntilIdle();                   // timeout: attempt 1 failed, backoff 1 s
        clock.advance(Duration.ofSeconds(1));
        runtime.runUntilIdle();                   // attempt 2 succeeds

        assertThat(status(id).state()).isEqualTo(SagaState.COMPLETED);
        assertThat(status(id).timeline().get(1).lastError()).contains("no reply within PT30S");
        assertThat(script.invocations("b", ACTION)).isEqualTo(2);
    }

    @Test
    void lateReply_afterTimeoutAndCompensation_isIgnored() {
        SagaDefinition<Trip> d = script.definition("strict", 1, RetryPolicy.none(), TIMEOUT);
        script.answer("b", ACTION, StepOutcome::pending);
        SagaId id = runtime.start(d, new Trip("t", 0), "late");
        runtime.runUntilIdle();

        clock.advance(TIMEOUT);
        runtime.runUntilIdle();
        assertThat(status(id).state()).isEqualTo(SagaState.COMPENSATED);

        assertThat(runtime.complete(id, "b", StepOutcome.success())).isFalse();
        assertThat(status(id).state()).isEqualTo(SagaState.COMPENSATED);
    }

    @Test
    void compensationRacingTimedOutAction_lateActionBecomesNoOp() {
        SagaDefinition<Trip> d = script.definition("race", 1, RetryPolicy.none(), TIMEOUT);
        script.answer("b", ACTION, StepOutcome::pending);        // the participant took the request...
        SagaId id = runtime.start(d, new Trip("t", 0), "race");
        runtime.runUntilIdle();
        IdempotencyKey actionKey = new IdempotencyKey(id, "b", ACTION);

        clock.advance(TIMEOUT);
        runtime.runUntilIdle();                                  // ...timed out: b's compensation ran first
        LedgerOutcome<String> lateAction = script.ledger.execute(actionKey, String.class, () -> "applied late");

        assertThat(lateAction).isInstanceOf(LedgerOutcome.Skipped.class);
        assertThat(runtime.complete(id, "b", StepOutcome.success())).isFalse();
        assertThat(status(id).state()).isEqualTo(SagaState.COMPENSATED);
        assertThat(script.effects(id, "b", ACTION)).isZero();
        assertThat(script.effects(id, "b", COMPENSATION)).isZero();
    }

    @Test
    void replyForAnotherStep_isIgnored() {
        script.answer("b", ACTION, StepOutcome::pending);
        SagaId id = startAndRun();

        assertThat(runtime.complete(id, "a", StepOutcome.success())).isFalse();
        assertThat(status(id).timeline().get(1).state()).isEqualTo(StepState.AWAITING_REPLY);
    }

    @Test
    void compensationKeepsFailing_parksStuck_thenOperatorRetrySucceeds() {
        script.answer("c", ACTION, () -> StepOutcome.failure("no"));
        script.always("a", COMPENSATION, () -> StepOutcome.retry("refund service down"));

        SagaId id = startAndRun();
        clock.advance(Duration.ofSeconds(1));
        runtime.runUntilIdle();
        clock.advance(Duration.ofSeconds(2));
        runtime.runUntilIdle();

        SagaStatus stuck = status(id);
        assertThat(stuck.state()).isEqualTo(SagaState.STUCK);
        assertThat(stuck.currentStep()).isEqualTo("a");
        assertThat(stuck.failure()).contains("compensation of 'a' failed: refund service down");
        assertThat(runtime.list(SagaState.STUCK, 10)).extracting(SagaStatus::id).containsExactly(id);
        assertThat(runtime.countsByState()).containsEntry(SagaState.STUCK, 1L);
        assertThat(metrics.counter("saga.stuck").getCount()).isEqualTo(1);
        assertThat(metrics.getGauges().get("saga.stuck.current").getValue()).isEqualTo(1L);
        assertThat(runtime.listActive(10)).isEmpty();
        clock.advance(Duration.ofHours(1));
        assertThat(runtime.runUntilIdle()).isZero();              // parked: nobody touches it

        script.clear("a", COMPENSATION);
        runtime.retry(id);
        runtime.runUntilIdle();

        assertThat(status(id).state()).isEqualTo(SagaState.COMPENSATED);
        assertThat(script.effects(id, "a", COMPENSATION)).isEqualTo(1);
    }

    @Test
    void stuckSaga_resolvedByOperator_isTerminal() {
        script.answer("c", ACTION, () -> StepOutcome.failure("no"));
        script.always("b", COMPENSATION, () -> StepOutcome.failure("cannot undo"));
        SagaId id = startAndRun();
        clock.advance(Duration.ofSeconds(3));
        runtime.runUntilIdle();
        assertThat(status(id).state()).isEqualTo(SagaState.STUCK);

        runtime.resolve(id, "refunded by hand, ticket 12");

        assertThat(status(id).state()).isEqualTo(SagaState.RESOLVED);
        assertThat(status(id).failure()).endsWith("resolved by operator: refunded by hand, ticket 12");
        assertThatThrownBy(() -> runtime.retry(id)).isInstanceOf(SagaException.class).hasMessageContaining("RESOLVED");
        assertThat(metrics.counter("saga.outcome.resolved").getCount()).isEqualTo(1);
    }

    @Test
    void retriableStepAfterPivot_keepsFailing_parksStuckAndNeverCompensates() {
        script.always("d", ACTION, () -> StepOutcome.retry("mailer down"));
        SagaId id = startAndRun();
        clock.advance(Duration.ofSeconds(1));
        runtime.runUntilIdle();
        clock.advance(Duration.ofSeconds(2));
        runtime.runUntilIdle();

        assertThat(status(id).state()).isEqualTo(SagaState.STUCK);
        assertThat(script.invocations("b", COMPENSATION)).isZero();

        script.clear("d", ACTION);
        runtime.retry(id);
        runtime.runUntilIdle();
        assertThat(status(id).state()).isEqualTo(SagaState.COMPLETED);
    }

    @Test
    void inFlightSaga_keepsRunningOnTheVersionItStartedWith() {
        script.answer("b", ACTION, StepOutcome::pending);
        SagaId v1 = startAndRun();
        List<String> ranV2 = new CopyOnWriteArrayList<>();
        SagaDefinition<Trip> v2 = SagaDefinition.builder("trip", 2, Trip.class)
                .step("only").invoke(ctx -> {
                    ranV2.add(ctx.sagaId().toString());
                    return StepOutcome.success();
                }).noCompensation()
                .build();
        runtime.register(v2);

        SagaId newer = runtime.start(v2, new Trip("n", 0), "v2");
        runtime.complete(v1, "b", StepOutcome.success());
        runtime.runUntilIdle();

        assertThat(status(v1).state()).isEqualTo(SagaState.COMPLETED);
        assertThat(status(v1).definitionVersion()).isEqualTo(1);
        assertThat(status(v1).timeline()).extracting(StepTrace::step).containsExactly("a", "b", "c", "d");
        assertThat(ranV2).containsExactly(newer.toString());
    }

    @Test
    void restartedRuntimeWithoutTheDefinition_leavesSagaAloneUntilRegistered() {
        script.answer("a", ACTION, () -> StepOutcome.retry("x"));
        SagaId id = startAndRun();
        runtime.close();
        SagaRuntime other = Sagas.runtime().store(store).clock(clock).instanceId("rt-2").build();
        clock.advance(Duration.ofSeconds(1));

        other.runUntilIdle();
        assertThat(script.invocations("a", ACTION)).isEqualTo(1);

        other.register(trip);
        clock.advance(Duration.ofSeconds(31));
        other.runUntilIdle();
        assertThat(other.status(id).orElseThrow().state()).isEqualTo(SagaState.COMPLETED);
    }

    @Test
    void events_ofACompensatedSaga_arriveInOrder() {
        script.answer("b", ACTION, () -> StepOutcome.failure("no stock"));
        SagaId id = startAndRun();

        assertThat(events).extracting(e -> e.getClass().getSimpleName()).containsExactly(
                "Started", "StepSucceeded", "StepFailed", "CompensationStarted", "StepSucceeded", "Finished");
        assertThat(events.getLast()).isEqualTo(new SagaEvent.Finished(id, "trip", clock.instant(),
                SagaState.COMPENSATED, Duration.ZERO));
    }

    @Test
    void operatorCalls_onUnknownOrActiveSaga_fail() {
        SagaId id = runtime.start(trip, new Trip("t", 0), "op");

        assertThatThrownBy(() -> runtime.retry(id)).isInstanceOf(SagaException.class).hasMessageContaining("RUNNING");
        assertThatThrownBy(() -> runtime.resolve(SagaId.random(new SplittableRandom(9)), "x"))
                .isInstanceOf(SagaException.class).hasMessageContaining("not found");
        assertThatThrownBy(() -> runtime.complete(id, "a", StepOutcome.pending()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
