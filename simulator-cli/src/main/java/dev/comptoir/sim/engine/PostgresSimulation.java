package dev.comptoir.sim.engine;

import dev.comptoir.core.cart.CartService;
import dev.comptoir.core.cart.SessionId;
import dev.comptoir.core.catalog.ProductId;
import dev.comptoir.core.checkout.CheckoutOptions;
import dev.comptoir.core.checkout.CheckoutParticipants;
import dev.comptoir.core.checkout.CheckoutRequest;
import dev.comptoir.core.checkout.OrderSaga;
import dev.comptoir.core.checkout.OrderSagaData;
import dev.comptoir.core.claimsourcing.ClaimsModule;
import dev.comptoir.core.inventory.InventoryService;
import dev.comptoir.core.inventory.StockKey;
import dev.comptoir.core.location.LocationId;
import dev.comptoir.core.location.Locations;
import dev.comptoir.core.money.Money;
import dev.comptoir.core.order.OrderService;
import dev.comptoir.core.payment.FailurePolicy;
import dev.comptoir.core.payment.PaymentService;
import dev.comptoir.core.payment.SimulatedPaymentGateway;
import dev.comptoir.core.postgres.PgCartRepository;
import dev.comptoir.core.postgres.PgCheckout;
import dev.comptoir.core.postgres.PgClaimViewModule;
import dev.comptoir.core.postgres.PgInventoryStore;
import dev.comptoir.core.postgres.PgOrderRepository;
import dev.comptoir.core.postgres.PgPaymentRepository;
import dev.comptoir.core.postgres.PgSalesViewProjection;
import dev.comptoir.core.postgres.PostgresDatabase;
import dev.comptoir.core.refundsaga.CatalogueReturnStock;
import dev.comptoir.core.refundsaga.spi.ReturnStock;
import dev.comptoir.core.salesview.SalesEventTypes;
import dev.comptoir.core.salesview.SalesPublisher;
import dev.comptoir.eventstore.EventStore;
import dev.comptoir.eventstore.RecordedEvent;
import dev.comptoir.eventstore.bus.DeliveryPolicies;
import dev.comptoir.eventstore.bus.MessageBuses;
import dev.comptoir.eventstore.projection.CheckResult;
import dev.comptoir.eventstore.projection.PostgresProjection;
import dev.comptoir.eventstore.projection.ProjectionRunner;
import dev.comptoir.eventstore.projection.Projections;
import dev.comptoir.eventstore.projection.ReadModelTx;
import dev.comptoir.eventstore.spi.MessageBus;
import dev.comptoir.saga.Direction;
import dev.comptoir.saga.SagaDefinition;
import dev.comptoir.saga.SagaEvent;
import dev.comptoir.saga.SagaRuntime;
import dev.comptoir.saga.SagaState;
import dev.comptoir.saga.SagaStore;
import dev.comptoir.saga.Sagas;
import dev.comptoir.saga.StepTrace;
import dev.comptoir.saga.spi.ExecutionHook;
import dev.comptoir.saga.spi.SagaRecord;
import dev.comptoir.saga.spi.SagaStorage;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulation on the machine's PostgreSQL (and optionally Redis), with real threads: the
 * domain (stock, carts, payments, orders, the saga → order index), the order sagas (saga-lib's
 * PostgreSQL store, leased to runtimes with their own worker threads), the claims (event store,
 * inbox, relay checkpoints, refunds and read models) and a sales event store with its projection
 * all live in fresh schemas {@code sim_<random>} (+ {@code _saga}, {@code _events},
 * {@code _sales}), dropped at the end unless kept. Several starter threads place the orders;
 * a store-traffic thread and a claims thread run beside them. Faults are drawn per saga id
 * ({@link PgFaults}); a crash kills the whole saga runtime (every thread of it dies at its next
 * store access) and a new runtime takes over the store: the dead one's sagas resume when their
 * leases expire. At the end the same invariants as the embedded run are checked, computed from
 * the PostgreSQL state and the run's own stock ledger.
 *
 * <pre>{@code
 * SimulationResult r = PostgresSimulation.of(config, settings).onProgress(bar::stepTo).run();
 * }</pre>
 *
 * <p>Not deterministic: thread interleavings, saga ids and timings change from run to run, and so
 * does the state hash (which still digests the final state). Not thread-safe: run once, from one
 * thread.
 */
