package dev.comptoir.sim.engine;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.cart.CartService;
import dev.comptoir.core.cart.SessionId;
import dev.comptoir.core.checkout.CheckoutOptions;
import dev.comptoir.core.checkout.CheckoutParticipants;
import dev.comptoir.core.checkout.CheckoutRequest;
import dev.comptoir.core.checkout.OrderSaga;
import dev.comptoir.core.checkout.OrderSagaData;
import dev.comptoir.core.memory.InMemoryCartRepository;
import dev.comptoir.core.memory.InMemoryCheckoutOrderIndex;
import dev.comptoir.core.order.Order;
import dev.comptoir.core.order.OrderId;
import dev.comptoir.core.order.OrderService;
import dev.comptoir.core.order.OrderStatus;
import dev.comptoir.saga.SagaDefinition;
import dev.comptoir.core.catalog.ProductId;
import dev.comptoir.core.inventory.InventoryService;
import dev.comptoir.core.inventory.Reservation;
import dev.comptoir.core.inventory.ReservationId;
import dev.comptoir.core.inventory.ReservationStatus;
import dev.comptoir.core.inventory.StockDelta;
import dev.comptoir.core.inventory.StockKey;
import dev.comptoir.core.inventory.StockLevel;
import dev.comptoir.core.inventory.MovementKind;
import dev.comptoir.core.location.LocationId;
import dev.comptoir.core.location.Locations;
import dev.comptoir.core.memory.InMemoryInventoryStore;
import dev.comptoir.core.money.Money;
import dev.comptoir.core.money.TaxPolicy;
import dev.comptoir.core.payment.FailurePolicy;
import dev.comptoir.core.payment.PaymentService;
import dev.comptoir.core.payment.SimulatedPaymentGateway;
import dev.comptoir.saga.SagaId;
import dev.comptoir.saga.SagaRuntime;
import dev.comptoir.core.memory.InMemoryOrderRepository;
import dev.comptoir.saga.InMemorySagaStorage;
import dev.comptoir.saga.SagaState;
import dev.comptoir.saga.SagaStore;
import dev.comptoir.saga.Sagas;
import dev.comptoir.saga.StepTrace;
import dev.comptoir.saga.Direction;
import dev.comptoir.saga.spi.SagaRecord;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Optional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.LongConsumer;

/**
 * The embedded simulation: one thread, a virtual clock, one seeded random source and a
 * deterministic discrete-event scheduler drive core-lib's use-cases (store traffic, e-commerce
 * orders through the order saga on saga-lib), inject faults, and check the invariants. The same
 * configuration gives the same run and the same {@link SimulationResult#stateHash()}.
 *
 * <pre>{@code
 * SimulationResult r = Simulation.embedded(SimulationConfig.builder().seed(7).orders(5_000).build())
 *         .onProgress(ended -> bar.stepTo(ended))
 *         .run();
 * }</pre>
 *
 * <p>Not thread-safe: a simulation is run once, by one thread.
 */
public final class Simulation {
    private static final LocationId FULFILMENT = Locations.DEFAULT_FULFILMENT;
    private static final LocationId[] STORES = {Locations.MONTREAL_CENTRE, Locations.QUEBEC, Locations.SHERBROOKE,
            Locations.TROIS_RIVIERES, Locations.GATINEAU};
    private static final LocationId LOGISTICS = Locations.LOGISTICS_CENTRE;
    private static final long SHIPPING_CENTS = 999;
    private static final Duration LEASE = Duration.ofSeconds(5);
    private static final int SAMPLES_PER_OUTCOME = 6;
    /** Journal rows kept row by row; older ones are folded into totals (the journal check still sums all). */
    private static final int JOURNAL_KEPT_ROWS = 200_000;

