package dev.comptoir.core.checkout;

import dev.comptoir.saga.SagaDefinition;
import dev.comptoir.saga.SagaEvent;
import dev.comptoir.saga.SagaId;
import dev.comptoir.saga.SagaRuntime;
import dev.comptoir.saga.SagaState;
import dev.comptoir.saga.SagaStatus;
import dev.comptoir.saga.InMemorySagaStorage;
import dev.comptoir.saga.SagaStore;
import dev.comptoir.saga.Sagas;
import dev.comptoir.saga.spi.ExecutionHook;
import dev.comptoir.saga.spi.SagaListener;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * Checkout use-case: runs the order saga ({@link OrderSaga}) on saga-lib and shows it the way
 * the reference API does.
 *
 * <pre>{@code
 * CheckoutParticipants p = CheckoutParticipants.domain(carts, inventory, payments, orders,
 *         new InMemoryCheckoutOrderIndex());
 * Checkout checkout = Checkout.inMemory(p, clock, new SplittableRandom(seed));
 * SagaId id = checkout.start(CheckoutRequest.of("session-1", 42), "checkout-session-1");
 * checkout.runUntilIdle();                                   // or checkout.startWorkers(2)
 * CheckoutStatus s = checkout.status(id).orElseThrow();      // COMPLETED, FAILED, ...
 * }</pre>
 *
 * <p>Lean mode for long simulations: {@code Checkout.builder(p).retainFinished(false)
 * .onFinished(status -> tally(status))} hands each finished saga to the callback once and then
 * forgets it (its saga record and its order-index entry), so memory stays bounded by the sagas
 * in flight. Sagas parked {@link OrderSagaStatus#COMPENSATION_FAILED} are kept for an
 * operator. Thread-safe.
 */
public final class Checkout implements AutoCloseable {
    private final SagaRuntime runtime;
    private final SagaStore store;
    private final SagaDefinition<OrderSagaData> definition;
    private final CheckoutParticipants participants;
    private final Consumer<CheckoutStatus> onFinished;
    private final boolean retainFinished;
    private final AtomicLong started = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong compensations = new AtomicLong();
    private final AtomicLong stuck = new AtomicLong();

    private Checkout(Builder b) {
        this.participants = b.participants;
        this.store = b.store != null ? b.store : SagaStore.of(new InMemorySagaStorage());
        this.definition = OrderSaga.definition(b.participants, b.options, b.clock);
        this.onFinished = b.onFinished;
        this.retainFinished = b.retainFinished;
        Sagas.RuntimeBuilder rb = Sagas.runtime().store(store).clock(b.clock).random(b.random)
                .register(definition).listener(this::onEvent);
        b.listeners.forEach(rb::listener);
        if (b.hook != null) {
            rb.hook(b.hook);
        }
        if (b.instanceId != null) {
            rb.instanceId(b.instanceId);
        }
        this.runtime = rb.build();
    }

    /** A builder over {@code participants}. */
    public static Builder builder(CheckoutParticipants participants) {
        return new Builder(participants);
    }

    /** In-memory saga store, default options, finished sagas retained. */
    public static Checkout inMemory(CheckoutParticipants participants, Clock clock, RandomGenerator random) {
        return builder(participants).clock(clock).random(random).build();
    }

    /**
     * Starts checking out (idempotent: the same {@code idempotencyKey} returns the first saga's id
     * and starts nothing, as long as that saga was not forgotten).
     */
    public SagaId start(CheckoutRequest request, String idempotencyKey) {
        return runtime.start(definition, OrderSagaData.of(request), idempotencyKey);
    }

    /** The saga's status, if it exists (and was not forgotten). */
    public Optional<CheckoutStatus> status(SagaId id) {
        return runtime.status(id).map(StatusMapper::map);
    }

    /** Maps a saga-lib status of this saga to the reference view (for callers reading the runtime directly). */
    public static CheckoutStatus view(SagaStatus status) {
        return StatusMapper.map(status);
    }

    /** Advances due sagas once (see {@link SagaRuntime#pollOnce()}). */
    public int pollOnce() {
        return runtime.pollOnce();
    }

    /** Advances sagas until nothing is due at the clock's current time. */
    public int runUntilIdle() {
        return runtime.runUntilIdle();
    }

    /** Runs the saga runtime on {@code threads} worker threads until {@link #close()}. */
    public void startWorkers(int threads) {
        runtime.startWorkers(threads);
    }

    /** Counters since this instance started, plus the current status of active sagas (up to 10,000). */
    public CheckoutMetrics metrics() {
        Map<OrderSagaStatus, Long> dist = new EnumMap<>(OrderSagaStatus.class);
        for (OrderSagaStatus s : OrderSagaStatus.values()) {
            dist.put(s, 0L);
        }
        dist.put(OrderSagaStatus.COMPLETED, completed.get());
        dist.put(OrderSagaStatus.FAILED, failed.get());
        dist.put(OrderSagaStatus.COMPENSATION_FAILED, stuck.get());
        for (SagaStatus s : runtime.listActive(10_000)) {
            dist.merge(StatusMapper.map(s).status(), 1L, Long::sum);
        }
        return new CheckoutMetrics(started.get(), completed.get(), failed.get(), compensations.get(), stuck.get(), dist);
    }

    /**
     * Forgets a finished saga (in-memory store only): its record and its order-index entry.
     *
     * @return false when the saga is unknown, not finished, or the store keeps everything (PostgreSQL)
     */
    public boolean forget(SagaId id) {
        if (!(store.storage() instanceof InMemorySagaStorage memory)) {
            return false;
        }
        boolean removed = memory.forgetTerminal(id);
        if (removed) {
            participants.orders().forget(id.toString());
        }
        return removed;
    }

    /** Sagas in {@code COMPENSATION_FAILED} (saga-lib's STUCK), oldest first. */
    public List<CheckoutStatus> compensationFailures(int limit) {
        List<CheckoutStatus> out = new ArrayList<>();
        for (SagaStatus s : runtime.list(SagaState.STUCK, limit)) {
            out.add(StatusMapper.map(s));
        }
        return out;
    }

    /** The underlying runtime (operators: {@code retry}, {@code resolve}; crash tests: a new runtime on {@link #store()}). */
    public SagaRuntime runtime() {
        return runtime;
    }

    /** The saga store. */
    public SagaStore store() {
        return store;
    }

    /** The order saga definition this checkout runs. */
    public SagaDefinition<OrderSagaData> definition() {
        return definition;
    }

    /** Stops workers (if any). */
    @Override
    public void close() {
        runtime.close();
    }

    private void onEvent(SagaEvent event) {
        switch (event) {
            case SagaEvent.Started s -> started.incrementAndGet();
            case SagaEvent.CompensationStarted c -> compensations.incrementAndGet();
            case SagaEvent.Finished f -> {
                switch (f.state()) {
                    case COMPLETED -> completed.incrementAndGet();
                    case COMPENSATED -> failed.incrementAndGet();
                    case RESOLVED -> {
                        stuck.decrementAndGet();
                        failed.incrementAndGet();
                    }
                    case RUNNING, COMPENSATING, STUCK -> {
                        // not terminal: never reported as Finished
                    }
                }
                finished(f.sagaId());
            }
            case SagaEvent.Stuck s -> stuck.incrementAndGet();
            case SagaEvent.StepSucceeded s -> {
            }
            case SagaEvent.StepFailed s -> {
            }
        }
    }

    private void finished(SagaId id) {
        if (onFinished != null) {
            runtime.status(id).map(StatusMapper::map).ifPresent(onFinished);
        }
        if (!retainFinished) {
            forget(id);
        }
    }

    /**
     * Configures a {@link Checkout}; only the participants are required.
     *
     * <pre>{@code
     * Checkout c = Checkout.builder(participants).clock(clock).random(rng)
     *         .options(CheckoutOptions.defaults()).retainFinished(false).onFinished(tally).build();
     * }</pre>
     */
    public static final class Builder {
        private final CheckoutParticipants participants;
        private SagaStore store;
        private Clock clock = Clock.systemUTC();
        private RandomGenerator random = RandomGenerator.getDefault();
        private CheckoutOptions options = CheckoutOptions.defaults();
        private final List<SagaListener> listeners = new ArrayList<>();
        private Consumer<CheckoutStatus> onFinished;
        private boolean retainFinished = true;
        private ExecutionHook hook;
        private String instanceId;

        private Builder(CheckoutParticipants participants) {
            this.participants = Objects.requireNonNull(participants, "participants");
        }

        /** Saga store (default: a fresh in-memory store that can forget finished sagas). */
        public Builder store(SagaStore value) {
            this.store = Objects.requireNonNull(value, "store");
            return this;
        }

        /** Clock for the runtime and the step timeouts (a virtual clock in simulations). */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** Randomness for saga ids and backoff jitter (seeded for reproducible runs). */
        public Builder random(RandomGenerator value) {
            this.random = Objects.requireNonNull(value, "random");
            return this;
        }

        /** Timeouts, retries, shipping. */
        public Builder options(CheckoutOptions value) {
            this.options = Objects.requireNonNull(value, "options");
            return this;
        }

        /** Extra saga lifecycle listener (e.g. saga-lib's {@code SagaMetrics}). */
        public Builder listener(SagaListener value) {
            listeners.add(Objects.requireNonNull(value, "listener"));
            return this;
        }

        /** Called once per saga that ends COMPLETED or FAILED, on the thread that finished it. */
        public Builder onFinished(Consumer<CheckoutStatus> value) {
            this.onFinished = Objects.requireNonNull(value, "onFinished");
            return this;
        }

        /** False: forget finished sagas right after {@link #onFinished} (in-memory store only). Default true. */
        public Builder retainFinished(boolean value) {
            this.retainFinished = value;
            return this;
        }

        /** saga-lib fault-injection hook (crash points). */
        public Builder hook(ExecutionHook value) {
            this.hook = Objects.requireNonNull(value, "hook");
            return this;
        }

        /** Lease owner name of this runtime instance. */
        public Builder instanceId(String value) {
            this.instanceId = Objects.requireNonNull(value, "instanceId");
            return this;
        }

        /** Builds the checkout and its runtime (nothing runs until polled or given workers). */
        public Checkout build() {
            return new Checkout(this);
        }
    }
}
