package dev.comptoir.core.restock;

import dev.comptoir.saga.VirtualClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.catalog.CatalogService;
import dev.comptoir.core.catalog.ProductId;
import dev.comptoir.core.inventory.InventoryService;
import dev.comptoir.core.inventory.JournalTotals;
import dev.comptoir.core.inventory.MovementKind;
import dev.comptoir.core.location.LocationId;
import dev.comptoir.core.location.Locations;
import dev.comptoir.core.memory.InMemoryCatalogStore;
import dev.comptoir.core.memory.InMemoryInventoryStore;
import dev.comptoir.core.seed.SeedData;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract (TCK) of {@link RestockStore}, exercised through {@link RestockService} over the seed data. */
public abstract class RestockStoreContractTest {
    protected static final LocationId STORE = Locations.SHERBROOKE;
    protected static final LocationId CENTRE = Locations.LOGISTICS_CENTRE;
    protected static final ProductId AIRPODS = ProductId.of(3);

    protected VirtualClock clock;
    protected InventoryService inventory;
    protected RestockService restock;

    /** A fresh, empty store. */
    protected abstract RestockStore createStore();

    @BeforeEach
    void setUpRestock() {
        clock = VirtualClock.at("2026-03-02T14:00:00Z");
        CatalogService catalog = new CatalogService(new InMemoryCatalogStore(), clock);
        inventory = new InventoryService(new InMemoryInventoryStore(), clock);
        SeedData.load(catalog, inventory, SeedData.DEFAULT_SEED);
        restock = new RestockService(createStore(), catalog, inventory, clock);
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
    void request_fromStore_isPendingWithHistory() {
        RestockRequest r = restock.request(STORE, AIRPODS, 10, "rupture");

        assertThat(r.status()).isEqualTo(RestockStatus.PENDING);
        assertThat(r.supplier()).isEqualTo(CENTRE);
        assertThat(r.history()).singleElement().satisfies(c -> {
            assertThat(c.from()).isEmpty();
            assertThat(c.to()).isEqualTo(RestockStatus.PENDING);
        });
        assertThat(restock.require(r.id())).isEqualTo(r);
        assertThat(restock.pending()).containsExactly(r);
    }

    @Test
    void request_badInput_isRefused() {
        assertThat(kindOf(() -> restock.request(CENTRE, AIRPODS, 1, ""))).isEqualTo(ComptoirException.Kind.INVALID_INPUT);
        assertThat(kindOf(() -> restock.request(STORE, AIRPODS, 0, ""))).isEqualTo(ComptoirException.Kind.INVALID_INPUT);
        assertThat(kindOf(() -> restock.request(STORE, ProductId.of(99), 1, ""))).isEqualTo(ComptoirException.Kind.NOT_FOUND);
        assertThat(restock.requests(RestockQuery.all())).isEmpty();
    }

    @Test
    void approve_full_movesStockRecordsTransferAndDelivers() {
        long store = inventory.available(AIRPODS, STORE);
        RestockRequest r = restock.request(STORE, AIRPODS, 10, "");
        clock.advance(Duration.ofMinutes(3));

        RestockRequest done = restock.approve(r.id());

        assertThat(done.status()).isEqualTo(RestockStatus.DELIVERED);
        assertThat(done.approvedQuantity()).isEqualTo(10);
        assertThat(done.isPartial()).isFalse();
        assertThat(done.history()).extracting(StatusChange::to)
                .containsExactly(RestockStatus.PENDING, RestockStatus.APPROVED, RestockStatus.DELIVERED);
        assertThat(done.processedAt()).contains(clock.instant());
        assertThat(restock.require(r.id())).isEqualTo(done);
        assertThat(inventory.available(AIRPODS, CENTRE)).isEqualTo(90);
        assertThat(inventory.available(AIRPODS, STORE)).isEqualTo(store + 10);
        assertThat(restock.transfers(Optional.of(STORE))).singleElement().satisfies(t -> {
            assertThat(t.id()).isEqualTo(done.transfer().orElseThrow());
            assertThat(t.source()).isEqualTo(CENTRE);
            assertThat(t.quantity()).isEqualTo(10);
            assertThat(t.request()).contains(r.id());
        });
        assertThat(inventory.store().journalTotals(MovementKind.TRANSFER_OUT, CENTRE)).isEqualTo(new JournalTotals(1, -10, 0));
        assertThat(restock.pending()).isEmpty();
    }

    @Test
    void approve_fewerUnits_isPartialFulfilment() {
        RestockRequest r = restock.request(STORE, AIRPODS, 10, "");

        RestockRequest done = restock.approve(r.id(), 4, "partiel");

        assertThat(done.status()).isEqualTo(RestockStatus.DELIVERED);
        assertThat(done.approvedQuantity()).isEqualTo(4);
        assertThat(done.isPartial()).isTrue();
        assertThat(inventory.available(AIRPODS, CENTRE)).isEqualTo(96);
    }

    @Test
    void approve_centreLacksStock_throwsConflictAndStaysPending() {
        RestockRequest r = restock.request(STORE, AIRPODS, 150, "");

        assertThatThrownBy(() -> restock.approve(r.id()))
                .isInstanceOf(ComptoirException.class)
                .satisfies(e -> assertThat(((ComptoirException) e).field()).isEqualTo("stock"));
        assertThat(restock.require(r.id()).status()).isEqualTo(RestockStatus.PENDING);
        assertThat(restock.require(r.id()).history()).hasSize(1);
        assertThat(inventory.available(AIRPODS, CENTRE)).isEqualTo(100);
        assertThat(restock.transfers(Optional.empty())).isEmpty();
    }

    @Test
    void approve_moreThanRequested_isInvalid() {
        RestockRequest r = restock.request(STORE, AIRPODS, 5, "");

        assertThat(kindOf(() -> restock.approve(r.id(), 6, ""))).isEqualTo(ComptoirException.Kind.INVALID_INPUT);
    }

    @Test
    void reject_pending_storesReason_andLaterTransitionsConflict() {
        RestockRequest r = restock.request(STORE, AIRPODS, 5, "");

        RestockRequest rejected = restock.reject(r.id(), "budget");

        assertThat(rejected.status()).isEqualTo(RestockStatus.REJECTED);
        assertThat(rejected.rejectionReason()).contains("budget");
        assertThat(restock.require(r.id())).isEqualTo(rejected);
        assertThat(kindOf(() -> restock.approve(r.id()))).isEqualTo(ComptoirException.Kind.CONFLICT);
        assertThat(kindOf(() -> restock.reject(r.id(), "again"))).isEqualTo(ComptoirException.Kind.CONFLICT);
        assertThat(kindOf(() -> restock.reject(r.id(), " "))).isEqualTo(ComptoirException.Kind.INVALID_INPUT);
    }

    @Test
    void approve_delivered_throwsConflict() {
        RestockRequest r = restock.request(STORE, AIRPODS, 5, "");
        restock.approve(r.id());

        assertThat(kindOf(() -> restock.approve(r.id()))).isEqualTo(ComptoirException.Kind.CONFLICT);
        assertThat(inventory.available(AIRPODS, CENTRE)).isEqualTo(95);
    }

    @Test
    void approve_concurrently_onlyOneWins() throws Exception {
        RestockRequest r = restock.request(STORE, AIRPODS, 5, "");
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger wins = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        restock.approve(r.id());
                        wins.incrementAndGet();
                    } catch (ComptoirException e) {
                        assertThat(e.kind()).isEqualTo(ComptoirException.Kind.CONFLICT);
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

        assertThat(wins.get()).isEqualTo(1);
        assertThat(inventory.available(AIRPODS, CENTRE)).isEqualTo(95);
        assertThat(restock.transfers(Optional.empty())).hasSize(1);
    }

    @Test
    void transferBetweenStores_movesStockAndRecordsTransfer() {
        LocationId other = Locations.GATINEAU;
        inventory.receive(AIRPODS, STORE, 10, "r");
        long from = inventory.available(AIRPODS, STORE);
        long to = inventory.available(AIRPODS, other);

        Transfer t = restock.transferBetweenStores(STORE, other, AIRPODS, 4);

        assertThat(inventory.available(AIRPODS, STORE)).isEqualTo(from - 4);
        assertThat(inventory.available(AIRPODS, other)).isEqualTo(to + 4);
        assertThat(t.request()).isEmpty();
        assertThat(restock.transfers(Optional.of(other))).containsExactly(t);
    }

    @Test
    void transferBetweenStores_shortOrNotStores_isRefused() {
        long from = inventory.available(AIRPODS, STORE);

        assertThat(kindOf(() -> restock.transferBetweenStores(STORE, Locations.GATINEAU, AIRPODS, from + 1)))
                .isEqualTo(ComptoirException.Kind.CONFLICT);
        assertThat(kindOf(() -> restock.transferBetweenStores(STORE, CENTRE, AIRPODS, 1)))
                .isEqualTo(ComptoirException.Kind.INVALID_INPUT);
        assertThat(kindOf(() -> restock.transferBetweenStores(STORE, STORE, AIRPODS, 1)))
                .isEqualTo(ComptoirException.Kind.INVALID_INPUT);
        assertThat(restock.transfers(Optional.empty())).isEmpty();
        assertThat(inventory.available(AIRPODS, STORE)).isEqualTo(from);
    }

    @Test
    void requests_filterByStatusAndRequester() {
        RestockRequest a = restock.request(STORE, AIRPODS, 1, "");
        RestockRequest b = restock.request(Locations.QUEBEC, AIRPODS, 1, "");
        restock.reject(b.id(), "non");

        assertThat(restock.requests(RestockQuery.all())).extracting(RestockRequest::id).containsExactly(a.id(), b.id());
        assertThat(restock.requests(RestockQuery.all().withStatus(RestockStatus.REJECTED)))
                .extracting(RestockRequest::id).containsExactly(b.id());
        assertThat(restock.requests(RestockQuery.all().from(STORE))).extracting(RestockRequest::id).containsExactly(a.id());
    }
}