    private final SimulationConfig config;
    private final VirtualClock clock = new VirtualClock();
    private final Scheduler scheduler = new Scheduler(clock);
    private final SplittableRandom random;
    private final InMemoryInventoryStore inventoryStore = new InMemoryInventoryStore(Duration.ofMinutes(15), JOURNAL_KEPT_ROWS);
    private final InventoryService inventory;
    private final LedgerPaymentRepository paymentRepository = new LedgerPaymentRepository();
    private final PaymentService payments;
    private final InMemorySagaStorage sagaStorage = InMemorySagaStorage.trackingEnded();
    private final SagaStore sagaStore = SagaStore.of(sagaStorage);
    private final CartService carts;
    private final InMemoryOrderRepository orderRepository = new InMemoryOrderRepository();
    private final InMemoryCheckoutOrderIndex orderIndex = new InMemoryCheckoutOrderIndex();
    private final SagaDefinition<OrderSagaData> orderSaga;
    private final Map<String, OrderPlan> plans = new HashMap<>();
    private final ClaimsTraffic claims;
    private final SalesView salesView;
    private final StockLedger ledger = new StockLedger();
    private final Checker checker = new Checker(clock);
    private final LatencyHistogram latency = new LatencyHistogram();
    private final Map<String, Long> causes = new TreeMap<>();
    private final Counters counters = new Counters();
    private final List<SagaSample> samples = new ArrayList<>();
    private final int[] samplesByState = new int[SagaState.values().length];
    private final long[] prices;
    private SagaRuntime runtime;
    private int runtimes;
    private long pollAt = Long.MAX_VALUE;
    private long expiryRounds;
    private long lastEnding;
    private long boundaries;
    private String crashedAt;
    private long started;
    private long ended;
    private long completed;
    private long compensated;
    private long stuck;
    private long completedCents;
    private long outcomeDigest = 0x636f6d70746f6972L;
    private LongConsumer progress = n -> { };

    private Simulation(SimulationConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.random = new SplittableRandom(config.seed());
        this.inventory = new InventoryService(inventoryStore, clock);
        List<Money> amounts = config.failureAmounts().stream().map(Money::of).toList();
        FailurePolicy policy = FailurePolicy.ofRate(BigDecimal.valueOf(config.paymentFailureRate()))
                .withFailureAmounts(amounts);
        this.payments = new PaymentService(paymentRepository, new SimulatedPaymentGateway(random, policy), clock,
                random);
        this.carts = new CartService(new InMemoryCartRepository(), id -> Optional.empty(), clock);
        CheckoutParticipants participants = CheckoutParticipants
                .domain(carts, inventory, payments, new OrderService(orderRepository, clock), orderIndex)
                .withStock(real -> new FaultyParticipants.Stock(real, this, inventoryStore))
                .withPayments(real -> new FaultyParticipants.Payments(real, this, payments));
        this.orderSaga = OrderSaga.definition(participants,
                CheckoutOptions.defaults().withStepTimeout(Duration.ofMillis(config.stepTimeoutMillis())), clock);
        this.prices = new long[config.products() + 1];
        this.claims = new ClaimsTraffic(config, clock, scheduler, random, inventory, FULFILMENT, ledger);
        this.salesView = new SalesView(clock, random, config.sabotage().contains(Sabotage.SKIPPED_PROJECTION_EVENT));
    }

    /** A simulation of {@code config} on the embedded (in-memory, single-threaded, deterministic) backend. */
    public static Simulation embedded(SimulationConfig config) {
        return new Simulation(config);
    }

