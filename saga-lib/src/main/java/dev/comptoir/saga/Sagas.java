package dev.comptoir.saga;

import dev.comptoir.saga.internal.DefaultSagaRuntime;
import dev.comptoir.saga.spi.ExecutionHook;
import dev.comptoir.saga.spi.SagaListener;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.random.RandomGenerator;

/**
 * Front door of saga-lib.
 *
 * <pre>{@code
 * SagaRuntime runtime = Sagas.runtime()
 *         .store(SagaStore.inMemory())
 *         .clock(clock)                       // a virtual clock in tests and the simulator
 *         .random(new SplittableRandom(seed)) // ids and backoff jitter
 *         .listener(SagaMetrics.listener(registry))
 *         .register(orderSaga)
 *         .build();
 * }</pre>
 */
public final class Sagas {
    private Sagas() {
    }

    /** A runtime builder. */
    public static RuntimeBuilder runtime() {
        return new RuntimeBuilder();
    }

    /**
     * Configures a {@link SagaRuntime}. Only {@link #store} is required; the clock defaults to
     * the system UTC clock and the random generator to the platform default.
     */
    public static final class RuntimeBuilder {
        private SagaStore store;
        private Clock clock = Clock.systemUTC();
        private RandomGenerator random;
        private final List<SagaListener> listeners = new ArrayList<>();
        private final List<SagaDefinition<?>> definitions = new ArrayList<>();
        private ExecutionHook hook;
        private String instanceId;
        private Duration leaseDuration = Duration.ofSeconds(30);
        private Duration pollInterval = Duration.ofMillis(50);
        private int batchSize = 32;
        private ThreadFactory threadFactory;

        private RuntimeBuilder() {
        }

        /** Where sagas are stored (required). */
        public RuntimeBuilder store(SagaStore value) {
            this.store = Objects.requireNonNull(value, "store");
            return this;
        }

        /** Time source for timers, leases and timelines. */
        public RuntimeBuilder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** Randomness for saga ids and backoff jitter (seed it for reproducible runs). */
        public RuntimeBuilder random(RandomGenerator value) {
            this.random = Objects.requireNonNull(value, "random");
            return this;
        }

        /** Adds a lifecycle listener. */
        public RuntimeBuilder listener(SagaListener value) {
            listeners.add(Objects.requireNonNull(value, "listener"));
            return this;
        }

        /** Registers a definition so sagas on it can be resumed (call once per name + version in use). */
        public RuntimeBuilder register(SagaDefinition<?> definition) {
            definitions.add(Objects.requireNonNull(definition, "definition"));
            return this;
        }

        /** Fault-injection hook (tests). */
        public RuntimeBuilder hook(ExecutionHook value) {
            this.hook = Objects.requireNonNull(value, "hook");
            return this;
        }

        /** Lease owner name of this instance (default: random). Must be unique among live instances. */
        public RuntimeBuilder instanceId(String value) {
            this.instanceId = Objects.requireNonNull(value, "instanceId");
            return this;
        }

        /** How long a claimed saga stays reserved to this instance without progress (default 30 s). */
        public RuntimeBuilder leaseDuration(Duration value) {
            this.leaseDuration = positive(value, "leaseDuration");
            return this;
        }

        /** How long an idle worker waits before polling the store again (default 50 ms). */
        public RuntimeBuilder pollInterval(Duration value) {
            this.pollInterval = positive(value, "pollInterval");
            return this;
        }

        /** Maximum sagas claimed per poll (default 32). */
        public RuntimeBuilder batchSize(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("batchSize must be >= 1, was " + value);
            }
            this.batchSize = value;
            return this;
        }

        /** Thread factory for {@link SagaRuntime#startWorkers(int)} (default: daemon platform threads). */
        public RuntimeBuilder threadFactory(ThreadFactory value) {
            this.threadFactory = Objects.requireNonNull(value, "threadFactory");
            return this;
        }

        /** Builds the runtime; it does nothing until polled or given workers. */
        public SagaRuntime build() {
            if (store == null) {
                throw new IllegalStateException("store(..) is required");
            }
            RandomGenerator rng = random != null ? random : RandomGenerator.getDefault();
            String id = instanceId != null ? instanceId : "saga-runtime-" + SagaId.random(rng).toString().substring(0, 8);
            ThreadFactory tf = threadFactory != null ? threadFactory : r -> {
                Thread t = new Thread(r, id + "-worker");
                t.setDaemon(true);
                return t;
            };
            DefaultSagaRuntime runtime = new DefaultSagaRuntime(store.storage(), clock, rng, listeners, hook, id,
                    leaseDuration, pollInterval, batchSize, tf);
            definitions.forEach(runtime::register);
            return runtime;
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be > 0, was " + d);
            }
            return d;
        }
    }
}