public final class PostgresSimulation {
    /** Also initialises logging before the run's threads start (concurrent first calls make SLF4J warn). */
    private static final Logger LOG = LoggerFactory.getLogger(PostgresSimulation.class);
    static final LocationId FULFILMENT = Locations.DEFAULT_FULFILMENT;
    static final LocationId[] STORES = {Locations.MONTREAL_CENTRE, Locations.QUEBEC, Locations.SHERBROOKE,
            Locations.TROIS_RIVIERES, Locations.GATINEAU};
    static final LocationId LOGISTICS = Locations.LOGISTICS_CENTRE;
    private static final int SAMPLES_PER_OUTCOME = 6;
    private static final Duration STALL = Duration.ofSeconds(120);

    private final SimulationConfig config;
    private final PostgresSettings settings;
    private final String schema;
    private final Clock clock = Clock.systemUTC();
    private final StockLedger ledger = new StockLedger();
    private final AtomicLong started = new AtomicLong();
    private final AtomicLong ended = new AtomicLong();
    private final AtomicLong boundaries = new AtomicLong();
    private final AtomicLong crashes = new AtomicLong();
    private final AtomicLong runtimes = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final AtomicReference<String> firstCrash = new AtomicReference<>();
    private final AtomicReference<Incarnation> current = new AtomicReference<>();
    private final Object crashLock = new Object();
    private final java.util.Queue<Thread> sagaThreads = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private LongConsumer progress = n -> { };
    private RandomGenerator random;
    private SagaStore sagaStore;
    private SagaDefinition<OrderSagaData> orderSaga;
    private PgClaimsTraffic claims;

    /** One saga runtime and the storage view that can kill it. */
    private record Incarnation(SagaRuntime runtime, MortalSagaStorage storage) {
    }

    private PostgresSimulation(SimulationConfig config, PostgresSettings settings) {
        this.config = Objects.requireNonNull(config, "config");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.schema = "sim_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toLowerCase(Locale.ROOT);
    }

    /** A simulation of {@code config} on the PostgreSQL backend described by {@code settings}. */
    public static PostgresSimulation of(SimulationConfig config, PostgresSettings settings) {
        return new PostgresSimulation(config, settings);
    }