    /** Called now and then with the number of orders whose saga ended so far (for a progress bar). */
    public Simulation onProgress(LongConsumer listener) {
        this.progress = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /** Runs the simulation to the end and checks every invariant. */
    public SimulationResult run() {
        long wallStart = System.nanoTime();
        setUp();
        while (!done()) {
            if (!scheduler.runNext()) {
                break;
            }
            if (started >= config.orders() && (scheduler.executed() & 255) == 0) {
                // every order has arrived: stop once nothing can move the remaining sagas any more
                // (the checker then reports them), or after a virtual day without an ending
                if ((sagaStorage.nextDue() == null && !claims.busy())
                        || clock.millis() - lastEnding > Duration.ofDays(1).toMillis()) {
                    break;
                }
            }
        }
        sagaStorage.drainEnded(this::sagaEnded, true);
        finalChecks();
        double wall = (System.nanoTime() - wallStart) / 1e9;
        return result(wall);
    }

    // ------------------------------------------------------------------ wiring

    boolean sabotaged(Sabotage s) {
        return config.sabotage().contains(s);
    }

    StockLedger ledger() {
        return ledger;
    }

    private void setUp() {
        runtime = newRuntime();
        for (int p = 1; p <= config.products(); p++) {
            prices[p] = 499 + 100L * random.nextInt(200);
            ProductId product = ProductId.of(p);
            for (LocationId store : STORES) {
                int units = store.equals(FULFILMENT) && isHot(p) ? config.hotStock() : config.initialStock();
                stockInitially(product, store, units);
            }
            stockInitially(product, LOGISTICS, config.initialStock() * 2);
        }
        if (config.orders() > 0) {
            scheduler.after(gap(config.orderRatePerSecond()), this::arrive);
        }
        if (config.posSalesPerSecond() > 0) {
            scheduler.after(gap(config.posSalesPerSecond()), this::posTick);
        }
        scheduler.after(config.replenishEverySeconds() * 1000L, this::replenish);
        scheduler.after(config.reportEverySeconds() * 1000L, this::headOfficeReport);
        scheduler.after(60_000, this::expireReservations);
        scheduler.after(5_000, this::pollProjections);
        if (config.checkEverySeconds() > 0) {
            scheduler.after(config.checkEverySeconds() * 1000L, this::periodicCheck);
        }
    }

    private void stockInitially(ProductId product, LocationId location, int units) {
        inventory.track(product, location, 5);
        if (units > 0) {
            inventory.receive(product, location, units, "initial");
            ledger.add(StockKey.of(product, location), StockLedger.INITIAL, units);
        }
    }

    private boolean isHot(long product) {
        return product <= config.hotProducts();
    }

    private SagaRuntime newRuntime() {
        runtimes++;
        return Sagas.runtime()
                .store(sagaStore)
                .clock(clock)
                .random(random)
                .instanceId("runtime-" + runtimes)
                .leaseDuration(LEASE)
                .batchSize(64)
                .hook((point, id, step, direction) -> {
                    boundaries++;
                    if (boundaries == config.crashAtBoundary()
                            || (config.crashRate() > 0 && random.nextDouble() < config.crashRate())) {
                        if (crashedAt == null) {
                            crashedAt = point + " of " + step + " (" + direction.name().toLowerCase(java.util.Locale.ROOT)
                                    + ")";
                        }
                        throw new SimulatedCrash(point + " " + step + " " + direction + " of " + id);
                    }
                })
                .register(orderSaga)
                .build();
    }

    private long gap(double perSecond) {
        double mean = 1000.0 / perSecond;
        return Math.max(1, Math.round(-mean * Math.log(1.0 - random.nextDouble())));
    }

    private boolean done() {
        return started >= config.orders() && ended >= started && !claims.busy();
    }

    // ------------------------------------------------------------------ e-commerce orders

    private void arrive() {
        started++;
        long index = started;
        String session = "s-" + index;
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            int product = config.hotProducts() > 0 && random.nextDouble() < config.hotShare()
                    ? 1 + random.nextInt(config.hotProducts())
                    : 1 + random.nextInt(config.products());
            carts.addItem(SessionId.of(session), ProductId.of(product), 1 + random.nextInt(2),
                    Money.ofCents(prices[product]));
        }
        boolean shortage = config.stockFailureRate() > 0 && random.nextDouble() < config.stockFailureRate();
        int latencyMs = -1;
        if (config.latencyRate() > 0 && random.nextDouble() < config.latencyRate()) {
            latencyMs = (int) Math.min(Integer.MAX_VALUE, gap(1000.0 / Math.max(1, config.latencyMeanMillis())));
        }
        boolean claim = config.claimShare() > 0 && random.nextDouble() < config.claimShare();
        long customer = 1 + random.nextInt(5_000);
        SagaId id = runtime.start(orderSaga, OrderSagaData.of(CheckoutRequest.of(session, customer)), "order-" + index);
        plans.put(id.toString(), new OrderPlan(index, session, shortage, latencyMs, claim));
        if (started < config.orders()) {
            scheduler.after(gap(config.orderRatePerSecond()), this::arrive);
        }
        pollRuntime();
    }

    /** The plan of the order run by saga {@code sagaId}, or {@code null}. */
    OrderPlan plan(String sagaId) {
        return plans.get(sagaId);
    }

    /** Time passes during a participant call (a slow reply); events due meanwhile run late. */
    void elapse(long millis) {
        counters.slowReplies++;
        clock.advanceTo(clock.millis() + millis);
    }

