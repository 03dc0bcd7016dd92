package dev.comptoir.core.inventory;

import dev.comptoir.saga.VirtualClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.catalog.ProductId;
import dev.comptoir.core.location.LocationId;
import dev.comptoir.core.location.Locations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contract (TCK) of {@link InventoryStore}: every adapter passes these through {@link InventoryService}.
 * Subclass it and return a fresh, empty store from {@link #createStore()}.
 */
public abstract class InventoryStoreContractTest {
    protected static final ProductId P1 = ProductId.of(1);
    protected static final ProductId P2 = ProductId.of(2);
    protected static final LocationId STORE = Locations.MONTREAL_CENTRE;
    protected static final LocationId OTHER = Locations.QUEBEC;
    protected static final LocationId CENTRE = Locations.LOGISTICS_CENTRE;

    protected VirtualClock clock;
    protected InventoryStore store;
    protected InventoryService inventory;

    /** A fresh store with no stock, no reservations and an empty journal. */
    protected abstract InventoryStore createStore();

    /** Called after each test to release what {@link #createStore()} opened. */
    protected void closeStore(InventoryStore store) {}

    @BeforeEach
    void setUpInventory() {
        clock = VirtualClock.at("2026-03-02T14:00:00Z");
        store = createStore();
        inventory = new InventoryService(store, clock);
    }

    @AfterEach
    void tearDownInventory() {
        closeStore(store);
    }

    private static ReservationLine line(ProductId p, LocationId l, long q) {
        return ReservationLine.of(p, l, q);
    }

    private static ReservationId rid(String s) {
        return ReservationId.of(s);
    }

    private static ComptoirException.Kind kindOf(Runnable r) {
        try {
            r.run();
        } catch (ComptoirException e) {
            return e.kind();
        }
        return null;
    }

    @Test
    void receive_newRow_createsStockAndJournal() {
        inventory.receive(P1, STORE, 10, "po-1");

        StockLevel level = inventory.level(P1, STORE).orElseThrow();
        assertThat(level.onHand()).isEqualTo(10);
        assertThat(level.reserved()).isZero();
        assertThat(level.available()).isEqualTo(10);
        assertThat(inventory.movements(P1, STORE, 10)).singleElement()
                .satisfies(m -> {
                    assertThat(m.kind()).isEqualTo(MovementKind.RECEIPT);
                    assertThat(m.onHandDelta()).isEqualTo(10);
                    assertThat(m.reference()).isEqualTo("po-1");
                    assertThat(m.at()).isEqualTo(clock.instant());
                });
    }

    @Test
    void track_setsThresholdWithoutStock() {
        inventory.track(P1, STORE, 7);
        inventory.track(P1, STORE, 4);

        StockLevel level = inventory.level(P1, STORE).orElseThrow();
        assertThat(level.onHand()).isZero();
        assertThat(level.alertThreshold()).isEqualTo(4);
        assertThat(inventory.lowStockAt(STORE)).extracting(StockLevel::key).containsExactly(StockKey.of(P1, STORE));
    }

    @Test
    void lowStock_availableAtOrBelowThreshold_isReported() {
        inventory.track(P1, STORE, 5);
        inventory.track(P2, STORE, 5);
        inventory.receive(P1, STORE, 5, "r");
        inventory.receive(P2, STORE, 6, "r");

        assertThat(inventory.lowStock()).extracting(StockLevel::product).containsExactly(P1);
        inventory.reserve(rid("r1"), "c", List.of(line(P2, STORE, 1)));
        assertThat(inventory.lowStock()).extracting(StockLevel::product).containsExactly(P1, P2);
    }

    @Test
    void adjust_negativeBeyondAvailable_throwsConflictAndWritesNothing() {
        inventory.receive(P1, STORE, 3, "r");
        inventory.reserve(rid("r1"), "c", List.of(line(P1, STORE, 2)));

        assertThatThrownBy(() -> inventory.adjust(P1, STORE, -2, "breakage"))
                .isInstanceOf(ComptoirException.class)
                .extracting(e -> ((ComptoirException) e).field()).isEqualTo("stock");
        inventory.adjust(P1, STORE, -1, "breakage");
        assertThat(inventory.level(P1, STORE).orElseThrow().onHand()).isEqualTo(2);
        assertThat(inventory.movements(P1, STORE, 10)).extracting(Movement::kind)
                .containsExactly(MovementKind.RECEIPT, MovementKind.RESERVATION, MovementKind.ADJUSTMENT);
    }

    @Test
    void adjust_withoutReason_isInvalid() {
        assertThat(kindOf(() -> inventory.adjust(P1, STORE, 2, " "))).isEqualTo(ComptoirException.Kind.INVALID_INPUT);
    }

    @Test
    void apply_oneLineShort_writesNoLine() {
        inventory.receive(P1, STORE, 5, "r");
        inventory.receive(P2, STORE, 1, "r");

        assertThatThrownBy(() -> inventory.apply(List.of(
                StockDelta.of(P1, STORE, MovementKind.SALE, -2),
                StockDelta.of(P2, STORE, MovementKind.SALE, -2)), "sale-1"))
                .isInstanceOf(ComptoirException.class)
                .hasMessageContaining("product 2");
        assertThat(inventory.available(P1, STORE)).isEqualTo(5);
        assertThat(inventory.available(P2, STORE)).isEqualTo(1);
        assertThat(inventory.movements(P1, STORE, 10)).hasSize(1);
    }

    @Test
    void apply_sameRowTwice_checksTheSum() {
        inventory.receive(P1, STORE, 3, "r");

        assertThat(kindOf(() -> inventory.apply(List.of(
                StockDelta.of(P1, STORE, MovementKind.SALE, -2),
                StockDelta.of(P1, STORE, MovementKind.SALE, -2)), "sale-1"))).isEqualTo(ComptoirException.Kind.CONFLICT);
        inventory.apply(List.of(StockDelta.of(P1, STORE, MovementKind.SALE, -2),
                StockDelta.of(P1, STORE, MovementKind.SALE, -1)), "sale-2");
        assertThat(inventory.available(P1, STORE)).isZero();
    }

    @Test
    void apply_saleOnUnknownRow_throwsInsufficientStock() {
        assertThat(kindOf(() -> inventory.apply(List.of(StockDelta.of(P1, STORE, MovementKind.SALE, -1)), "s")))
                .isEqualTo(ComptoirException.Kind.CONFLICT);
        assertThat(inventory.level(P1, STORE)).isEmpty();
    }

    @Test
    void transfer_movesStockAndJournalsBothSides() {
        inventory.receive(P1, CENTRE, 100, "init");

        inventory.transfer(P1, CENTRE, STORE, 30, "transfer-1");

        assertThat(inventory.available(P1, CENTRE)).isEqualTo(70);
        assertThat(inventory.available(P1, STORE)).isEqualTo(30);
        assertThat(store.journalTotals(MovementKind.TRANSFER_OUT, CENTRE))
                .isEqualTo(new JournalTotals(1, -30, 0));
        assertThat(store.journalTotals(MovementKind.TRANSFER_IN, STORE))
                .isEqualTo(new JournalTotals(1, 30, 0));
    }

    @Test
    void transfer_sourceShort_throwsConflictAndMovesNothing() {
        inventory.receive(P1, CENTRE, 10, "init");

        assertThat(kindOf(() -> inventory.transfer(P1, CENTRE, STORE, 11, "t"))).isEqualTo(ComptoirException.Kind.CONFLICT);
        assertThat(inventory.available(P1, CENTRE)).isEqualTo(10);
        assertThat(inventory.level(P1, STORE)).isEmpty();
    }

    @Test
    void transfer_sameLocation_isInvalid() {
        assertThat(kindOf(() -> inventory.transfer(P1, STORE, STORE, 1, "t"))).isEqualTo(ComptoirException.Kind.INVALID_INPUT);
    }

    @Test
    void reserve_enoughStock_holdsUnitsUntilTtl() {
        inventory.receive(P1, STORE, 10, "r");

        ReservationOutcome out = inventory.reserve(rid("saga-1"), "customer-4", List.of(line(P1, STORE, 3)));

        assertThat(out).isInstanceOf(ReservationOutcome.Applied.class);
        Reservation r = out.reservation();
        assertThat(r.status()).isEqualTo(ReservationStatus.ACTIVE);
        assertThat(r.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));
        StockLevel level = inventory.level(P1, STORE).orElseThrow();
        assertThat(level.reserved()).isEqualTo(3);
        assertThat(level.available()).isEqualTo(7);
        assertThat(inventory.reservation(rid("saga-1"))).isEqualTo(r);
    }

    @Test
    void reserve_oneLineShort_reservesNothing() {
        inventory.receive(P1, STORE, 10, "r");
        inventory.receive(P2, STORE, 1, "r");

        assertThatThrownBy(() -> inventory.reserve(rid("saga-1"), "c",
                List.of(line(P1, STORE, 3), line(P2, STORE, 2))))
                .isInstanceOf(ComptoirException.class)
                .hasMessageContaining("available 1, requested 2");
        assertThat(inventory.available(P1, STORE)).isEqualTo(10);
        assertThat(store.reservation(rid("saga-1"))).isEmpty();
        assertThat(store.journalTotals(MovementKind.RESERVATION, STORE)).isEqualTo(JournalTotals.EMPTY);
    }

    @Test
    void reserve_sameIdSameLines_returnsExistingUnchanged() {
        inventory.receive(P1, STORE, 10, "r");
        Reservation first = inventory.reserve(rid("saga-1"), "c", List.of(line(P1, STORE, 3))).reservation();
        clock.advance(Duration.ofSeconds(5));

        ReservationOutcome again = inventory.reserve(rid("saga-1"), "c", List.of(line(P1, STORE, 3)));

        assertThat(again).isInstanceOf(ReservationOutcome.Unchanged.class);
        assertThat(again.reservation()).isEqualTo(first);
        assertThat(inventory.level(P1, STORE).orElseThrow().reserved()).isEqualTo(3);
    }

    @Test
    void reserve_sameIdOtherLines_throwsConflict() {
        inventory.receive(P1, STORE, 10, "r");
        inventory.reserve(rid("saga-1"), "c", List.of(line(P1, STORE, 3)));

        assertThatThrownBy(() -> inventory.reserve(rid("saga-1"), "c", List.of(line(P1, STORE, 4))))
                .isInstanceOf(ComptoirException.class)
                .extracting(e -> ((ComptoirException) e).field()).isEqualTo("reservation_id");
        assertThat(inventory.level(P1, STORE).orElseThrow().reserved()).isEqualTo(3);
    }

    @Test
    void reserve_multiLineSameRow_reservesTheSum() {
        inventory.receive(P1, STORE, 5, "r");

        inventory.reserve(rid("s"), "c", List.of(line(P1, STORE, 2), line(P1, STORE, 3)));

        assertThat(inventory.available(P1, STORE)).isZero();
        assertThat(inventory.reservation(rid("s")).lines()).hasSize(2);
        inventory.release(rid("s"));
        assertThat(inventory.available(P1, STORE)).isEqualTo(5);
    }

    @Test
    void reserve_noLines_isInvalid() {
        assertThat(kindOf(() -> inventory.reserve(rid("s"), "c", List.of()))).isEqualTo(ComptoirException.Kind.INVALID_INPUT);
    }

    @Test
    void confirm_active_takesUnitsOffStock() {
        inventory.receive(P1, STORE, 10, "r");
        inventory.reserve(rid("s"), "c", List.of(line(P1, STORE, 3)));
        clock.advance(Duration.ofSeconds(1));

        ReservationOutcome out = inventory.confirm(rid("s"));

        assertThat(out).isInstanceOf(ReservationOutcome.Applied.class);
        assertThat(out.reservation().status()).isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(out.reservation().closedAt()).isEqualTo(clock.instant());
        StockLevel level = inventory.level(P1, STORE).orElseThrow();
        assertThat(level.onHand()).isEqualTo(7);
        assertThat(level.reserved()).isZero();
        assertThat(inventory.reservation(rid("s")).status()).isEqualTo(ReservationStatus.CONFIRMED);
    }

    @Test
    void confirm_twice_isUnchangedNoOp() {
        inventory.receive(P1, STORE, 10, "r");
        inventory.reserve(rid("s"), "c", List.of(line(P1, STORE, 3)));
        inventory.confirm(rid("s"));

        ReservationOutcome again = inventory.confirm(rid("s"));

        assertThat(again).isInstanceOf(ReservationOutcome.Unchanged.class);
        assertThat(again.reservation().status()).isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(inventory.level(P1, STORE).orElseThrow().onHand()).isEqualTo(7);
    }

    @Test
    void confirm_afterRelease_throwsConflict() {
        inventory.receive(P1, STORE, 10, "r");
        inventory.reserve(rid("s"), "c", List.of(line(P1, STORE, 3)));
        inventory.release(rid("s"));

        assertThatThrownBy(() -> inventory.confirm(rid("s")))
                .isInstanceOf(ComptoirException.class)
                .extracting(e -> ((ComptoirException) e).kind()).isEqualTo(ComptoirException.Kind.CONFLICT);
        assertThat(inventory.level(P1, STORE).orElseThrow().onHand()).isEqualTo(10);
    }

    @Test
    void release_active_givesUnitsBack_andTwiceIsNoOp() {
        inventory.receive(P1, STORE, 10, "r");
        inventory.reserve(rid("s"), "c", List.of(line(P1, STORE, 3)));

        assertThat(inventory.release(rid("s"))).isInstanceOf(ReservationOutcome.Applied.class);
        assertThat(inventory.release(rid("s"))).isInstanceOf(ReservationOutcome.Unchanged.class)
                .extracting(ReservationOutcome::reservation, InstanceOfAssertFactories.type(Reservation.class))
                .extracting(Reservation::status).isEqualTo(ReservationStatus.RELEASED);
        assertThat(inventory.level(P1, STORE).orElseThrow().available()).isEqualTo(10);
        assertThat(store.journalTotals(MovementKind.RELEASE, STORE)).isEqualTo(new JournalTotals(1, 0, -3));
    }

    @Test
    void release_afterConfirm_throwsConflict() {
        inventory.receive(P1, STORE, 10, "r");
        inventory.reserve(rid("s"), "c", List.of(line(P1, STORE, 3)));
        inventory.confirm(rid("s"));

        assertThat(kindOf(() -> inventory.release(rid("s")))).isEqualTo(ComptoirException.Kind.CONFLICT);
        assertThat(inventory.level(P1, STORE).orElseThrow().onHand()).isEqualTo(7);
    }

    @Test
    void confirmAndRelease_unknownId_throwNotFound() {
        assertThat(kindOf(() -> inventory.confirm(rid("nope")))).isEqualTo(ComptoirException.Kind.NOT_FOUND);
        assertThat(kindOf(() -> inventory.release(rid("nope")))).isEqualTo(ComptoirException.Kind.NOT_FOUND);
        assertThat(kindOf(() -> inventory.reservation(rid("nope")))).isEqualTo(ComptoirException.Kind.NOT_FOUND);
    }

    @Test
    void expireDue_releasesOnlyExpiredActiveReservations() {
        inventory.receive(P1, STORE, 10, "r");
        inventory.reserve(rid("old"), "c", List.of(line(P1, STORE, 2)));
        inventory.reserve(rid("confirmed"), "c", List.of(line(P1, STORE, 1)));
        inventory.confirm(rid("confirmed"));
        clock.advance(Duration.ofMinutes(5));
        inventory.reserve(rid("young"), "c", List.of(line(P1, STORE, 3)));

        assertThat(inventory.expireDue()).isEmpty();
        clock.advance(Duration.ofMinutes(5));
        List<Reservation> expired = inventory.expireDue();

        assertThat(expired).extracting(Reservation::id).containsExactly(rid("old"));
        assertThat(expired.get(0).status()).isEqualTo(ReservationStatus.EXPIRED);
        assertThat(inventory.reservation(rid("old")).status()).isEqualTo(ReservationStatus.EXPIRED);
        assertThat(inventory.reservation(rid("young")).status()).isEqualTo(ReservationStatus.ACTIVE);
        assertThat(inventory.level(P1, STORE).orElseThrow().reserved()).isEqualTo(3);
        assertThat(store.journalTotals(MovementKind.EXPIRY, STORE)).isEqualTo(new JournalTotals(1, 0, -2));
        assertThat(inventory.expireDue()).isEmpty();
        assertThat(kindOf(() -> inventory.confirm(rid("old")))).isEqualTo(ComptoirException.Kind.CONFLICT);
        assertThat(inventory.release(rid("old"))).isInstanceOf(ReservationOutcome.Unchanged.class);
    }

    @Test
    void journal_afterMixedOperations_recomputesState() {
        inventory.receive(P1, STORE, 20, "r");
        inventory.receive(P2, CENTRE, 50, "r");
        inventory.transfer(P2, CENTRE, STORE, 10, "t");
        inventory.reserve(rid("a"), "c", List.of(line(P1, STORE, 4), line(P2, STORE, 2)));
        inventory.reserve(rid("b"), "c", List.of(line(P1, STORE, 1)));
        inventory.confirm(rid("a"));
        inventory.apply(List.of(StockDelta.of(P1, STORE, MovementKind.SALE, -5)), "sale");
        inventory.apply(List.of(StockDelta.of(P1, STORE, MovementKind.RETURN, 2)), "return");
        inventory.adjust(P2, CENTRE, -3, "count");

        assertThat(inventory.verifyJournal()).isEmpty();
        assertThat(store.recomputeFromJournal().get(StockKey.of(P1, STORE)))
                .isEqualTo(new JournalTotals(6, 13, 1));
        assertThat(inventory.level(P1, STORE).orElseThrow().onHand()).isEqualTo(13);
        assertThat(inventory.levelsAt(STORE)).extracting(StockLevel::product).containsExactly(P1, P2);
        assertThat(inventory.allLevels()).hasSize(3);
    }

    @Test
    void reserve_concurrentOnScarceProduct_neverOversells() throws Exception {
        inventory.receive(P1, STORE, 10, "r");
        int threads = 8;
        int attemptsPerThread = 5;
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger granted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < attemptsPerThread; i++) {
                        try {
                            inventory.reserve(rid("t" + thread + "-" + i), "c", List.of(line(P1, STORE, 1)));
                            granted.incrementAndGet();
                        } catch (ComptoirException e) {
                            assertThat(e.field()).isEqualTo("stock");
                            refused.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(granted.get()).isEqualTo(10);
        assertThat(refused.get()).isEqualTo(threads * attemptsPerThread - 10);
        StockLevel level = inventory.level(P1, STORE).orElseThrow();
        assertThat(level.reserved()).isEqualTo(10);
        assertThat(level.available()).isZero();
        assertThat(inventory.verifyJournal()).isEmpty();
    }
}
