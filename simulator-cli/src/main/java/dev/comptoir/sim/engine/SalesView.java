package dev.comptoir.sim.engine;

import dev.comptoir.eventstore.EventMetadata;
import dev.comptoir.eventstore.EventSerializer;
import dev.comptoir.eventstore.EventStore;
import dev.comptoir.eventstore.ExpectedVersion;
import dev.comptoir.eventstore.RecordedEvent;
import dev.comptoir.eventstore.projection.CheckResult;
import dev.comptoir.eventstore.projection.InMemoryProjectionRunner;
import dev.comptoir.eventstore.projection.Projection;
import dev.comptoir.eventstore.projection.Projections;
import java.util.Arrays;
import java.util.UUID;

/**
 * The store side's CQRS read model: every POS sale and return is appended to an event store
 * (stream {@code store-<id>}) and an eventstore-lib projection runner folds them into units and
 * amounts per store. The runner can crash (it is then rebuilt from the event store, as a
 * restarted projection service would be) and the checker compares the live model with a fresh
 * replay. The {@link Sabotage#SKIPPED_PROJECTION_EVENT} defect makes the live runner skip one
 * event.
 */
final class SalesView {
    /** A POS sale was recorded. */
    record VenteEnregistree(int store, long product, int units, long cents) {
    }

    /** A POS return was recorded. */
    record RetourEnregistre(int store, long product, int units) {
    }

    /** Units and money per store (index = location id). Value equality, so a replay can be compared. */
    static final class Model {
        final long[] sold = new long[9];
        final long[] returned = new long[9];
        final long[] cents = new long[9];
        long events;

        @Override
        public boolean equals(Object o) {
            return o instanceof Model m && events == m.events && Arrays.equals(sold, m.sold)
                    && Arrays.equals(returned, m.returned) && Arrays.equals(cents, m.cents);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(sold) * 31 + Arrays.hashCode(returned) * 17 + Arrays.hashCode(cents) + (int) events;
        }

        @Override
        public String toString() {
            return "{events " + events + ", sold " + Arrays.toString(sold) + ", returned " + Arrays.toString(returned) + "}";
        }
    }

    private final EventStore store;
    private final EventSerializer serializer = EventSerializer.builder()
            .register("VenteEnregistree", VenteEnregistree.class)
            .register("RetourEnregistre", RetourEnregistre.class)
            .build();
    private final VirtualClock clock;
    private final java.util.random.RandomGenerator random;
    private final Projection<Model> projection;
    private InMemoryProjectionRunner<Model> runner;
    private long appended;
    private long crashes;
    private long liveApplies;

    SalesView(VirtualClock clock, java.util.random.RandomGenerator random, boolean skipOneEvent) {
        this.clock = clock;
        this.random = random;
        this.store = EventStore.inMemory(clock);
        this.projection = Projection.of("sales-by-store", (m, e) -> {
            if (skipOneEvent && ++liveApplies == 5) {
                return; // planted defect: the fifth event applied is silently dropped
            }
            apply(m, e);
        });
        this.runner = Projections.inMemory(store, projection, Model::new, clock);
    }

    private void apply(Model m, RecordedEvent e) {
        Object event = serializer.deserialize(e);
        switch (event) {
            case VenteEnregistree v -> {
                m.sold[v.store()] += v.units();
                m.cents[v.store()] += v.cents();
            }
            case RetourEnregistre r -> m.returned[r.store()] += r.units();
            default -> throw new IllegalStateException("unexpected event " + e.type());
        }
        m.events++;
    }

    void sale(int store, long product, int units, long cents) {
        append(store, new VenteEnregistree(store, product, units, cents));
    }

    void saleReturn(int store, long product, int units) {
        append(store, new RetourEnregistre(store, product, units));
    }

    private void append(int storeId, Object event) {
        appended++;
        UUID id = new UUID(random.nextLong(), random.nextLong());
        store.append("store-" + storeId, ExpectedVersion.any(), serializer.envelope(id, event, EventMetadata.of(clock.instant())));
    }

    /** One poll of the projection runner; with probability {@code crashRate} it dies first and is rebuilt. */
    void poll(double crashRate) {
        if (crashRate > 0 && random.nextDouble() < crashRate) {
            crashes++;
            runner.close();
            runner = Projections.inMemory(store, projection, Model::new, clock); // restarts from the event store
        }
        runner.runUntilIdle();
    }

    long crashes() {
        return crashes;
    }

    long appended() {
        return appended;
    }

    void check(Checker checker) {
        runner.runUntilIdle();
        switch (runner.check()) {
            case CheckResult.Consistent c -> checker.pass(Checker.PROJECTIONS_MATCH);
            case CheckResult.Diverged d -> checker.failed(Checker.PROJECTIONS_MATCH,
                    "sales projection differs from a fresh replay of the event store at position " + d.position() + ": "
                            + d.differences());
        }
    }

    String digest() {
        return runner.readModel().toString();
    }
}
