package dev.comptoir.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.comptoir.saga.Script.Trip;
import dev.comptoir.saga.spi.SagaRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The in-memory store's ways to forget finished sagas (long simulator runs rely on them). */
class InMemorySagaStorageRetentionTest {
    private final VirtualClock clock = VirtualClock.at("2026-11-25T10:00:00Z");
    private final Script script = new Script();
    private final SagaDefinition<Trip> trip =
            script.definition("trip", 1, RetryPolicy.exponential(3, Duration.ofSeconds(1), Duration.ofSeconds(10)), Duration.ofSeconds(30));

    private SagaRuntime runtimeOn(InMemorySagaStorage storage) {
        return Sagas.runtime().store(SagaStore.of(storage)).clock(clock).random(new SplittableRandom(1))
                .register(trip).instanceId("rt").build();
    }

    @Test
    void drainEnded_completedSagas_handsEachOverOnceThenForgetsThem() {
        InMemorySagaStorage storage = InMemorySagaStorage.trackingEnded();
        SagaRuntime runtime = runtimeOn(storage);
        SagaId first = runtime.start(trip, new Trip("a", 0), "k1");
        SagaId second = runtime.start(trip, new Trip("b", 0), "k2");
        runtime.runUntilIdle();

        List<SagaRecord> seen = new ArrayList<>();
        assertThat(storage.drainEnded(seen::add, true)).isEqualTo(2);

        assertThat(seen).extracting(SagaRecord::id).containsExactly(first, second);
        assertThat(seen).extracting(SagaRecord::state).containsOnly(SagaState.COMPLETED);
        assertThat(storage.size()).isZero();
        assertThat(runtime.status(first)).isEmpty();
        assertThat(runtime.countsByState()).containsEntry(SagaState.COMPLETED, 2L);
        assertThat(storage.drainEnded(seen::add, true)).isZero();
    }

    @Test
    void drainEnded_withoutForget_keepsTheSagas() {
        InMemorySagaStorage storage = InMemorySagaStorage.trackingEnded();
        SagaRuntime runtime = runtimeOn(storage);
        SagaId id = runtime.start(trip, new Trip("a", 0), "k1");
        runtime.runUntilIdle();

        assertThat(storage.drainEnded(r -> { }, false)).isEqualTo(1);
        assertThat(runtime.status(id)).map(SagaStatus::state).contains(SagaState.COMPLETED);
    }

    @Test
    void forgetTerminal_activeSaga_refusesAndKeepsIt() {
        InMemorySagaStorage storage = new InMemorySagaStorage();
        SagaRuntime runtime = runtimeOn(storage);
        SagaId id = runtime.start(trip, new Trip("a", 0), "k1");

        assertThat(storage.forgetTerminal(id)).isFalse();
        assertThat(storage.size()).isEqualTo(1);
        assertThat(storage.nextDue()).isNotNull().isAfterOrEqualTo(clock.instant());
    }

    @Test
    void forgetTerminal_completedSaga_freesItsStartKey() {
        InMemorySagaStorage storage = new InMemorySagaStorage();
        SagaRuntime runtime = runtimeOn(storage);
        SagaId id = runtime.start(trip, new Trip("a", 0), "k1");
        runtime.runUntilIdle();

        assertThat(storage.forgetTerminal(id)).isTrue();
        SagaId again = runtime.start(trip, new Trip("a", 0), "k1");

        assertThat(again).isNotEqualTo(id);
        assertThat(storage.nextDue()).isNotNull();
    }

    @Test
    void drainEnded_storeNotTracking_isRefused() {
        InMemorySagaStorage storage = new InMemorySagaStorage();
        assertThatThrownBy(() -> storage.drainEnded(r -> { }, true)).isInstanceOf(IllegalStateException.class);
    }
}