    /** Called now and then (from the calling thread) with the number of order sagas that ended so far. */
    public PostgresSimulation onProgress(LongConsumer listener) {
        this.progress = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /** The core schema of this run ({@code sim_<random>}; the others add {@code _saga}, {@code _events}, {@code _sales}). */
    public String schema() {
        return schema;
    }

    /**
     * Runs the simulation to the end and checks every invariant.
     *
     * @throws SimulationException bad input ({@link SimulationException#isBadInput()}) when PostgreSQL or
     *                             Redis cannot be reached, a run failure otherwise
     */
    public SimulationResult run() {
        long wallStart = System.nanoTime();
        checkReachable();
        RedisClient redis = null;
        String redisPrefix = "sim:" + schema + ":";
        // Redis's first connection (Netty start-up) overlaps the migrations
        CompletableFuture<RedisClient> redisConnection = settings.bus() == PostgresSettings.Bus.REDIS
                ? CompletableFuture.supplyAsync(this::connectRedis, r -> thread("sim-redis-connect", r).start())
                : CompletableFuture.completedFuture(null);
        PostgresDatabase db = null;
        List<AutoCloseable> toClose = new ArrayList<>();
        try {
            db = PostgresDatabase.connect(settings.url(), settings.user(), settings.password(), schema,
                    settings.poolSize()).migrate();
            redis = redisOf(redisConnection);
            return execute(db, redis, redisPrefix, toClose, wallStart);
        } finally {
            if (redis == null) {
                redis = redisOf(redisConnection.exceptionally(e -> null));
            }
            for (int i = toClose.size() - 1; i >= 0; i--) {
                try {
                    toClose.get(i).close();
                } catch (Exception ignored) {
                    // best effort: the run's result (or its failure) matters more than a clean close
                }
            }
            if (db != null) {
                db.close();
            }
            if (redis != null) {
                deleteRedisKeys(redis, redisPrefix);
                redis.shutdown();
            }
            if (!settings.keepSchema()) {
                dropSchemas();
            }
        }
    }

    private SimulationResult execute(PostgresDatabase db, RedisClient redis, String redisPrefix,
                                     List<AutoCloseable> toClose, long wallStart) {
        random = locked(new SplittableRandom(config.seed()));
        InventoryService inventory = new InventoryService(
                new PgFaults.LedgeredInventoryStore(new PgInventoryStore(db.jdbi()), ledger), clock);
        FailurePolicy policy = FailurePolicy.ofRate(BigDecimal.valueOf(config.paymentFailureRate()))
                .withFailureAmounts(config.failureAmounts().stream().map(Money::of).toList());
        PaymentService payments = new PaymentService(new PgPaymentRepository(db.jdbi()),
                new SimulatedPaymentGateway(random, policy), clock, random);
        CartService carts = new CartService(new PgCartRepository(db.jdbi()), id -> Optional.empty(), clock);
        CheckoutParticipants participants = PgCheckout.participants(db, carts, inventory, payments,
                        new OrderService(new PgOrderRepository(db.jdbi()), clock))
                .withStock(real -> new PgFaults.Stock(real, config))
                .withPayments(real -> new PgFaults.Payments(real, config, payments));
        orderSaga = OrderSaga.definition(participants,
                CheckoutOptions.defaults().withStepTimeout(Duration.ofMillis(config.stepTimeoutMillis())), clock);
        sagaStore = PgCheckout.sagaStore(db);

        // claims: event store, inbox, checkpoints, refunds, adjustments, logs and read models on PostgreSQL
        EventStore claimEvents = PgClaimViewModule.eventStore(db);
        toClose.add(claimEvents);
        double withhold = Math.min(1.0, config.delayRate() + config.consumerDeathRate());
        boolean faulty = config.duplicateRate() > 0 || withhold > 0 || config.reorderRate() > 0;
        MessageBus bus = redis != null ? MessageBuses.redis(redis, redisPrefix, MessageBuses.DEFAULT_MAX_LENGTH)
                : MessageBuses.inMemory(clock, faulty
                        ? DeliveryPolicies.faulty(random, config.duplicateRate(), withhold, config.reorderRate())
                        : DeliveryPolicies.reliable(), MessageBuses.DEFAULT_MAX_LENGTH);
        toClose.add(bus);
        Map<String, long[]> returnsByReference = PgClaimsTraffic.newReturnsMap();
        ReturnStock catalogue = CatalogueReturnStock.at(inventory, FULFILMENT);
        ReturnStock counted = (productId, delta, reason, reference) -> {
            long level = catalogue.add(productId, delta, reason, reference);
            returnsByReference.compute(reference, (k, r) -> {
                long[] row = r == null ? new long[2] : r;
                row[0]++;
                row[1] += delta;
                return row;
            });
            ledger.add(StockKey.of(ProductId.of(Long.parseLong(productId)), FULFILMENT), StockLedger.RETURN, delta);
            return level;
        };
        ClaimsModule module = PgClaimViewModule.builder(db, claimEvents).clock(clock).random(random).bus(bus)
                .returnStock(counted).claimIdleAfter(Duration.ofSeconds(10)).build();
        toClose.add(module);
        SagaStorage raw = sagaStore.storage();
        claims = new PgClaimsTraffic(module, returnsByReference,
                sagaId -> raw.find(dev.comptoir.saga.SagaId.parse(sagaId)).map(r -> (OrderSagaData) r.data()));

        // the store side's sales events and their projection, in their own event store
        String salesSchema = schema + "_sales";
        EventStore salesEvents = EventStore.postgres(db.dataSource(), salesSchema);
        toClose.add(salesEvents);
        PostgresProjection salesProjection = salesProjection();
        long[] prices = new long[config.products() + 1];
        SplittableRandom setUpRandom = new SplittableRandom(config.seed());
        for (int p = 1; p <= config.products(); p++) {
            prices[p] = 499 + 100L * setUpRandom.nextInt(200);
        }
        seedStock(inventory);
        PgStoreTraffic traffic = new PgStoreTraffic(config, inventory, ledger, new SalesPublisher(salesEvents, clock),
                () -> Projections.postgres(salesEvents, db.dataSource(), salesSchema, salesProjection), started::get,
                prices);

        // the run
        long ordersStart = System.nanoTime();
        long setUpMillis = (ordersStart - wallStart) / 1_000_000;
        current.set(newRuntime());
        Thread trafficThread = thread("sim-store-traffic", traffic);
        Thread claimsThread = thread("sim-claims", claims);
        List<Thread> starters = new ArrayList<>();
        AtomicLong next = new AtomicLong();
        for (int i = 0; i < settings.threads(); i++) {
            starters.add(thread("sim-orders-" + i, () -> placeOrders(next, carts, prices)));
        }
        trafficThread.start();
        claimsThread.start();
        starters.forEach(Thread::start);
        waitForSagas(starters, raw);
        double orderPhaseSeconds = (System.nanoTime() - ordersStart) / 1e9;
        if (failure.get() != null) { // a starter or saga thread failed: stop the others, report it
            traffic.stop();
            claims.stop();
        }
        join(trafficThread, Duration.ofMinutes(10), traffic::stop);
        claims.drain();
        awaitClaims(claimsThread);
        Incarnation last = current.get();
        last.runtime().close();
        awaitSagaThreads(); // dead runtimes' threads die at their next store access: none may act during the checks
        rethrow(traffic.failure(), "store traffic");
        rethrow(claims.failure(), "claims");
        rethrow(failure.get(), "order saga threads");

        // the checks, from the PostgreSQL state
        long checksStart = System.nanoTime();
        VirtualClock checkClock = new VirtualClock();
        checkClock.advanceTo(VirtualClock.EPOCH_MILLIS + (System.nanoTime() - wallStart) / 1_000_000);
        Checker checker = new Checker(checkClock);
        PgFinalCheck check = new PgFinalCheck(db, schema, PgCheckout.sagaSchema(db), ledger, inventory, checker);
        check.stock();
        check.orders(raw);
        check.money(claims.refundedCents());
        claims.check(checker);
        ProjectionRunner salesRunner = traffic.runner();
        salesRunner.runUntilIdle();
        switch (salesRunner.check()) {
            case CheckResult.Consistent c -> checker.pass(Checker.PROJECTIONS_MATCH);
            case CheckResult.Diverged d -> checker.failed(Checker.PROJECTIONS_MATCH,
                    "sales projection differs from a fresh replay of the sales event store at position " + d.position()
                            + ": " + d.differences().stream().limit(3).toList());
        }
        salesRunner.close();
        checker.detail(Checker.PROJECTIONS_MATCH, "claims read models and sales-by-store-and-day (" + traffic.salesEvents()
                + " events, " + traffic.projectionCrashes() + " runner crashes and restarts) on PostgreSQL compared with a"
                + " fresh replay of their event stores");

        Map<String, Long> figures = new LinkedHashMap<>(traffic.counters());
        figures.putAll(claims.counters());
        figures.put("salesEvents", traffic.salesEvents());
        figures.put("projectionCrashes", traffic.projectionCrashes());
        figures.put("runtimeCrashes", crashes.get());
        figures.put("sagaRuntimes", runtimes.get());
        figures.put("stepBoundaries", boundaries.get());
        figures.put("starterThreads", (long) settings.threads());
        figures.put("workersPerRuntime", (long) settings.workers());
        figures.put("poolSize", (long) settings.poolSize());
        figures.put("setUpMillis", setUpMillis);
        figures.put("orderPhaseMillis", Math.round(orderPhaseSeconds * 1000));
        figures.put("checkMillis", (System.nanoTime() - checksStart) / 1_000_000);
        String hash = stateHash(check, figures);
        double wall = (System.nanoTime() - wallStart) / 1e9;
        return new SimulationResult(config, settings.bus() == PostgresSettings.Bus.REDIS ? "postgres+redis" : "postgres",
                started.get(), check.completed(), check.compensated(), started.get() - check.completed() - check.compensated(),
                check.causes(), figures, check.latency().percentile(0.50), check.latency().percentile(0.95),
                check.latency().percentile(0.99), check.latency().buckets(), samples(raw, ordersStart), checker.results(),
                checker.firstFailure(), hash, orderPhaseSeconds, wall, firstCrash.get());
    }

    // ------------------------------------------------------------------ set-up

    private void checkReachable() {
        Properties props = new Properties();
        props.setProperty("user", settings.user());
        props.setProperty("password", settings.password());
        props.setProperty("connectTimeout", "5");
        props.setProperty("loginTimeout", "5");
        try (Connection c = DriverManager.getConnection(settings.url(), props)) {
            c.isValid(5);
        } catch (SQLException e) {
            throw SimulationException.badOption("--pg-url", settings.url() + " cannot be reached: " + e.getMessage());
        }
    }

    private static RedisClient redisOf(CompletableFuture<RedisClient> connection) {
        try {
            return connection.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    private RedisClient connectRedis() {
        RedisClient client;
        try {
            client = RedisClient.create(settings.redisUrl());
        } catch (RuntimeException e) {
            throw SimulationException.badOption("--redis-url", settings.redisUrl() + " is not a Redis URL: " + e.getMessage());
        }
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            c.sync().ping();
            return client;
        } catch (RuntimeException e) {
            client.shutdown();
            throw SimulationException.badOption("--redis-url", settings.redisUrl() + " cannot be reached: " + e.getMessage());
        }
    }

    /** Every product at the five stores and (twice as much) at the logistics centre, as in the embedded run. */
    private void seedStock(InventoryService inventory) {
        int n = Math.min(settings.threads(), Math.max(1, settings.poolSize() - 1));
        List<Thread> seeders = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            int first = t;
            seeders.add(thread("sim-seed-" + t, () -> {
                for (int p = 1 + first; p <= config.products(); p += n) {
                    ProductId product = ProductId.of(p);
                    for (LocationId store : STORES) {
                        int units = store.equals(FULFILMENT) && p <= config.hotProducts() ? config.hotStock()
                                : config.initialStock();
                        stockInitially(inventory, product, store, units);
                    }
                    stockInitially(inventory, product, LOGISTICS, config.initialStock() * 2);
                }
            }));
        }
        seeders.forEach(Thread::start);
        for (Thread s : seeders) {
            join(s, Duration.ofMinutes(10), () -> { });
        }
        rethrow(failure.get(), "stock set-up");
    }

    private void stockInitially(InventoryService inventory, ProductId product, LocationId location, int units) {
        inventory.track(product, location, 5);
        if (units > 0) {
            inventory.receive(product, location, units, "initial");
            ledger.add(StockKey.of(product, location), StockLedger.INITIAL, units);
        }
    }

    private PostgresProjection salesProjection() {
        PgSalesViewProjection real = new PgSalesViewProjection(SalesEventTypes.serializer());
        if (!config.sabotage().contains(Sabotage.SKIPPED_PROJECTION_EVENT)) {
            return real;
        }
        AtomicLong applies = new AtomicLong();
        return new PostgresProjection() {
            @Override
            public String name() {
                return real.name();
            }

            @Override
            public boolean handles(String eventType) {
                return real.handles(eventType);
            }

            @Override
            public List<String> tables() {
                return real.tables();
            }

            @Override
            public void createTables(ReadModelTx tx) {
                real.createTables(tx);
            }

            @Override
            public void apply(ReadModelTx tx, RecordedEvent event) {
                if (applies.incrementAndGet() == 5) {
                    return; // planted defect: the fifth event applied is silently dropped
                }
                real.apply(tx, event);
            }
        };
    }

    // ------------------------------------------------------------------ saga runtimes and crashes

    private Incarnation newRuntime() {
        long n = runtimes.incrementAndGet();
        MortalSagaStorage storage = new MortalSagaStorage(sagaStore.storage(), "saga runtime " + n);
        SagaRuntime runtime = Sagas.runtime()
                .store(SagaStore.of(storage))
                .clock(clock)
                .random(random)
                .instanceId("sim-runtime-" + n)
                .leaseDuration(Duration.ofMillis(settings.leaseMillis()))
                .batchSize(16)
                .listener(this::sagaEvent)
                .hook((point, id, step, direction) -> boundary(storage, point, step, direction))
                .threadFactory(factory("sim-saga-" + n + "-"))
                .register(orderSaga)
                .build();
        Incarnation inc = new Incarnation(runtime, storage);
        runtime.startWorkers(settings.workers());
        return inc;
    }

    /** A step boundary: a dead runtime's thread dies here; otherwise the runtime may crash now. */
    private void boundary(MortalSagaStorage storage, ExecutionHook.Point point, String step, Direction direction) {
        if (storage.dead()) {
            throw new SimulatedCrash("(its runtime is dead)");
        }
        boundaries.incrementAndGet();
        if (config.crashRate() > 0 && ThreadLocalRandom.current().nextDouble() < config.crashRate()) {
            synchronized (crashLock) {
                if (!storage.dead()) {
                    storage.kill(); // every thread of this runtime dies at its next store access or boundary
                    crashes.incrementAndGet();
                    firstCrash.compareAndSet(null, point + " of " + step + " ("
                            + direction.name().toLowerCase(Locale.ROOT) + ")");
                    LOG.debug("saga runtime {} crashed at {} of {}", storage, point, step);
                    current.set(newRuntime()); // a new process takes over the store; it is never closed
                }
            }
            throw new SimulatedCrash(point + " " + step + " " + direction);
        }
    }

    private void sagaEvent(SagaEvent event) {
        switch (event) {
            case SagaEvent.Finished f -> {
                ended.incrementAndGet();
                String id = f.sagaId().toString();
                if (f.state() == SagaState.COMPLETED && config.claimShare() > 0
                        && PgFaults.draw(config.seed(), id, PgFaults.CLAIM) < config.claimShare()) {
                    claims.offer(id);
                }
            }
            case SagaEvent.Stuck s -> ended.incrementAndGet();
            case SagaEvent.Started s -> { }
            case SagaEvent.StepSucceeded s -> { }
            case SagaEvent.StepFailed s -> { }
            case SagaEvent.CompensationStarted s -> { }
        }
    }

    // ------------------------------------------------------------------ orders

    private void placeOrders(AtomicLong next, CartService carts, long[] prices) {
        long index;
        while (failure.get() == null && (index = next.incrementAndGet()) <= config.orders()) {
            // at most a few batches in flight per worker (endings lost to crashes are allowed for)
            long cap = 64L * settings.workers() + crashes.get() * settings.workers();
            while (started.get() - ended.get() > cap && failure.get() == null) {
                LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(500));
                cap = 64L * settings.workers() + crashes.get() * settings.workers();
            }
            SplittableRandom r = new SplittableRandom(config.seed() * 1_000_003L + index);
            String session = "s-" + index;
            int lines = 1 + r.nextInt(3);
            for (int i = 0; i < lines; i++) {
                int product = config.hotProducts() > 0 && r.nextDouble() < config.hotShare()
                        ? 1 + r.nextInt(config.hotProducts())
                        : 1 + r.nextInt(config.products());
                carts.addItem(SessionId.of(session), ProductId.of(product), 1 + r.nextInt(2),
                        Money.ofCents(prices[product]));
            }
            long customer = 1 + r.nextInt(5_000);
            OrderSagaData data = OrderSagaData.of(CheckoutRequest.of(session, customer));
            while (true) {
                Incarnation inc = current.get();
                try {
                    inc.runtime().start(orderSaga, data, "order-" + index);
                    break;
                } catch (SimulatedCrash dead) {
                    Thread.onSpinWait(); // the runtime died under us: start it again on its successor
                }
            }
            started.incrementAndGet();
        }
    }

