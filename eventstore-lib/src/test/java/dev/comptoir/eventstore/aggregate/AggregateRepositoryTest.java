package dev.comptoir.eventstore.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.comptoir.eventstore.ConcurrencyConflictException;
import dev.comptoir.eventstore.EventMetadata;
import dev.comptoir.eventstore.EventSerializer;
import dev.comptoir.eventstore.EventStore;
import dev.comptoir.eventstore.ExpectedVersion;
import dev.comptoir.eventstore.spi.SnapshotStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AggregateRepositoryTest {

    record Deposited(int amount) {
    }

    record Account(int balance, int deposits) {
        static Account empty() {
            return new Account(0, 0);
        }

        Account apply(Object event) {
            return switch (event) {
                case Deposited d -> new Account(balance + d.amount(), deposits + 1);
                default -> this;
            };
        }

        List<Object> deposit(int amount) {
            if (amount <= 0) {
                throw new IllegalArgumentException("amount must be > 0");
            }
            return List.of(new Deposited(amount));
        }
    }

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final EventStore store = EventStore.inMemory(clock);
    private final EventSerializer serializer = EventSerializer.builder().register("Deposited", Deposited.class).build();
    private final AtomicInteger snapshotLoads = new AtomicInteger();
    private final SnapshotStore snapshots = SnapshotStores.inMemory();

    private AggregateRepository<Account> repository(int maxAttempts) {
        return AggregateRepository.builder(store, serializer, Account.class)
                .initialState(Account::empty)
                .evolve(Account::apply)
                .maxAttempts(maxAttempts)
                .ids(new SplittableRandom(1))
                .clock(clock)
                .build();
    }

    @Test
    void execute_newStream_appendsAndReturnsNewState() {
        var repo = repository(3);

        var after = repo.execute("acc-1", a -> a.deposit(10), EventMetadata.of(NOW));

        assertThat(after.version()).isEqualTo(1);
        assertThat(after.state()).isEqualTo(new Account(10, 1));
        assertThat(after.newEvents()).containsExactly(new Deposited(10));
        assertThat(repo.load("acc-1").state()).isEqualTo(new Account(10, 1));
    }

    @Test
    void load_unknownStream_isNewWithInitialState() {
        var loaded = repository(3).load("nobody");

        assertThat(loaded.isNew()).isTrue();
        assertThat(loaded.state()).isEqualTo(Account.empty());
    }

    @Test
    void execute_decisionRejected_appendsNothing() {
        var repo = repository(3);

        assertThatThrownBy(() -> repo.execute("acc-1", a -> a.deposit(-1), EventMetadata.of(NOW)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.streamVersion("acc-1")).isZero();
    }

    @Test
    void execute_concurrentWriterInBetween_retriesOnFreshState() {
        var repo = repository(3);
        repo.execute("acc-1", a -> a.deposit(5), EventMetadata.of(NOW));
        var calls = new AtomicInteger();

        var after = repo.execute("acc-1", a -> {
            if (calls.incrementAndGet() == 1) {
                // another process appends between our load and our append
                store.append("acc-1", ExpectedVersion.exactly(1),
                        serializer.envelope(UUID.randomUUID(), new Deposited(100), EventMetadata.of(NOW)));
            }
            return a.deposit(1);
        }, EventMetadata.of(NOW));

        assertThat(calls.get()).isEqualTo(2);
        assertThat(after.state()).isEqualTo(new Account(106, 3));
        assertThat(after.version()).isEqualTo(3);
    }

    @Test
    void execute_conflictEveryTime_givesUpAfterMaxAttempts() {
        var repo = repository(2);
        var calls = new AtomicInteger();

        assertThatThrownBy(() -> repo.execute("acc-1", a -> {
            calls.incrementAndGet();
            store.append("acc-1", ExpectedVersion.any(),
                    serializer.envelope(UUID.randomUUID(), new Deposited(1), EventMetadata.of(NOW)));
            return a.deposit(1);
        }, EventMetadata.of(NOW))).isInstanceOf(ConcurrencyConflictException.class);
        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void load_withSnapshot_readsOnlyEventsAfterIt() {
        var counting = new SnapshotStore() {
            @Override
            public java.util.Optional<dev.comptoir.eventstore.spi.Snapshot> load(String streamId) {
                snapshotLoads.incrementAndGet();
                return snapshots.load(streamId);
            }

            @Override
            public void save(dev.comptoir.eventstore.spi.Snapshot snapshot) {
                snapshots.save(snapshot);
            }
        };
        var repo = AggregateRepository.builder(store, serializer, Account.class)
                .initialState(Account::empty).evolve(Account::apply)
                .snapshots(counting, 3).ids(new SplittableRandom(2)).clock(clock).build();
        for (int i = 1; i <= 4; i++) {
            repo.execute("acc-1", a -> a.deposit(1), EventMetadata.of(NOW));
        }

        var snap = snapshots.load("acc-1").orElseThrow();
        assertThat(snap.version()).isEqualTo(3);
        // tamper with the snapshot: if load used it, the state shows the tampered balance
        snapshots.save(new dev.comptoir.eventstore.spi.Snapshot("acc-1", 3,
                "{\"balance\":1000,\"deposits\":3}", NOW));
        var loaded = repo.load("acc-1");

        assertThat(loaded.state()).isEqualTo(new Account(1001, 4));
        assertThat(loaded.version()).isEqualTo(4);
        assertThat(snapshotLoads.get()).isGreaterThan(0);
    }

    @Test
    void cache_loadsOnlyEventsAfterTheCachedVersionAndSeesOtherWriters() {
        AtomicInteger evolved = new AtomicInteger();
        var cached = AggregateRepository.builder(store, serializer, Account.class)
                .initialState(Account::empty)
                .evolve((a, e) -> {
                    evolved.incrementAndGet();
                    return a.apply(e);
                })
                .cache(10)
                .ids(new SplittableRandom(2))
                .clock(clock)
                .build();
        var other = repository(3);
        for (int i = 0; i < 5; i++) {
            cached.execute("acc-1", a -> a.deposit(1), EventMetadata.of(NOW));
        }
        int afterWrites = evolved.get();

        assertThat(cached.load("acc-1").state()).isEqualTo(new Account(5, 5));
        assertThat(evolved.get()).isEqualTo(afterWrites); // nothing re-read
        other.execute("acc-1", a -> a.deposit(100), EventMetadata.of(NOW));
        assertThat(cached.load("acc-1").state()).isEqualTo(new Account(105, 6));
        assertThat(evolved.get()).isEqualTo(afterWrites + 1); // only the other writer's event
        var after = cached.execute("acc-1", a -> a.deposit(1), EventMetadata.of(NOW));
        assertThat(after.version()).isEqualTo(7);
        assertThat(other.load("acc-1").state()).isEqualTo(new Account(106, 7));
    }

    @Test
    void cache_staleStateAtAppend_conflictsReloadsAndDecidesAgain() {
        var cached = AggregateRepository.builder(store, serializer, Account.class)
                .initialState(Account::empty).evolve(Account::apply).cache(10)
                .ids(new SplittableRandom(3)).clock(clock).build();
        cached.execute("acc-2", a -> a.deposit(1), EventMetadata.of(NOW));
        AtomicInteger decisions = new AtomicInteger();

        var after = cached.execute("acc-2", a -> {
            if (decisions.incrementAndGet() == 1) { // another writer gets in between load and append
                repository(3).execute("acc-2", b -> b.deposit(10), EventMetadata.of(NOW));
            }
            return a.deposit(2);
        }, EventMetadata.of(NOW));

        assertThat(decisions).hasValue(2);
        assertThat(after.state()).isEqualTo(new Account(13, 3));
        assertThat(cached.load("acc-2").version()).isEqualTo(3);
    }

    @Test
    void cache_isBounded_leastRecentlyUsedStreamIsLoadedFromTheStoreAgain() {
        AtomicInteger evolved = new AtomicInteger();
        var cached = AggregateRepository.builder(store, serializer, Account.class)
                .initialState(Account::empty)
                .evolve((a, e) -> {
                    evolved.incrementAndGet();
                    return a.apply(e);
                })
                .cache(1).ids(new SplittableRandom(4)).clock(clock).build();
        cached.execute("a", x -> x.deposit(1), EventMetadata.of(NOW));
        cached.execute("b", x -> x.deposit(1), EventMetadata.of(NOW));
        int before = evolved.get();

        assertThat(cached.load("a").state()).isEqualTo(new Account(1, 1));
        assertThat(evolved.get()).isEqualTo(before + 1); // "a" was evicted by "b": read from the store
        assertThatThrownBy(() -> AggregateRepository.builder(store, serializer, Account.class).cache(-1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
