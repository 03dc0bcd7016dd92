package dev.comptoir.sim.engine;

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
import java.util.function.Consumer;

/**
 * The simulator's saga store: like saga-lib's in-memory store (records as objects, a wake-up
 * queue with lazy deletion), plus two things a million-saga run needs. Every saga that reaches
 * a terminal state is handed to a listener once (the checker accounts for it incrementally),
 * and {@link #pruneTerminal()} then forgets it. It survives runtime crashes: a new runtime built
 * on it resumes the sagas the dead one held once their leases expire. Single-threaded use in
 * the embedded mode, but synchronized like any {@link SagaStorage}.
 */
final class LeanSagaStorage implements SagaStorage {
    private record StartKey(String definition, String key) {
    }

    private record Due(Instant at, SagaId id) {
    }

    private final Map<SagaId, SagaRecord> byId = new HashMap<>();
    private final Map<StartKey, SagaId> byKey = new HashMap<>();
    private final PriorityQueue<Due> due = new PriorityQueue<>(Comparator.comparing(Due::at));
    private final long[] counts = new long[SagaState.values().length];
    private final List<SagaRecord> terminal = new ArrayList<>();
    private final Consumer<SagaRecord> onTerminal;

    LeanSagaStorage(Consumer<SagaRecord> onTerminal) {
        this.onTerminal = onTerminal;
    }

    @Override
    public synchronized SagaRecord insert(SagaRecord record) {
        StartKey key = new StartKey(record.definitionName(), record.idempotencyKey());
        SagaId existing = byKey.putIfAbsent(key, record.id());
        if (existing != null) {
            return byId.get(existing);
        }
        byId.put(record.id(), record);
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
                continue;
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
            later.add(new Due(leaseUntil, r.id()));
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
        byId.put(next.id(), next);
        if (current.state() != next.state()) {
            counts[current.state().ordinal()]--;
            counts[next.state().ordinal()]++;
            if (next.state().isTerminal() || next.state() == SagaState.STUCK) {
                terminal.add(next);
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

    /**
     * Hands every saga that ended since the last call to the listener, then forgets the terminal
     * ones (stuck sagas stay: an operator may still retry them). Returns how many ended.
     */
    synchronized int pruneTerminal() {
        int n = terminal.size();
        for (int i = 0; i < n; i++) {
            SagaRecord r = terminal.get(i);
            onTerminal.accept(r);
            if (r.state().isTerminal()) {
                byId.remove(r.id());
                byKey.remove(new StartKey(r.definitionName(), r.idempotencyKey()));
            }
        }
        terminal.clear();
        return n;
    }

    /** Earliest time any active saga needs a runtime, or {@code null}. */
    synchronized Instant nextDue() {
        Due head;
        while ((head = due.peek()) != null) {
            SagaRecord r = byId.get(head.id());
            Instant visible = r == null ? null : r.visibleAt();
            if (visible == null) {
                due.poll(); // ended or stuck: a stale wake-up
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

    /** Sagas not yet pruned (active, stuck, or ended since the last prune). */
    synchronized int retained() {
        return byId.size();
    }

    /** Active sagas right now, oldest first, at most {@code limit}. */
    synchronized List<SagaRecord> active(int limit) {
        List<SagaRecord> out = new ArrayList<>();
        for (SagaRecord r : byId.values()) {
            if (r.state().isActive() || r.state() == SagaState.STUCK) {
                out.add(r);
            }
        }
        out.sort(Comparator.comparing(SagaRecord::createdAt).thenComparing(r -> r.id().value()));
        return out.size() > limit ? new ArrayList<>(out.subList(0, limit)) : out;
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
}