    /** Advances every due saga; a simulated crash kills the runtime and a new one takes over from the store. */
    private void pollRuntime() {
        try {
            runtime.runUntilIdle();
        } catch (SimulatedCrash crash) {
            counters.crashes++;
            runtime = newRuntime(); // the dead runtime is dropped without closing: its leases must expire
        }
        sagaStorage.drainEnded(this::sagaEnded, true);
        Instant next = sagaStorage.nextDue();
        if (next != null) {
            long ms = next.toEpochMilli();
            requestPoll(next.getNano() % 1_000_000 == 0 ? ms : ms + 1); // the virtual clock ticks in whole ms
        }
    }

    private void requestPoll(long at) {
        long t = Math.max(at, clock.millis());
        if (t < pollAt || pollAt < clock.millis()) {
            pollAt = t;
            scheduler.at(t, () -> {
                if (pollAt == t) {
                    pollAt = Long.MAX_VALUE;
                }
                pollRuntime();
            });
        }
    }

    /** The checker's per-order accounting, run once when an order saga ends (then its state is pruned). */
    private void sagaEnded(SagaRecord r) {
        OrderSagaData data = (OrderSagaData) r.data();
        String key = r.id().toString();
        OrderPlan plan = plans.remove(key);
        long index = plan == null ? -1 : plan.index;
        long amountCents = data.amount() == null ? 0 : data.amount().movePointRight(2).longValueExact();
        long latencyMs = Duration.between(r.createdAt(), r.updatedAt()).toMillis();
        ended++;
        lastEnding = clock.millis();
        latency.record(latencyMs);
        LedgerPaymentRepository.OrderMoney money = paymentRepository.money(key);
        Optional<Long> orderId = orderIndex.find(key);
        OrderStatus orderStatus = orderId.flatMap(id -> orderRepository.forget(OrderId.of(id))).map(Order::status)
                .orElse(null);
        switch (r.state()) {
            case COMPLETED -> {
                completed++;
                completedCents += amountCents;
                if (plan != null && plan.claim && !data.lines().isEmpty()) {
                    claims.file(index, "customer_" + data.customerId(), data.lines().get(0).productId());
                }
                if (money.captures == 1 && money.capturedCents == amountCents && money.refundedCents == 0
                        && orderStatus == OrderStatus.CONFIRMED) {
                    checker.pass(Checker.CHARGED_ONCE);
                } else {
                    checker.failed(Checker.CHARGED_ONCE, "order " + index + " (saga " + key + ") completed with "
                            + money.captures + " capture(s) of " + cents(money.capturedCents) + ", refunded "
                            + cents(money.refundedCents) + ", order " + orderStatus + "; expected one capture of "
                            + cents(amountCents) + " and a CONFIRMED order");
                }
            }
            case COMPENSATED -> {
                compensated++;
                causes.merge(CompensationCause.of(r.failure()), 1L, Long::sum);
                Reservation reservation = inventoryStore.reservation(ReservationId.of(key)).orElse(null);
                boolean stockRestored = reservation == null || reservation.status() == ReservationStatus.RELEASED
                        || reservation.status() == ReservationStatus.EXPIRED;
                boolean orderCancelled = orderStatus == null || orderStatus == OrderStatus.CANCELLED;
                long net = money.capturedCents - money.refundedCents;
                if (stockRestored && net == 0 && orderCancelled) {
                    checker.pass(Checker.COMPENSATION_RESTORED);
                } else {
                    checker.failed(Checker.COMPENSATION_RESTORED, "order " + index + " (saga " + key
                            + ") compensated after \"" + r.failure() + "\" but "
                            + (stockRestored ? "" : "its reservation is " + reservation.status() + " ")
                            + (net == 0 ? "" : "its payment nets " + cents(net) + " ")
                            + (orderCancelled ? "" : "its order is " + orderStatus));
                }
            }
            case STUCK -> stuck++;
            case RUNNING, COMPENSATING, RESOLVED -> {
            }
        }
        if (plan != null) {
            carts.clear(SessionId.of(plan.sessionId));
        }
        orderIndex.forget(key);
        paymentRepository.forget(key);
        outcomeDigest = mix(outcomeDigest, index * 31 + r.state().ordinal());
        outcomeDigest = mix(outcomeDigest, amountCents);
        sample(r);
        if ((ended & 1023) == 0) {
            progress.accept(ended);
        }
    }

