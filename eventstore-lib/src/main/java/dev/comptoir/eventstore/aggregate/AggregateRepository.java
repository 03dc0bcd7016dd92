package dev.comptoir.eventstore.aggregate;

import dev.comptoir.eventstore.ConcurrencyConflictException;
import dev.comptoir.eventstore.EventMetadata;
import dev.comptoir.eventstore.EventSerializer;
import dev.comptoir.eventstore.EventStore;
import dev.comptoir.eventstore.EventStoreException;
import dev.comptoir.eventstore.ExpectedVersion;
import dev.comptoir.eventstore.RecordedEvent;
import dev.comptoir.eventstore.spi.Snapshot;
import dev.comptoir.eventstore.spi.SnapshotStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Loads event-sourced aggregates and runs commands against them with optimistic concurrency.
 *
 * <pre>{@code
 * AggregateRepository<Claim> claims = AggregateRepository.builder(store, serializer, Claim.class)
 *         .initialState(Claim::empty)
 *         .evolve(Claim::apply)                    // (state, event) -> state
 *         .snapshots(snapshotStore, 50)            // optional
 *         .cache(10_000)                           // optional: recent states kept in memory
 *         .ids(random).clock(clock)
 *         .build();
 * Aggregate<Claim> after = claims.execute("claim-42",
 *         claim -> claim.assign(agentId),          // decide: state -> events (or throws)
 *         EventMetadata.of(clock.instant()).withCorrelationId(cid));
 * }</pre>
 *
 * <p>{@link #execute} loads the stream (from the latest snapshot if any), calls the decider,
 * appends its events with {@code ExpectedVersion.exactly(version)} and, on a
 * {@link ConcurrencyConflictException}, reloads and decides again (up to
 * {@code maxAttempts}). The decider must therefore be free of side effects. With {@link
 * Builder#cache(int)}, the states this repository loaded or produced last are kept in memory
 * and a load reads only the events appended after the cached version (other writers' included),
 * so the state must be an immutable value. Thread-safe.
 *
 * @param <S> the aggregate state type (a JSON-serializable value when snapshots are used)
 */
public final class AggregateRepository<S> {

    private static final int PAGE = 500;

    private final EventStore store;
    private final EventSerializer serializer;
    private final Class<S> stateType;
    private final Supplier<S> initial;
    private final BiFunction<S, Object, S> evolve;
    private final SnapshotStore snapshots;
    private final int snapshotEvery;
    private final int maxAttempts;
    private final RandomGenerator random;
    private final Clock clock;
    /** streamId → the newest state known here (null when caching is off); access-ordered, bounded. */
    private final java.util.Map<String, Aggregate<S>> cache;

    private AggregateRepository(Builder<S> b) {
        this.store = b.store;
        this.serializer = b.serializer;
        this.stateType = b.stateType;
        this.initial = Objects.requireNonNull(b.initial, "initialState");
        this.evolve = Objects.requireNonNull(b.evolve, "evolve");
        this.snapshots = b.snapshots;
        this.snapshotEvery = b.snapshotEvery;
        this.maxAttempts = b.maxAttempts;
        this.random = Objects.requireNonNull(b.random, "ids");
        this.clock = Objects.requireNonNull(b.clock, "clock");
        int cacheSize = b.cacheSize;
        this.cache = cacheSize == 0 ? null : new java.util.LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(java.util.Map.Entry<String, Aggregate<S>> eldest) {
                return size() > cacheSize;
            }
        };
    }

    /** A builder for aggregates whose state is {@code stateType}. */
    public static <S> Builder<S> builder(EventStore store, EventSerializer serializer, Class<S> stateType) {
        return new Builder<>(store, serializer, stateType);
    }

    /** The aggregate's current state (version 0 and the initial state when the stream is empty). */
    public Aggregate<S> load(String streamId) {
        S state = initial.get();
        long version = 0;
        Aggregate<S> cached = cached(streamId);
        if (cached != null) {
            state = cached.state();
            version = cached.version();
        } else if (snapshots != null) {
            var snap = snapshots.load(streamId);
            if (snap.isPresent()) {
                state = serializer.fromJson(snap.get().state(), stateType);
                version = snap.get().version();
            }
        }
        while (true) {
            List<RecordedEvent> page = store.readStreamForward(streamId, version + 1, PAGE);
            for (RecordedEvent e : page) {
                state = evolve.apply(state, serializer.deserialize(e));
                version = e.streamVersion();
            }
            if (page.size() < PAGE) {
                Aggregate<S> loaded = new Aggregate<>(streamId, state, version, List.of());
                remember(loaded);
                return loaded;
            }
        }
    }

    private Aggregate<S> cached(String streamId) {
        if (cache == null) {
            return null;
        }
        synchronized (cache) {
            return cache.get(streamId);
        }
    }

    private void remember(Aggregate<S> aggregate) {
        if (cache == null) {
            return;
        }
        synchronized (cache) {
            Aggregate<S> known = cache.get(aggregate.streamId());
            if (known == null || known.version() < aggregate.version()) {
                cache.put(aggregate.streamId(), new Aggregate<>(aggregate.streamId(), aggregate.state(),
                        aggregate.version(), List.of()));
            }
        }
    }

    /**
     * Decides and appends, retrying on concurrency conflicts. Returns the state after the new
     * events (or the unchanged state when the decider returned no event).
     *
     * @throws ConcurrencyConflictException after {@code maxAttempts} conflicts
     */
    public Aggregate<S> execute(String streamId, Function<S, List<?>> decide, EventMetadata metadata) {
        Objects.requireNonNull(decide, "decide");
        Objects.requireNonNull(metadata, "metadata");
        ConcurrencyConflictException last = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            Aggregate<S> current = load(streamId);
            List<?> events = decide.apply(current.state());
            if (events == null || events.isEmpty()) {
                return current;
            }
            var envelopes = new ArrayList<dev.comptoir.eventstore.EventEnvelope>(events.size());
            S state = current.state();
            for (Object event : events) {
                envelopes.add(serializer.envelope(newId(), event, metadata));
                state = evolve.apply(state, event);
            }
            try {
                store.append(streamId, ExpectedVersion.exactly(current.version()), envelopes);
            } catch (ConcurrencyConflictException e) {
                last = e;
                continue;
            }
            long version = current.version() + events.size();
            maybeSnapshot(streamId, current.version(), version, state);
            Aggregate<S> after = new Aggregate<>(streamId, state, version, List.copyOf(events));
            remember(after);
            return after;
        }
        throw last;
    }

    private void maybeSnapshot(String streamId, long before, long after, S state) {
        if (snapshots == null || after / snapshotEvery == before / snapshotEvery) {
            return;
        }
        try {
            snapshots.save(new Snapshot(streamId, after, serializer.toJson(state), clock.instant()));
        } catch (EventStoreException e) {
            // a snapshot is an optimisation: the events are stored, loading still works without it
        }
    }

    private UUID newId() {
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    /**
     * Builds an {@link AggregateRepository}. Not thread-safe.
     *
     * @param <S> state type
     */
    public static final class Builder<S> {
        private final EventStore store;
        private final EventSerializer serializer;
        private final Class<S> stateType;
        private Supplier<S> initial;
        private BiFunction<S, Object, S> evolve;
        private SnapshotStore snapshots;
        private int snapshotEvery = 100;
        private int maxAttempts = 5;
        private int cacheSize;
        private RandomGenerator random;
        private Clock clock;

        private Builder(EventStore store, EventSerializer serializer, Class<S> stateType) {
            this.store = Objects.requireNonNull(store, "store");
            this.serializer = Objects.requireNonNull(serializer, "serializer");
            this.stateType = Objects.requireNonNull(stateType, "stateType");
        }

        /** The state of an aggregate with no events. */
        public Builder<S> initialState(Supplier<S> initial) {
            this.initial = initial;
            return this;
        }

        /** The fold: the state after one more event (must not have side effects). */
        public Builder<S> evolve(BiFunction<S, Object, S> evolve) {
            this.evolve = evolve;
            return this;
        }

        /** Takes a snapshot each time the version crosses a multiple of {@code every}. */
        public Builder<S> snapshots(SnapshotStore store, int every) {
            if (every < 1) {
                throw new IllegalArgumentException("every must be >= 1, was " + every);
            }
            this.snapshots = Objects.requireNonNull(store, "store");
            this.snapshotEvery = every;
            return this;
        }

        /**
         * Keeps the newest state of up to {@code streams} aggregates in memory (least recently used
         * out first); a load then reads only the events after the cached version. The state type
         * must be immutable. Default 0: no cache.
         */
        public Builder<S> cache(int streams) {
            if (streams < 0) {
                throw new IllegalArgumentException("streams must be >= 0, was " + streams);
            }
            this.cacheSize = streams;
            return this;
        }

        /** How many times {@code execute} tries before giving up on conflicts (default 5). */
        public Builder<S> maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** The source of event ids (a seeded generator makes runs reproducible). */
        public Builder<S> ids(RandomGenerator random) {
            this.random = random;
            return this;
        }

        /** The clock used for snapshot timestamps. */
        public Builder<S> clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** The repository. */
        public AggregateRepository<S> build() {
            return new AggregateRepository<>(this);
        }
    }
}
