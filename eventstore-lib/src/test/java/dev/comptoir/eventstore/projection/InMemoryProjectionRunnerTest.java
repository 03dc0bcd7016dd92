package dev.comptoir.eventstore.projection;

import static dev.comptoir.eventstore.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.comptoir.eventstore.EventStore;
import dev.comptoir.eventstore.ExpectedVersion;
import dev.comptoir.eventstore.MutableClock;
import dev.comptoir.eventstore.RecordedEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class InMemoryProjectionRunnerTest {

    /** A read model with value equality: counts per type and the ids applied, in order. */
    record Counts(Map<String, Integer> perType, List<String> applied) {
        Counts() {
            this(new HashMap<>(), new ArrayList<>());
        }

        void apply(RecordedEvent e) {
            perType.merge(e.type(), 1, Integer::sum);
            applied.add(e.eventId().toString());
        }
    }

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final EventStore store = EventStore.inMemory(clock);

    private void appendMany(int n) {
        for (int i = 0; i < n; i++) {
            store.append("s-" + (i % 3), ExpectedVersion.any(), event(i % 2 == 0 ? "Even" : "Odd", "{}"));
        }
    }

    @Test
    void runUntilIdle_appliesEveryEventOnceAndReportsNoLag() {
        appendMany(1_200);
        var runner = Projections.inMemory(store, Projection.<Counts>of("counts", Counts::apply), Counts::new, clock);

        assertThat(runner.runUntilIdle()).isEqualTo(1_200);

        assertThat(runner.readModel().perType()).containsEntry("Even", 600).containsEntry("Odd", 600);
        assertThat(runner.status().lag()).isZero();
        assertThat(runner.status().position()).isEqualTo(1_200);
    }

    @Test
    void pollOnce_applyFailsMidBatch_keepsEarlierEventsRecordsErrorAndRetriesLater() {
        appendMany(10);
        var failing = new AtomicBoolean(true);
        var projection = Projection.<Counts>of("counts", (m, e) -> {
            if (e.position() == 6 && failing.get()) {
                throw new IllegalStateException("read model down");
            }
            m.apply(e);
        });
        var runner = Projections.inMemory(store, projection, Counts::new, clock);

        assertThat(runner.pollOnce()).isEqualTo(5);
        assertThat(runner.status().lastError()).contains("read model down");
        assertThat(runner.status().lastErrorAt()).isEqualTo(clock.instant());
        assertThat(runner.status().lag()).isEqualTo(5);
        failing.set(false);
        runner.runUntilIdle();

        assertThat(runner.readModel().applied()).containsExactlyElementsOf(
                store.readAll(0, 100).stream().map(e -> e.eventId().toString()).toList());
        assertThat(runner.status().lastError()).isNull();
    }

    @Test
    void rebuild_reportsProgressAndSwapsInAnEqualModel() {
        appendMany(1_100);
        var runner = Projections.inMemory(store, Projection.<Counts>of("counts", Counts::apply), Counts::new, clock);
        runner.runUntilIdle();
        var before = runner.readModel();
        var progress = new ArrayList<Long>();

        var result = runner.rebuild((done, total) -> progress.add(done));

        assertThat(result.generation()).isEqualTo(2);
        assertThat(result.eventsRead()).isEqualTo(1_100);
        assertThat(runner.readModel()).isNotSameAs(before).isEqualTo(before);
        assertThat(progress).isSorted().contains(1_100L);
        assertThat(progress.size()).isGreaterThan(1);
    }

    @Test
    void check_liveModelTampered_reportsDivergence() {
        appendMany(20);
        var runner = Projections.inMemory(store, Projection.<Counts>of("counts", Counts::apply), Counts::new, clock);
        runner.runUntilIdle();
        assertThat(runner.check()).isInstanceOf(CheckResult.Consistent.class);

        runner.readModel().perType().merge("Even", 1, Integer::sum);

        assertThat(runner.check()).isInstanceOfSatisfying(CheckResult.Diverged.class,
                d -> assertThat(d.differences()).hasSize(1));
    }
}
