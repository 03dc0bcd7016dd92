package dev.comptoir.saga.internal;

import dev.comptoir.saga.Direction;
import dev.comptoir.saga.SagaDefinition;
import dev.comptoir.saga.SagaEvent;
import dev.comptoir.saga.SagaException;
import dev.comptoir.saga.SagaId;
import dev.comptoir.saga.SagaRuntime;
import dev.comptoir.saga.SagaState;
import dev.comptoir.saga.SagaStatus;
import dev.comptoir.saga.SagaStep;
import dev.comptoir.saga.StepContext;
import dev.comptoir.saga.StepKind;
import dev.comptoir.saga.StepOutcome;
import dev.comptoir.saga.StepState;
import dev.comptoir.saga.StepTrace;
import dev.comptoir.saga.spi.ExecutionHook;
import dev.comptoir.saga.spi.SagaListener;
import dev.comptoir.saga.spi.SagaRecord;
import dev.comptoir.saga.spi.SagaStorage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The saga engine behind {@link SagaRuntime}. Each transition is computed from an immutable
 * {@link SagaRecord} and persisted with one {@link SagaStorage#update} before the next step runs;
 * consecutive steps that need no waiting run under one lease without going back to the store.
 */
public final class DefaultSagaRuntime implements SagaRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultSagaRuntime.class);
    private static final int COMPLETE_ATTEMPTS = 8;

    private final SagaStorage store;
    private final Clock clock;
    private final RandomGenerator random;
    private final SagaListener[] listeners;
    private final ExecutionHook hook;
    private final String instanceId;
    private final Duration lease;
    private final Duration pollInterval;
    private final int batchSize;
    private final ThreadFactory threadFactory;
    private final ConcurrentHashMap<String, Map<Integer, SagaDefinition<?>>> definitions = new ConcurrentHashMap<>();
    private final LinkedTransferQueue<SagaRecord> ready = new LinkedTransferQueue<>();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean closed;
    private volatile Instant lastStorePoll;

    public DefaultSagaRuntime(SagaStorage store, Clock clock, RandomGenerator random, List<SagaListener> listeners,
                              ExecutionHook hook, String instanceId, Duration lease, Duration pollInterval,
                              int batchSize, ThreadFactory threadFactory) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.listeners = listeners.toArray(SagaListener[]::new);
        this.hook = hook;
        this.instanceId = Objects.requireNonNull(instanceId, "instanceId");
        this.lease = Objects.requireNonNull(lease, "lease");
        this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
        this.batchSize = batchSize;
        this.threadFactory = Objects.requireNonNull(threadFactory, "threadFactory");
    }

    // ---------------------------------------------------------------- definitions

    @Override
    public void register(SagaDefinition<?> definition) {
        Objects.requireNonNull(definition, "definition");
        Map<Integer, SagaDefinition<?>> versions =
                definitions.computeIfAbsent(definition.name(), k -> new ConcurrentHashMap<>());
        SagaDefinition<?> previous = versions.putIfAbsent(definition.version(), definition);
        if (previous != null && previous != definition) {
            throw new IllegalArgumentException("another definition " + definition + " is already registered");
        }
    }

    @SuppressWarnings("unchecked")
    private SagaDefinition<Object> definitionOf(SagaRecord r) {
        Map<Integer, SagaDefinition<?>> versions = definitions.get(r.definitionName());
        SagaDefinition<?> d = versions == null ? null : versions.get(r.definitionVersion());
        return (SagaDefinition<Object>) d;
    }

    // ---------------------------------------------------------------- start / poll

    @Override
    public <S> SagaId start(SagaDefinition<S> definition, S data, String idempotencyKey) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        if (closed) {
            throw SagaException.closed();
        }
        if (!definition.dataType().isInstance(data)) {
            throw new IllegalArgumentException("data must be a " + definition.dataType().getName());
        }
        Map<Integer, SagaDefinition<?>> versions = definitions.get(definition.name());
        if (versions == null || versions.get(definition.version()) != definition) {
            register(definition);
        }
        Instant now = clock.instant();
        SagaId id;
        synchronized (random) {
            id = SagaId.random(random);
        }
        SagaRecord record = new SagaRecord(id, definition.name(), definition.version(), idempotencyKey,
                SagaState.RUNNING, 0, 1, false, data, List.of(), null, now, now, now, instanceId,
                now.plus(lease), 0L);
        SagaRecord stored = store.insert(record);
        if (stored != record && !stored.id().equals(id)) {
            return stored.id();
        }
        if (listeners.length > 0) {
            emit(new SagaEvent.Started(id, definition.name(), now));
        }
        ready.add(stored);
        return id;
    }

    @Override
    public int pollOnce() {
        if (closed) {
            throw SagaException.closed();
        }
        int n = 0;
        SagaRecord r;
        while (n < batchSize && (r = ready.poll()) != null) {
            advance(r);
            n++;
        }
        if (n < batchSize && (n == 0 || storePollDue())) {
            n += claimAndAdvance(batchSize - n);
        }
        return n;
    }

    /** While local work keeps coming, the store is still polled at least once per poll interval. */
    private boolean storePollDue() {
        Instant last = lastStorePoll;
        return last == null || !clock.instant().isBefore(last.plus(pollInterval));
    }

    private int claimAndAdvance(int limit) {
        Instant now = clock.instant();
        lastStorePoll = now;
        List<SagaRecord> claimed = store.claimDue(instanceId, now, now.plus(lease), limit);
        for (SagaRecord c : claimed) {
            advance(c);
        }
        return claimed.size();
    }

    @Override
    public int runUntilIdle() {
        int total = 0;
        int n;
        while ((n = pollOnce()) > 0) {
            total += n;
        }
        return total;
    }

    // ---------------------------------------------------------------- the engine

    /** Advances a saga leased to this instance until it has to wait, ends, or the lease is lost. */
    private void advance(SagaRecord record) {
        SagaRecord r = record;
        SagaDefinition<Object> def = definitionOf(r);
        if (def == null) {
            LOG.warn("saga {} uses unregistered definition {} v{}; handing it back", r.id(), r.definitionName(),
                    r.definitionVersion());
            Instant now = clock.instant();
            SagaRecord back = copy(r, r.state(), r.stepIndex(), r.attempt(), r.awaitingReply(), r.data(),
                    r.timeline(), r.failure(), now, now.plus(lease), null, null);
            store.update(back, r.version());
            return;
        }
        while (true) {
            if (!r.state().isActive()) {
                return;
            }
            SagaStep<Object> step = def.step(r.stepIndex());
            Direction direction = r.state() == SagaState.RUNNING ? Direction.ACTION : Direction.COMPENSATION;
            Instant started = clock.instant();
            StepOutcome<Object> outcome;
            if (r.awaitingReply()) {
                if (r.dueAt().isAfter(started)) {
                    // reply still awaited (claimed on a clock running behind the store's): hand the lease back
                    store.update(copy(r, r.state(), r.stepIndex(), r.attempt(), true, r.data(), r.timeline(),
                            r.failure(), r.updatedAt(), r.dueAt(), null, null), r.version());
                    return;
                }
                outcome = new StepOutcome.TransientFailure<>("no reply within " + step.timeout());
            } else {
                if (hook != null) {
                    hook.at(ExecutionHook.Point.BEFORE_INVOKE, r.id(), step.name(), direction);
                }
                outcome = invoke(step, direction, r);
                if (hook != null) {
                    hook.at(ExecutionHook.Point.AFTER_INVOKE, r.id(), step.name(), direction);
                }
            }
            Instant now = clock.instant();
            SagaRecord next = transition(r, def, step, direction, outcome, started, now);
            if (!store.update(next, r.version())) {
                LOG.debug("saga {} changed underneath (lease lost); leaving it", r.id());
                return;
            }
            if (hook != null) {
                hook.at(ExecutionHook.Point.AFTER_PERSIST, r.id(), step.name(), direction);
            }
            if (listeners.length > 0) {
                emitTransition(r, next, def, step, direction, outcome, now);
            }
            r = next;
            if (!r.state().isActive() || r.awaitingReply() || r.leaseOwner() == null) {
                return;
            }
        }
    }

    private StepOutcome<Object> invoke(SagaStep<Object> step, Direction direction, SagaRecord r) {
        StepContext<Object> ctx = new StepContext<>(r.id(), step.name(), direction, r.attempt(), r.data());
        try {
            StepOutcome<Object> o = step.function(direction).invoke(ctx);
            return o != null ? o : new StepOutcome.TransientFailure<>("step function returned null");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new StepOutcome.TransientFailure<>(describe(e));
        } catch (Exception e) {
            return step.policy(direction).transientIf().test(e)
                    ? new StepOutcome.TransientFailure<>(describe(e))
                    : new StepOutcome.BusinessFailure<>(describe(e));
        }
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + m;
    }

    /** The pure state machine: the record after {@code outcome} of the current invocation. */
    private SagaRecord transition(SagaRecord r, SagaDefinition<Object> def, SagaStep<Object> step, Direction dir,
                                  StepOutcome<Object> outcome, Instant started, Instant now) {
        int idx = r.stepIndex();
        Instant leaseUntil = renewedLease(r, now);
        // while a saga keeps running under its lease, its due time stays put (indexed columns unchanged)
        Instant due = r.dueAt() != null && !r.dueAt().isAfter(now) ? r.dueAt() : now;
        switch (outcome) {
            case StepOutcome.Success<Object> s -> {
                Object data = s.data() == null ? r.data() : s.data();
                List<StepTrace> tl = trace(r, step.name(), dir, StepState.SUCCEEDED, started, now, null);
                if (dir == Direction.ACTION) {
                    if (idx + 1 < def.steps().size()) {
                        return copy(r, SagaState.RUNNING, idx + 1, 1, false, data, tl, r.failure(), now, due,
                                instanceId, leaseUntil);
                    }
                    return copy(r, SagaState.COMPLETED, idx, r.attempt(), false, data, tl, r.failure(), now, null,
                            null, null);
                }
                return compensateFrom(r, def, idx - 1, data, tl, r.failure(), now, due, leaseUntil);
            }
            case StepOutcome.Pending<Object> p -> {
                List<StepTrace> tl = trace(r, step.name(), dir, StepState.AWAITING_REPLY, started, now, null);
                return copy(r, r.state(), idx, r.attempt(), true, r.data(), tl, r.failure(), now,
                        now.plus(step.timeout()), null, null);
            }
            case StepOutcome.TransientFailure<Object> f -> {
                if (step.policy(dir).canRetryAfter(r.attempt())) {
                    Duration delay;
                    synchronized (random) {
                        delay = step.policy(dir).backoff(r.attempt(), random);
                    }
                    List<StepTrace> tl = trace(r, step.name(), dir, StepState.RETRY_SCHEDULED, started, now,
                            f.reason());
                    boolean immediate = delay.isZero();
                    return copy(r, r.state(), idx, r.attempt() + 1, false, r.data(), tl, r.failure(), now,
                            immediate ? due : now.plus(delay), immediate ? instanceId : null,
                            immediate ? leaseUntil : null);
                }
                return failed(r, def, step, dir, f.reason() + " (after " + r.attempt() + " attempts)", true,
                        started, now, due, leaseUntil);
            }
            case StepOutcome.BusinessFailure<Object> f -> {
                return failed(r, def, step, dir, f.reason(), false, started, now, due, leaseUntil);
            }
        }
    }

    /** The lease is renewed once half of it is used up (not on every step: fewer allocations, same safety). */
    private Instant renewedLease(SagaRecord r, Instant now) {
        Instant current = r.leaseUntil();
        if (current != null && instanceId.equals(r.leaseOwner())
                && current.getEpochSecond() - now.getEpochSecond() > lease.getSeconds() / 2) {
            return current;
        }
        return now.plus(lease);
    }

    private SagaRecord failed(SagaRecord r, SagaDefinition<Object> def, SagaStep<Object> step, Direction dir,
                              String reason, boolean effectUnknown, Instant started, Instant now, Instant due,
                              Instant leaseUntil) {
        List<StepTrace> tl = trace(r, step.name(), dir, StepState.FAILED, started, now, reason);
        int idx = r.stepIndex();
        if (dir == Direction.COMPENSATION) {
            String why = join(r.failure(), "compensation of '" + step.name() + "' failed: " + reason);
            return copy(r, SagaState.STUCK, idx, r.attempt(), false, r.data(), tl, why, now, null, null, null);
        }
        String why = "step '" + step.name() + "' failed: " + reason;
        if (step.kind() == StepKind.RETRIABLE) {
            return copy(r, SagaState.STUCK, idx, r.attempt(), false, r.data(), tl, why, now, null, null, null);
        }
        // A business failure applied nothing; a transient one may have: then compensate this step too.
        int from = effectUnknown && step.hasCompensation() ? idx : idx - 1;
        return compensateFrom(r, def, from, r.data(), tl, why, now, due, leaseUntil);
    }

    private SagaRecord compensateFrom(SagaRecord r, SagaDefinition<Object> def, int from, Object data,
                                      List<StepTrace> tl, String failure, Instant now, Instant due,
                                      Instant leaseUntil) {
        int j = from;
        while (j >= 0 && !def.step(j).hasCompensation()) {
            j--;
        }
        if (j < 0) {
            return copy(r, SagaState.COMPENSATED, r.stepIndex(), 1, false, data, tl, failure, now, null, null, null);
        }
        return copy(r, SagaState.COMPENSATING, j, 1, false, data, tl, failure, now, due, instanceId, leaseUntil);
    }

    private static String join(String a, String b) {
        return a == null ? b : a + " | " + b;
    }

    private static SagaRecord copy(SagaRecord r, SagaState state, int stepIndex, int attempt, boolean awaiting,
                                   Object data, List<StepTrace> timeline, String failure, Instant now,
                                   Instant dueAt, String leaseOwner, Instant leaseUntil) {
        return new SagaRecord(r.id(), r.definitionName(), r.definitionVersion(), r.idempotencyKey(), state,
                stepIndex, attempt, awaiting, data, timeline, failure, r.createdAt(), now, dueAt, leaseOwner,
                leaseUntil, r.version() + 1);
    }

    /** Timeline with the entry of the current invocation replaced (same step and direction) or appended. */
    private static List<StepTrace> trace(SagaRecord r, String step, Direction dir, StepState state,
                                         Instant started, Instant now, String error) {
        List<StepTrace> old = r.timeline();
        int n = old.size();
        StepTrace last = n == 0 ? null : old.get(n - 1);
        boolean replace = last != null && last.direction() == dir && last.step().equals(step);
        Instant first = replace ? last.startedAt() : started;
        String err = error != null ? error : replace ? last.lastError() : null;
        StepTrace entry = new StepTrace(step, dir, state, r.attempt(), first, now, err);
        StepTrace[] arr = new StepTrace[replace ? n : n + 1];
        for (int i = 0; i < n - (replace ? 1 : 0); i++) {
            arr[i] = old.get(i);
        }
        arr[arr.length - 1] = entry;
        return new FrozenList<>(arr);
    }

    // ---------------------------------------------------------------- events

    private void emitTransition(SagaRecord prev, SagaRecord next, SagaDefinition<Object> def, SagaStep<Object> step,
                                Direction dir, StepOutcome<Object> outcome, Instant now) {
        String name = def.name();
        switch (outcome) {
            case StepOutcome.Success<Object> s -> {
                StepTrace t = lastTraceOf(next, step.name(), dir);
                emit(new SagaEvent.StepSucceeded(next.id(), name, now, step.name(), dir,
                        t == null ? Duration.ZERO : t.duration()));
            }
            case StepOutcome.Pending<Object> p -> {
            }
            case StepOutcome.TransientFailure<Object> f -> emit(new SagaEvent.StepFailed(next.id(), name, now,
                    step.name(), dir, prev.attempt(), f.reason(), next.attempt() > prev.attempt()
                    && next.state() == prev.state() && next.stepIndex() == prev.stepIndex()));
            case StepOutcome.BusinessFailure<Object> f -> emit(new SagaEvent.StepFailed(next.id(), name, now,
                    step.name(), dir, prev.attempt(), f.reason(), false));
        }
        if (prev.state() == SagaState.RUNNING && next.state() == SagaState.COMPENSATING) {
            emit(new SagaEvent.CompensationStarted(next.id(), name, now, step.name(), next.failure()));
        }
        if (next.state().isTerminal()) {
            emit(new SagaEvent.Finished(next.id(), name, now, next.state(), Duration.between(next.createdAt(), now)));
        } else if (next.state() == SagaState.STUCK) {
            emit(new SagaEvent.Stuck(next.id(), name, now, step.name(), next.failure()));
        }
    }

    private static StepTrace lastTraceOf(SagaRecord r, String step, Direction dir) {
        List<StepTrace> tl = r.timeline();
        for (int i = tl.size() - 1; i >= 0; i--) {
            StepTrace t = tl.get(i);
            if (t.direction() == dir && t.step().equals(step)) {
                return t;
            }
        }
        return null;
    }

    private void emit(SagaEvent event) {
        for (SagaListener l : listeners) {
            try {
                l.on(event);
            } catch (RuntimeException e) {
                LOG.warn("saga listener {} failed on {}", l, event, e);
            }
        }
    }

    // ---------------------------------------------------------------- replies and operators

    @Override
    public <S> boolean complete(SagaId sagaId, String step, StepOutcome<S> outcome) {
        Objects.requireNonNull(sagaId, "sagaId");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(outcome, "outcome");
        if (outcome instanceof StepOutcome.Pending<S>) {
            throw new IllegalArgumentException("a reply cannot be 'pending'");
        }
        @SuppressWarnings("unchecked")
        StepOutcome<Object> reply = (StepOutcome<Object>) outcome;
        for (int i = 0; i < COMPLETE_ATTEMPTS; i++) {
            SagaRecord r = store.find(sagaId).orElseThrow(() -> SagaException.notFound(sagaId));
            if (!r.state().isActive() || !r.awaitingReply()) {
                return false;
            }
            SagaDefinition<Object> def = definitionOf(r);
            if (def == null) {
                throw SagaException.unknownDefinition(r.definitionName(), r.definitionVersion());
            }
            SagaStep<Object> current = def.step(r.stepIndex());
            if (!current.name().equals(step)) {
                return false;
            }
            Instant now = clock.instant();
            if (r.leaseOwner() != null && r.leaseUntil().isAfter(now)) {
                return false; // its timeout is being handled right now: this reply is late
            }
            Direction dir = r.state() == SagaState.RUNNING ? Direction.ACTION : Direction.COMPENSATION;
            SagaRecord mine = new SagaRecord(r.id(), r.definitionName(), r.definitionVersion(), r.idempotencyKey(),
                    r.state(), r.stepIndex(), r.attempt(), r.awaitingReply(), r.data(), r.timeline(), r.failure(),
                    r.createdAt(), r.updatedAt(), r.dueAt(), instanceId, now.plus(lease), r.version());
            SagaRecord next = transition(mine, def, current, dir, reply, now, now);
            if (store.update(next, r.version())) {
                if (listeners.length > 0) {
                    emitTransition(r, next, def, current, dir, reply, now);
                }
                if (next.state().isActive() && !next.awaitingReply() && instanceId.equals(next.leaseOwner())) {
                    ready.add(next);
                }
                return true;
            }
        }
        throw SagaException.busy(sagaId);
    }

    @Override
    public void retry(SagaId sagaId) {
        SagaRecord r = store.find(sagaId).orElseThrow(() -> SagaException.notFound(sagaId));
        if (r.state() != SagaState.STUCK) {
            throw SagaException.invalidState(sagaId, r.state(), "retry");
        }
        SagaDefinition<Object> def = definitionOf(r);
        if (def == null) {
            throw SagaException.unknownDefinition(r.definitionName(), r.definitionVersion());
        }
        SagaState resume = def.step(r.stepIndex()).kind() == StepKind.RETRIABLE
                ? SagaState.RUNNING : SagaState.COMPENSATING;
        Instant now = clock.instant();
        SagaRecord next = copy(r, resume, r.stepIndex(), 1, false, r.data(), r.timeline(), r.failure(), now, now,
                instanceId, now.plus(lease));
        if (!store.update(next, r.version())) {
            throw SagaException.busy(sagaId);
        }
        ready.add(next);
    }

    @Override
    public void resolve(SagaId sagaId, String note) {
        Objects.requireNonNull(note, "note");
        SagaRecord r = store.find(sagaId).orElseThrow(() -> SagaException.notFound(sagaId));
        if (r.state() != SagaState.STUCK) {
            throw SagaException.invalidState(sagaId, r.state(), "resolve");
        }
        Instant now = clock.instant();
        SagaRecord next = copy(r, SagaState.RESOLVED, r.stepIndex(), r.attempt(), false, r.data(), r.timeline(),
                join(r.failure(), "resolved by operator: " + note), now, null, null, null);
        if (!store.update(next, r.version())) {
            throw SagaException.busy(sagaId);
        }
        if (listeners.length > 0) {
            emit(new SagaEvent.Finished(sagaId, r.definitionName(), now, SagaState.RESOLVED,
                    Duration.between(r.createdAt(), now)));
        }
    }

    // ---------------------------------------------------------------- queries

    @Override
    public Optional<SagaStatus> status(SagaId sagaId) {
        return store.find(sagaId).map(this::toStatus);
    }

    private SagaStatus toStatus(SagaRecord r) {
        SagaDefinition<Object> def = definitionOf(r);
        String current = null;
        if (!r.state().isTerminal() && def != null && r.stepIndex() < def.steps().size()) {
            current = def.step(r.stepIndex()).name();
        }
        return new SagaStatus(r.id(), r.definitionName(), r.definitionVersion(), r.idempotencyKey(), r.state(),
                current, r.data(), r.timeline(), r.failure(), r.createdAt(), r.updatedAt());
    }

    @Override
    public Map<SagaState, Long> countsByState() {
        Map<SagaState, Long> counts = new EnumMap<>(SagaState.class);
        for (SagaState s : SagaState.values()) {
            counts.put(s, 0L);
        }
        counts.putAll(store.countByState());
        return counts;
    }

    @Override
    public List<SagaStatus> listActive(int limit) {
        List<SagaStatus> out = new ArrayList<>();
        for (SagaRecord r : store.findByState(SagaState.RUNNING, limit)) {
            out.add(toStatus(r));
        }
        for (SagaRecord r : store.findByState(SagaState.COMPENSATING, limit)) {
            out.add(toStatus(r));
        }
        out.sort((a, b) -> a.createdAt().compareTo(b.createdAt()));
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    }

    @Override
    public List<SagaStatus> list(SagaState state, int limit) {
        return store.findByState(state, limit).stream().map(this::toStatus).toList();
    }

    @Override
    public String instanceId() {
        return instanceId;
    }

    // ---------------------------------------------------------------- workers

    @Override
    public synchronized void startWorkers(int threads) {
        if (closed) {
            throw SagaException.closed();
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        for (int i = 0; i < threads; i++) {
            Thread t = threadFactory.newThread(this::workLoop);
            workers.add(t);
            t.start();
        }
    }

    private void workLoop() {
        long waitNanos = pollInterval.toNanos();
        while (!closed) {
            try {
                SagaRecord r = ready.poll(waitNanos, TimeUnit.NANOSECONDS);
                if (closed) {
                    if (r != null) {
                        ready.add(r);
                    }
                    return;
                }
                if (r != null) {
                    advance(r);
                }
                if (r == null || storePollDue()) {
                    claimAndAdvance(batchSize);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("saga worker {} failed; the saga will be resumed when its lease expires", instanceId, e);
            }
        }
    }

    @Override
    public void close() {
        List<Thread> toJoin;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toJoin = List.copyOf(workers);
        }
        for (Thread t : toJoin) {
            t.interrupt();
        }
        for (Thread t : toJoin) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        SagaRecord r;
        Instant now = clock.instant();
        while ((r = ready.poll()) != null) {
            try {
                store.update(copy(r, r.state(), r.stepIndex(), r.attempt(), r.awaitingReply(), r.data(), r.timeline(),
                        r.failure(), r.updatedAt(), r.dueAt() == null ? now : r.dueAt(), null, null), r.version());
            } catch (RuntimeException e) {
                LOG.warn("could not hand back the lease of saga {}", r.id(), e);
            }
        }
    }
}
