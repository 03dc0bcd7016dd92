package dev.comptoir.saga;

import dev.comptoir.saga.spi.SagaRecord;
import dev.comptoir.saga.spi.SagaStorage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Heap-only {@link SagaStorage}: records are kept as objects (no serialisation), due sagas are
 * found through a priority queue of wake-up times with lazy deletion. Thread-safe (one monitor).
 *
 * <p>Long runs (a simulator pushing millions of sagas) need not keep finished sagas: a caller can
 * take a last look at every saga that ended and forget it.
 *
 * <pre>{@code
 * InMemorySagaStorage storage = new InMemorySagaStorage();
 * SagaRuntime runtime = Sagas.runtime().store(SagaStore.of(storage)).register(def).build();
 * ...
 * storage.drainEnded(record -> checker.account(record), true); // hand over, then forget
 * storage.forgetTerminal(sagaId);                              // or one at a time
 * }</pre>
 *
 * <p>A forgotten saga is gone with its start key: {@link #find} no longer sees it and a later
 * start with the same idempotency key starts a new saga. {@link #countByState()} keeps counting
 * forgotten sagas in the state they ended in (it counts every saga ever stored).
 */
public final class InMemorySagaStorage implements SagaStorage {
    private record StartKey(String definition, String key) {
    }

    private record Due(Instant at, SagaId id) {
    }

    private final Map<SagaId, SagaRecord> byId = new HashMap<>();
    private final Map<StartKey, SagaId> byKey = new HashMap<>();
    private final PriorityQueue<Due> due = new PriorityQueue<>(Comparator.comparing(Due::at));
    private final long[] counts = new long[SagaState.values().length];
    /** Sagas that ended since the last drain, by id (null unless tracking was asked for). */
    private final Map<SagaId, SagaRecord> ended;

    /** A store that keeps every saga until told to forget one ({@link #forgetTerminal}). */
    public InMemorySagaStorage() {
        this(false);
    }

    private InMemorySagaStorage(boolean trackEnded) {
        this.ended = trackEnded ? new java.util.LinkedHashMap<>() : null;
    }

    /** A store that also remembers which sagas ended, for {@link #drainEnded}. */
    public static InMemorySagaStorage trackingEnded() {
        return new InMemorySagaStorage(true);
    }

    @Override
    public synchronized SagaRecord insert(SagaRecord record) {
        StartKey key = new StartKey(record.definitionName(), record.idempotencyKey());
        SagaId existing = byKey.putIfAbsent(key, record.id());
        if (existing != null) {
            return byId.get(existing);
        }
        if (byId.putIfAbsent(record.id(), record) != null) {
            byKey.remove(key);
            throw new IllegalArgumentException("saga " + record.id() + " already exists");
        }
        counts[record.state().ordinal()]++;
        Instant visible = record.visibleAt();
        if (visible != null) {
            due.add(new Due(visible, record.id()));
        }
        return record;
    }

    @Override
    public synchronized Optional<SagaRecord> find(SagaId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized List<SagaRecord> claimDue(String owner, Instant now, Instant leaseUntil, int limit) {
        List<SagaRecord> claimed = new ArrayList<>();
        List<Due> later = null;
        Due head;
        while (claimed.size() < limit && (head = due.peek()) != null && !head.at().isAfter(now)) {
            due.poll();
            SagaRecord r = byId.get(head.id());
            Instant visible = r == null ? null : r.visibleAt();
            if (visible == null) {
                continue; // terminal or stuck: drop the stale entry
            }
            if (visible.isAfter(now)) {
                if (later == null) {
                    later = new ArrayList<>();
                }
                later.add(new Due(visible, r.id()));
                continue;
            }
            SagaRecord leased = r.leasedTo(owner, leaseUntil);
            byId.put(r.id(), leased);
            claimed.add(leased);
            if (later == null) {
                later = new ArrayList<>();
            }
            later.add(new Due(leaseUntil, r.id())); // found again if the claimer dies
        }
        if (later != null) {
            due.addAll(later);
        }
        return claimed;
    }

    @Override
    public synchronized boolean update(SagaRecord next, long expectedVersion) {
        SagaRecord current = byId.get(next.id());
        if (current == null || current.version() != expectedVersion) {
            return false;
        }
        if (next.version() != expectedVersion + 1) {
            throw new IllegalArgumentException("next version must be " + (expectedVersion + 1) + ", was " + next.version());
        }
        byId.put(next.id(), next);
        if (current.state() != next.state()) {
            counts[current.state().ordinal()]--;
            counts[next.state().ordinal()]++;
            if (ended != null && (next.state().isTerminal() || next.state() == SagaState.STUCK)) {
                ended.put(next.id(), next);
            }
        }
        Instant visible = next.visibleAt();
        if (visible != null) {
            Instant before = current.visibleAt();
            if (before == null || visible.isBefore(before)) {
                due.add(new Due(visible, next.id()));
            }
        }
        return true;
    }

    @Override
    public synchronized Map<SagaState, Long> countByState() {
        Map<SagaState, Long> out = new EnumMap<>(SagaState.class);
        for (SagaState s : SagaState.values()) {
            if (counts[s.ordinal()] > 0) {
                out.put(s, counts[s.ordinal()]);
            }
        }
        return out;
    }

    @Override
    public synchronized List<SagaRecord> findByState(SagaState state, int limit) {
        List<SagaRecord> out = new ArrayList<>();
        for (SagaRecord r : byId.values()) {
            if (r.state() == state) {
                out.add(r);
            }
        }
        out.sort(Comparator.comparing(SagaRecord::createdAt));
        return out.size() > limit ? new ArrayList<>(out.subList(0, limit)) : out;
    }

    /**
     * Hands every saga that reached a terminal or stuck state since the last call to {@code sink}
     * (once each, in its latest state, in the order they first got there) and, when {@code forget}
     * is true, forgets the terminal ones (stuck sagas stay: an operator may still retry them).
     * Only for a store made by {@link #trackingEnded()}.
     *
     * @return how many sagas were handed over
     */
    public synchronized int drainEnded(Consumer<SagaRecord> sink, boolean forget) {
        if (ended == null) {
            throw new IllegalStateException("this store does not track ended sagas: use InMemorySagaStorage.trackingEnded()");
        }
        int n = ended.size();
        for (SagaRecord r : ended.values()) {
            SagaRecord latest = byId.getOrDefault(r.id(), r);
            sink.accept(latest);
            if (forget && latest.state().isTerminal()) {
                remove(latest);
            }
        }
        ended.clear();
        return n;
    }

    /**
     * Forgets one saga in a terminal state (COMPLETED, COMPENSATED, RESOLVED) and its start key.
     *
     * @return false when the saga is unknown or not terminal
     */
    public synchronized boolean forgetTerminal(SagaId id) {
        SagaRecord r = byId.get(id);
        if (r == null || !r.state().isTerminal()) {
            return false;
        }
        remove(r);
        return true;
    }

    private void remove(SagaRecord r) {
        byId.remove(r.id());
        byKey.remove(new StartKey(r.definitionName(), r.idempotencyKey()));
        if (due.size() > 4 * byId.size() + 10_000) {
            // wake-ups of forgotten sagas (e.g. lease expiries) linger until their time: drop them in one pass
            due.removeIf(d -> {
                SagaRecord held = byId.get(d.id());
                return held == null || held.visibleAt() == null;
            });
        }
    }

    /** Pending wake-up entries, stale ones included (bounded when sagas are forgotten); for tests and monitoring. */
    public synchronized int wakeUps() {
        return due.size();
    }

    /** Earliest time an active saga needs a runtime (due or lease expiry), or {@code null} when none does. */
    public synchronized Instant nextDue() {
        Due head;
        while ((head = due.peek()) != null) {
            SagaRecord r = byId.get(head.id());
            Instant visible = r == null ? null : r.visibleAt();
            if (visible == null) {
                due.poll(); // ended, stuck or forgotten: a stale wake-up
                continue;
            }
            if (visible.isAfter(head.at())) {
                due.poll();
                due.add(new Due(visible, head.id()));
                continue;
            }
            return head.at();
        }
        return null;
    }

    /** Sagas held now (forgotten ones excluded). */
    public synchronized int size() {
        return byId.size();
    }
}