    /** Waits until every order was started and no saga is running or compensating any more (or nothing moves). */
    private void waitForSagas(List<Thread> starters, SagaStorage raw) {
        long lastEnded = -1;
        long lastActive = -1;
        long lastChange = System.nanoTime();
        long lastStoreCount = 0;
        while (true) {
            progress.accept(ended.get());
            if (failure.get() != null) {
                return;
            }
            boolean allStarted = starters.stream().noneMatch(Thread::isAlive);
            long now = System.nanoTime();
            if (allStarted && (ended.get() >= started.get() || now - lastStoreCount > 1_000_000_000L)) {
                lastStoreCount = now;
                Map<SagaState, Long> counts = raw.countByState();
                long active = counts.getOrDefault(SagaState.RUNNING, 0L) + counts.getOrDefault(SagaState.COMPENSATING, 0L);
                if (active == 0) {
                    return;
                }
                if (active != lastActive) {
                    lastActive = active;
                    lastChange = now;
                }
            }
            if (ended.get() != lastEnded) {
                lastEnded = ended.get();
                lastChange = now;
            }
            if (now - lastChange > STALL.toNanos() + TimeUnit.MILLISECONDS.toNanos(settings.leaseMillis())) {
                return; // nothing moved for a long time: the checker reports the sagas left
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    private void awaitClaims(Thread claimsThread) {
        while (claimsThread.isAlive()) {
            try {
                claimsThread.join(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                claims.stop();
                return;
            }
            if (System.nanoTime() - claims.lastProgressNanos() > STALL.toNanos()) {
                claims.stop(); // stranded refunds: the checker reports them
            }
        }
    }

    // ------------------------------------------------------------------ result

    private List<SagaSample> samples(SagaStorage raw, long ordersStartNanos) {
        long origin = System.currentTimeMillis() - (System.nanoTime() - ordersStartNanos) / 1_000_000;
        List<SagaSample> out = new ArrayList<>();
        for (SagaState state : List.of(SagaState.COMPLETED, SagaState.COMPENSATED, SagaState.STUCK)) {
            for (SagaRecord r : raw.findByState(state, SAMPLES_PER_OUTCOME)) {
                List<SagaSample.Span> spans = new ArrayList<>();
                for (StepTrace t : r.timeline()) {
                    spans.add(new SagaSample.Span(t.step(), t.direction() == Direction.COMPENSATION, t.state().name(),
                            t.attempts(), since(t.startedAt(), origin), since(t.finishedAt(), origin)));
                }
                out.add(new SagaSample(r.id().toString(), r.state().name(),
                        r.state() == SagaState.COMPLETED ? null : CompensationCause.of(r.failure()),
                        since(r.createdAt(), origin), since(r.updatedAt(), origin), spans));
            }
        }
        return out;
    }

    private static long since(Instant t, long originMillis) {
        return t == null ? 0 : Math.max(0, t.toEpochMilli() - originMillis);
    }

    private String stateHash(PgFinalCheck check, Map<String, Long> figures) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            ByteBuffer buf = ByteBuffer.allocate(64);
            for (long[] row : check.stockRows()) {
                buf.clear();
                buf.putLong(row[0]).putLong(row[1]).putLong(row[2]).putLong(row[3]);
                sha.update(buf.array(), 0, buf.position());
            }
            buf.clear();
            buf.putLong(check.outcomeDigest()).putLong(started.get()).putLong(check.completed())
                    .putLong(check.compensated()).putLong(check.capturedCents()).putLong(check.refundedCents());
            sha.update(buf.array(), 0, buf.position());
            sha.update(check.causes().toString().getBytes(StandardCharsets.UTF_8));
            sha.update(new TreeMap<>(figures).toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw SimulationException.runFailed("SHA-256 is missing from this JVM", e);
        }
    }

    // ------------------------------------------------------------------ plumbing

    /** A seeded generator shared by threads (each draw under a lock). */
    private static RandomGenerator locked(SplittableRandom r) {
        return new RandomGenerator() {
            @Override
            public synchronized long nextLong() {
                return r.nextLong();
            }
        };
    }

    private Thread thread(String name, Runnable body) {
        return Thread.ofPlatform().name(name).daemon(true).unstarted(() -> {
            try {
                body.run();
            } catch (RuntimeException | Error e) {
                failure.compareAndSet(null, e);
            }
        });
    }

    /** Saga worker threads: a simulated crash ends the thread quietly; anything else fails the run. */
    private ThreadFactory factory(String prefix) {
        ThreadFactory threads = Thread.ofPlatform().name(prefix, 0).daemon(true).uncaughtExceptionHandler((t, e) -> {
            if (!(e instanceof SimulatedCrash)) {
                failure.compareAndSet(null, e);
            }
        }).factory();
        return r -> {
            Thread t = threads.newThread(r);
            sagaThreads.add(t);
            return t;
        };
    }

    private void awaitSagaThreads() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (Thread t : sagaThreads) {
            long left = deadline - System.nanoTime();
            try {
                if (left <= 0 || !t.join(Duration.ofNanos(left))) {
                    throw SimulationException.runFailed("saga worker " + t.getName() + " did not stop", null);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw SimulationException.runFailed("interrupted while waiting for the saga workers", e);
            }
        }
    }

    private static void join(Thread t, Duration max, Runnable onTimeout) {
        try {
            t.join(max);
            if (t.isAlive()) {
                onTimeout.run();
                t.join(Duration.ofSeconds(30));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SimulationException.runFailed("interrupted while waiting for " + t.getName(), e);
        }
    }

    private static void rethrow(Throwable t, String what) {
        if (t != null) {
            throw SimulationException.runFailed(what + " failed: " + t, t);
        }
    }

    private void dropSchemas() {
        try (Connection c = DriverManager.getConnection(settings.url(), settings.user(), settings.password());
             Statement s = c.createStatement()) {
            for (String suffix : List.of("_sales", "_events", "_saga", "")) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + suffix + " CASCADE");
            }
        } catch (SQLException e) {
            throw SimulationException.runFailed("dropping the run's schemas " + schema + "*", e);
        }
    }

    private static void deleteRedisKeys(RedisClient client, String prefix) {
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            List<String> keys = c.sync().keys(prefix + "*");
            if (!keys.isEmpty()) {
                c.sync().del(keys.toArray(String[]::new));
            }
        } catch (RuntimeException ignored) {
            // best effort: the keys are under the run's own prefix
        }
    }
}