    private void sample(SagaRecord r) {
        int i = r.state().ordinal();
        if (samplesByState[i] >= SAMPLES_PER_OUTCOME) {
            return;
        }
        samplesByState[i]++;
        List<SagaSample.Span> spans = new ArrayList<>();
        for (StepTrace t : r.timeline()) {
            spans.add(new SagaSample.Span(t.step(), t.direction() == Direction.COMPENSATION, t.state().name(),
                    t.attempts(), sinceStart(t.startedAt()), sinceStart(t.finishedAt())));
        }
        samples.add(new SagaSample(r.id().toString(), r.state().name(),
                r.state() == SagaState.COMPLETED ? null : CompensationCause.of(r.failure()), sinceStart(r.createdAt()),
                sinceStart(r.updatedAt()), spans));
    }

    private static long sinceStart(Instant t) {
        return t.toEpochMilli() - VirtualClock.EPOCH_MILLIS;
    }

    // ------------------------------------------------------------------ store traffic

    private void posTick() {
        LocationId store = STORES[random.nextInt(STORES.length)];
        ProductId product = ProductId.of(1 + random.nextInt(config.products()));
        int qty = 1 + random.nextInt(3);
        if (tryApply(StockDelta.of(product, store, MovementKind.SALE, -qty), "pos-sale")) {
            ledger.add(StockKey.of(product, store), StockLedger.SALE, qty);
            salesView.sale(store.value(), product.value(), qty, prices[(int) product.value()] * qty);
            counters.posSales++;
        } else {
            counters.posSalesRefused++;
        }
        if (random.nextDouble() < config.returnShare()) {
            LocationId at = STORES[random.nextInt(STORES.length)];
            ProductId p = ProductId.of(1 + random.nextInt(config.products()));
            if (tryApply(StockDelta.of(p, at, MovementKind.RETURN, 1), "pos-return")) {
                ledger.add(StockKey.of(p, at), StockLedger.RETURN, 1);
                salesView.saleReturn(at.value(), p.value(), 1);
                counters.posReturns++;
            }
        }
        if (random.nextDouble() < config.restockShare()) {
            restockRequest(STORES[random.nextInt(STORES.length)], ProductId.of(1 + random.nextInt(config.products())));
        }
        if (random.nextDouble() < config.transferShare()) {
            int a = random.nextInt(STORES.length);
            int b = (a + 1 + random.nextInt(STORES.length - 1)) % STORES.length;
            ProductId p = ProductId.of(1 + random.nextInt(config.products()));
            if (transfer(p, STORES[a], STORES[b], 1 + random.nextInt(3))) {
                counters.transfers++;
            } else {
                counters.transfersRefused++;
            }
        }
        scheduler.after(gap(config.posSalesPerSecond()), this::posTick);
    }

    /** A store asks the logistics centre for stock; fulfilled by a transfer, or refused when it has too little. */
    private void restockRequest(LocationId store, ProductId product) {
        int qty = 10 + random.nextInt(11);
        if (inventory.available(product, LOGISTICS) >= qty && transfer(product, LOGISTICS, store, qty)) {
            counters.restocksFulfilled++;
        } else {
            counters.restocksRefused++;
        }
    }

    private boolean transfer(ProductId product, LocationId from, LocationId to, int qty) {
        try {
            inventory.transfer(product, from, to, qty, "transfer");
        } catch (ComptoirException e) {
            if (e.kind() == ComptoirException.Kind.CONFLICT) {
                return false;
            }
            throw e;
        }
        ledger.transferred(product, from, to, qty);
        return true;
    }

    private boolean tryApply(StockDelta delta, String reference) {
        try {
            inventory.apply(List.of(delta), reference);
            return true;
        } catch (ComptoirException e) {
            if (e.kind() == ComptoirException.Kind.CONFLICT) {
                return false;
            }
            throw e;
        }
    }

    /** Supplier deliveries: the logistics centre and the fulfilment store are topped up when low. */
    private void replenish() {
        for (int p = 1; p <= config.products(); p++) {
            ProductId product = ProductId.of(p);
            topUp(product, LOGISTICS, config.initialStock() * 2L);
            topUp(product, FULFILMENT, isHot(p) ? config.hotStock() : config.initialStock());
        }
        scheduler.after(config.replenishEverySeconds() * 1000L, this::replenish);
    }

