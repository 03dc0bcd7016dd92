package dev.comptoir.core.memory;

import dev.comptoir.saga.SagaId;
import dev.comptoir.saga.SagaState;
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

/**
 * Heap saga storage for the order saga that can forget finished sagas, so a simulator pushing
 * millions of checkouts keeps only the sagas in flight. Records are kept as objects (no JSON);
 * due sagas come from a priority queue of wake-up times with lazy deletion. Thread-safe (one
 * monitor).
 *
 * <pre>{@code
 * InMemoryCheckoutSagaStorage storage = new InMemoryCheckoutSagaStorage();
 * Checkout checkout = Checkout.builder(participants).store(SagaStore.of(storage)).build();
 * storage.forgetTerminal(sagaId);   // or Checkout.Builder#retainFinished(false)
 * }</pre>
 */
public final class InMemoryCheckoutSagaStorage implements SagaStorage {
    private record StartKey(String definition, String key) {
    }

    private record Due(Instant at, SagaId id) {
    }

    private final Map<SagaId, SagaRecord> byId = new HashMap<>();
    private final Map<StartKey, SagaId> byKey = new HashMap<>();
    private final PriorityQueue<Due> due = new PriorityQueue<>(Comparator.comparing(Due::at));
    private final long[] counts = new long[SagaState.values().length];

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
                continue; // terminal, stuck or forgotten: drop the stale entry
            }
            if (later == null) {
                later = new ArrayList<>();
            }
            if (visible.isAfter(now)) {
                later.add(new Due(visible, r.id()));
                continue;
            }
            SagaRecord leased = r.leasedTo(owner, leaseUntil);
            byId.put(r.id(), leased);
            claimed.add(leased);
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
     * Removes a saga in a terminal state (COMPLETED, COMPENSATED, RESOLVED) with its start key;
     * a later start with the same key then starts a new saga.
     *
     * @return false when the saga is unknown or not terminal
     */
    public synchronized boolean forgetTerminal(SagaId id) {
        SagaRecord r = byId.get(id);
        if (r == null || !r.state().isTerminal()) {
            return false;
        }
        byId.remove(id);
        byKey.remove(new StartKey(r.definitionName(), r.idempotencyKey()));
        counts[r.state().ordinal()]--;
        if (due.size() > 4 * byId.size() + 10_000) {
            // wake-up entries of forgotten sagas linger until their time; drop them in one pass
            due.removeIf(d -> {
                SagaRecord held = byId.get(d.id());
                return held == null || held.visibleAt() == null;
            });
        }
        return true;
    }

    /** Number of pending wake-up entries (stale ones included); for tests and monitoring. */
    public synchronized int wakeUps() {
        return due.size();
    }

    /** Number of sagas held (forgotten ones excluded). */
    public synchronized int size() {
        return byId.size();
    }
}