    private void topUp(ProductId product, LocationId location, long target) {
        long available = inventory.available(product, location);
        if (target > 0 && available < target / 2) {
            long qty = target - available;
            inventory.receive(product, location, qty, "supplier-delivery");
            ledger.add(StockKey.of(product, location), StockLedger.RESTOCK, qty);
            counters.supplierDeliveries++;
        }
    }

    /** The head office reads stock per store during the run (the reports of the store side). */
    private void headOfficeReport() {
        long units = 0;
        for (LocationId store : STORES) {
            for (StockLevel level : inventory.levelsAt(store)) {
                units += level.onHand();
            }
        }
        counters.reports++;
        counters.lastReportUnits = units;
        scheduler.after(config.reportEverySeconds() * 1000L, this::headOfficeReport);
    }

    private void expireReservations() {
        counters.expiredReservations += inventory.expireDue().size();
        if (++expiryRounds % 10 == 0) {
            inventoryStore.forgetClosedBefore(clock.instant().minus(Duration.ofMinutes(15)));
        }
        scheduler.after(60_000, this::expireReservations);
    }

    /** The projection runner polls the event store every 5 virtual seconds (and may crash first). */
    private void pollProjections() {
        salesView.poll(config.projectionCrashRate());
        scheduler.after(5_000, this::pollProjections);
    }

    // ------------------------------------------------------------------ checks

    private void periodicCheck() {
        checkStockConservation();
        scheduler.after(config.checkEverySeconds() * 1000L, this::periodicCheck);
    }

    private void checkStockConservation() {
        long rows = 0;
        for (Map.Entry<StockKey, long[]> e : ledger.rows().entrySet()) {
            long expected = StockLedger.expected(e.getValue());
            long actual = inventoryStore.level(e.getKey()).map(StockLevel::onHand).orElse(0L);
            rows++;
            if (expected == actual) {
                checker.pass(Checker.STOCK_CONSERVATION);
            } else {
                checker.failed(Checker.STOCK_CONSERVATION, "product " + e.getKey().product() + " at location "
                        + e.getKey().location() + ": " + StockLedger.describe(e.getValue()) + " but on hand is " + actual);
            }
        }
        checker.detail(Checker.STOCK_CONSERVATION, rows + " product×location rows; initial "
                + ledger.total(StockLedger.INITIAL) + " + restocks " + ledger.total(StockLedger.RESTOCK) + " + returns "
                + ledger.total(StockLedger.RETURN) + " + transfers in " + ledger.total(StockLedger.TRANSFER_IN)
                + " − sales " + ledger.total(StockLedger.SALE) + " − confirmed " + ledger.total(StockLedger.CONFIRMED)
                + " − transfers out " + ledger.total(StockLedger.TRANSFER_OUT));
    }

    private void finalChecks() {
        checkStockConservation();
        List<StockKey> bad = inventory.verifyJournal();
        checker.check(Checker.INVENTORY_JOURNAL, bad.isEmpty(), "journal disagrees with stock for " + bad);
        checker.detail(Checker.INVENTORY_JOURNAL, inventoryStore.journalSize() + " journal rows re-summed");

        long reserved = 0;
        long openRows = 0;
        for (StockLevel level : inventory.allLevels()) {
            reserved += level.reserved();
            if (level.reserved() > 0) {
                openRows++;
            }
        }
        checker.check(Checker.NO_OPEN_RESERVATION, reserved == 0,
                reserved + " units still reserved on " + openRows + " rows after every saga ended");
        checker.detail(Checker.NO_OPEN_RESERVATION, reserved + " units reserved at the end");

        Map<SagaState, Long> counts = sagaStorage.countByState();
        long active = counts.getOrDefault(SagaState.RUNNING, 0L) + counts.getOrDefault(SagaState.COMPENSATING, 0L);
        long stuckNow = counts.getOrDefault(SagaState.STUCK, 0L);
        String firstActive = java.util.stream.Stream.of(SagaState.RUNNING, SagaState.COMPENSATING, SagaState.STUCK)
                .flatMap(state -> sagaStorage.findByState(state, 1).stream()).findFirst()
                .map(r -> "saga " + r.id() + " is " + r.state() + " at step " + r.stepIndex()
                        + (r.failure() == null ? "" : " (" + r.failure() + ")"))
                .orElse("");
        checker.check(Checker.SAGAS_TERMINAL, active == 0 && stuckNow == 0, firstActive);
        checker.detail(Checker.SAGAS_TERMINAL, started + " started, " + completed + " completed, " + compensated
                + " compensated, " + stuckNow + " stuck, " + active + " active");

        checker.detail(Checker.COMPENSATION_RESTORED, compensated + " compensated orders settled");
        checker.detail(Checker.CHARGED_ONCE, completed + " completed orders settled");

        long net = paymentRepository.capturedCents() - paymentRepository.refundedCents();
        checker.check(Checker.MONEY_BALANCE, net == completedCents, "payments " + cents(paymentRepository.capturedCents())
                + " − refunds " + cents(paymentRepository.refundedCents()) + " = " + cents(net)
                + " but completed orders total " + cents(completedCents));
        checker.detail(Checker.MONEY_BALANCE, "payments " + cents(paymentRepository.capturedCents()) + " − refunds "
                + cents(paymentRepository.refundedCents()) + " = completed orders " + cents(completedCents)
                + " (claim refunds, paid by the refund saga: " + cents(claims.refundedCents()) + ")");

        claims.check(checker);
        salesView.check(checker);
        checker.detail(Checker.PROJECTIONS_MATCH, "claims read model and sales-by-store (" + salesView.appended()
                + " events, " + salesView.crashes() + " runner crashes and rebuilds) compared with a fresh replay");
    }

    // ------------------------------------------------------------------ result

    private SimulationResult result(double wallSeconds) {
        Map<String, Long> figures = counters.asMap();
        figures.putAll(claims.counters());
        figures.put("salesEvents", salesView.appended());
        figures.put("projectionCrashes", salesView.crashes());
        figures.put("sagaRuntimes", (long) runtimes);
        figures.put("stepBoundaries", boundaries);
        figures.put("schedulerEvents", scheduler.executed());
        return new SimulationResult(config, "memory", started, completed, compensated, started - completed - compensated,
                causes, figures, latency.percentile(0.50), latency.percentile(0.95), latency.percentile(0.99),
                latency.buckets(), samples, checker.results(), checker.firstFailure(), stateHash(),
                clock.elapsedMillis() / 1000.0, wallSeconds, crashedAt);
    }

    private String stateHash() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            ByteBuffer buf = ByteBuffer.allocate(64);
            for (StockLevel level : inventory.allLevels()) {
                buf.clear();
                buf.putLong(level.product().value()).putInt(level.location().value()).putLong(level.onHand())
                        .putLong(level.reserved());
                sha.update(buf.array(), 0, buf.position());
            }
            buf.clear();
            buf.putLong(outcomeDigest).putLong(started).putLong(completed).putLong(compensated).putLong(stuck)
                    .putLong(paymentRepository.capturedCents()).putLong(paymentRepository.refundedCents());
            sha.update(buf.array(), 0, buf.position());
            sha.update(causes.toString().getBytes(StandardCharsets.UTF_8));
            sha.update(counters.asMap().toString().getBytes(StandardCharsets.UTF_8));
            sha.update(claims.digest().getBytes(StandardCharsets.UTF_8));
            sha.update(salesView.digest().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw SimulationException.runFailed("SHA-256 is missing from this JVM", e);
        }
    }

    private static long mix(long h, long v) {
        long x = h ^ (v * 0x9E3779B97F4A7C15L);
        x ^= x >>> 31;
        x *= 0xBF58476D1CE4E5B9L;
        return x ^ (x >>> 29);
    }

    private static String cents(long cents) {
        return Money.ofCents(cents).toString();
    }

    /** Figures of the store side and of the faults. */
    private static final class Counters extends StoreCounters {
        long crashes;
        long slowReplies;

        Map<String, Long> asMap() {
            Map<String, Long> m = new LinkedHashMap<>();
            putInto(m);
            m.put("runtimeCrashes", crashes);
            m.put("slowPaymentReplies", slowReplies);
            return m;
        }
    }
}
