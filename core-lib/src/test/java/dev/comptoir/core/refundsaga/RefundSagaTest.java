package dev.comptoir.core.refundsaga;

import static org.assertj.core.api.Assertions.assertThat;

import dev.comptoir.core.catalog.ProductId;
import dev.comptoir.core.claim.Claim;
import dev.comptoir.core.claim.ClaimId;
import dev.comptoir.core.claim.ClaimType;
import dev.comptoir.core.claim.NewClaim;
import dev.comptoir.core.claimsourcing.ClaimEnvelope;
import dev.comptoir.core.claimsourcing.ClaimsModule;
import dev.comptoir.core.inventory.InventoryService;
import dev.comptoir.core.location.Locations;
import dev.comptoir.core.memory.InMemoryInventoryStore;
import dev.comptoir.core.memory.InMemoryRefundRepository;
import dev.comptoir.core.refund.ClaimRefund;
import dev.comptoir.core.refund.RefundStatus;
import dev.comptoir.eventstore.EventMetadata;
import dev.comptoir.eventstore.EventStore;
import dev.comptoir.eventstore.ExpectedVersion;
import dev.comptoir.eventstore.bus.DeliveryPolicies;
import dev.comptoir.eventstore.bus.MessageBuses;
import dev.comptoir.eventstore.projection.CheckResult;
import dev.comptoir.saga.VirtualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RefundSagaTest {
    private final VirtualClock clock = VirtualClock.at("2026-11-25T10:00:00Z");
    private final InventoryService inventory = new InventoryService(new InMemoryInventoryStore(), clock);

    private ClaimsModule module() {
        return ClaimsModule.inMemory(clock, new SplittableRandom(21), inventory, Locations.DEFAULT_FULFILMENT);
    }

    private static ClaimId resolved(ClaimsModule m, String customer, ClaimType type, String product) {
        Claim c = m.claims().create(new NewClaim(customer, type, "Produit défectueux", product), null);
        m.claims().assign(c.claimId(), "agent_1", null);
        m.claims().start(c.claimId(), null);
        m.claims().resolve(c.claimId(), "Remboursement accordé", null);
        return c.claimId();
    }

    private static List<String> types(ClaimsModule m, ClaimId id) {
        return m.claims().events(id).stream().map(ClaimEnvelope::eventType).toList();
    }

    @Test
    void refund_eligibleProduct_completesThroughAllParticipants() {
        ClaimsModule m = module();
        ClaimId id = resolved(m, "7", ClaimType.PRODUCT_DEFECT, "product_123");

        m.claims().requestRefund(id, "refund-1");
        m.runUntilIdle();

        ClaimRefund refund = m.refunds().findByClaim(id).orElseThrow();
        assertThat(refund.status()).isEqualTo(RefundStatus.COMPLETED);
        assertThat(refund.amount().amount()).isEqualByComparingTo("49.99");
        assertThat(refund.correlationId()).isEqualTo("refund-1");
        StockAdjustment adj = m.adjustments().findByClaim(id.toString()).orElseThrow();
        assertThat(adj.status()).isEqualTo("completed");
        assertThat(adj.newStockLevel()).isEqualTo(46);
        assertThat(types(m, id)).containsExactly("ReclamationCreee", "ReclamationAffectee", "ReclamationEnCours",
                "ReclamationResolue", "SagaRemboursementDemarree", "RemboursementCalcule", "StockMisAJour",
                "SagaRemboursementTerminee");
        assertThat(m.claims().events(id)).filteredOn(e -> e.eventType().startsWith("Saga") || e.eventType().startsWith("R")
                        && !e.eventType().startsWith("Reclamation"))
                .allMatch(e -> "refund-1".equals(e.correlationId()));
        assertThat(m.notifications().all()).filteredOn(n -> n.eventType().equals("StockMisAJour")).singleElement()
                .satisfies(n -> {
                    assertThat(n.recipient()).isEqualTo("customer_7@example.com");
                    assertThat(n.body()).contains("49.99");
                });
        assertThat(m.audit().byAggregate(id.toString())).hasSize(4);
        assertThat(m.projection().check()).isInstanceOf(CheckResult.Consistent.class);
        assertThat(m.readModel().claim(id.toString()).status()).isEqualTo("resolved");
    }

    @Test
    void refund_catalogueProduct_putsOneUnitBackThroughInventory() {
        inventory.receive(ProductId.of(3), Locations.DEFAULT_FULFILMENT, 10, "initial");
        ClaimsModule m = module();
        ClaimId id = resolved(m, "2", ClaimType.DELIVERY_ISSUE, "3");

        m.claims().requestRefund(id, "r-3");
        m.runUntilIdle();

        assertThat(inventory.level(ProductId.of(3), Locations.DEFAULT_FULFILMENT).orElseThrow().onHand()).isEqualTo(11);
        assertThat(m.refunds().findByClaim(id).orElseThrow().status()).isEqualTo(RefundStatus.COMPLETED);
    }

    @Test
    void refund_ineligibleProduct_failsWithoutTouchingStock() {
        ClaimsModule m = module();
        ClaimId id = resolved(m, "7", ClaimType.PRODUCT_DEFECT, "product_non_eligible");

        m.claims().requestRefund(id, "refund-x");
        m.runUntilIdle();

        assertThat(m.refunds().findByClaim(id).orElseThrow().status()).isEqualTo(RefundStatus.FAILED);
        assertThat(types(m, id)).endsWith("SagaRemboursementDemarree", "RemboursementAnnule");
        assertThat(m.claims().events(id).getLast().data()).containsEntry("saga_step", "payment_calculation_failed");
        assertThat(m.adjustments().all()).isEmpty();
    }

    @Test
    void refund_inventoryFails_compensatesPaymentAndLeavesStock() {
        ClaimsModule m = module();
        m.faults(new RefundSagaFaults(0, 1.0));
        ClaimId id = resolved(m, "7", ClaimType.PRODUCT_DEFECT, "product_456");

        m.claims().requestRefund(id, "refund-c");
        m.runUntilIdle();

        assertThat(m.refunds().findByClaim(id).orElseThrow().status()).isEqualTo(RefundStatus.COMPENSATED);
        assertThat(types(m, id)).endsWith("RemboursementCalcule", "SagaRemboursementEchouee", "RemboursementAnnule");
        assertThat(m.claims().events(id).getLast().data()).containsEntry("saga_step", "payment_compensated");
        assertThat(m.adjustments().findByClaim(id.toString()).orElseThrow().status()).isEqualTo("failed");
        assertThat(types(m, id)).doesNotContain("StockMisAJour", "SagaRemboursementTerminee");
    }

    @Test
    void sagaFailedAfterStockAdjusted_removesTheUnitAgain() {
        ClaimsModule m = module();
        ClaimId id = resolved(m, "7", ClaimType.PRODUCT_DEFECT, "product_789");
        m.claims().requestRefund(id, "refund-late");
        m.runUntilIdle();
        assertThat(m.adjustments().find("refund-late").orElseThrow().newStockLevel()).isEqualTo(13);

        m.store().append(id.toString(), ExpectedVersion.any(), m.serializer().envelope(UUID.randomUUID(),
                new RefundSagaEvent.SagaRemboursementEchouee(id.toString(), "product_789", "late failure", clock.instant()),
                EventMetadata.of(clock.instant()).withCorrelationId("refund-late")));
        m.runUntilIdle();

        StockAdjustment adj = m.adjustments().find("refund-late").orElseThrow();
        assertThat(adj.status()).isEqualTo("compensated");
        assertThat(adj.newStockLevel()).isEqualTo(12);
        assertThat(m.refunds().findByClaim(id).orElseThrow().status()).isEqualTo(RefundStatus.COMPENSATED);
    }

    @Test
    void duplicateStart_sameCorrelationIdWithAnotherEventId_isIgnored() {
        ClaimsModule m = module();
        ClaimId id = resolved(m, "7", ClaimType.PRODUCT_DEFECT, "product_123");
        m.claims().requestRefund(id, "dup");
        m.store().append(id.toString(), ExpectedVersion.any(), m.serializer().envelope(UUID.randomUUID(),
                new RefundSagaEvent.SagaRemboursementDemarree(id.toString(), "7", "product_123", "product_defect", "d",
                        clock.instant()), EventMetadata.of(clock.instant()).withCorrelationId("dup")));

        m.runUntilIdle();

        assertThat(types(m, id)).filteredOn("RemboursementCalcule"::equals).hasSize(1);
        assertThat(types(m, id)).filteredOn("StockMisAJour"::equals).hasSize(1);
        assertThat(m.adjustments().all()).hasSize(1);
    }

    @Test
    void faultyBus_duplicatedWithheldReorderedDeliveries_haveExactlyOnceEffects() {
        EventStore store = EventStore.inMemory(clock);
        SplittableRandom faults = new SplittableRandom(99);
        ClaimsModule m = ClaimsModule.builder(store, new InMemoryRefundRepository()).clock(clock)
                .random(new SplittableRandom(5))
                .bus(MessageBuses.inMemory(clock, DeliveryPolicies.faulty(faults, 0.5, 0.2, 0.5), 100_000))
                .returnStock(CatalogueReturnStock.at(null, Locations.DEFAULT_FULFILMENT)).build();
        List<ClaimId> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ClaimId id = resolved(m, String.valueOf(i), ClaimType.PRODUCT_DEFECT, "product_002");
            m.claims().requestRefund(id, "refund-" + i);
            ids.add(id);
            m.pollOnce();
        }
        for (int round = 0; round < 20; round++) {
            m.runUntilIdle();
            clock.advance(Duration.ofSeconds(31)); // withheld messages become claimable
        }

        for (ClaimId id : ids) {
            assertThat(m.refunds().findByClaim(id).orElseThrow().status()).isEqualTo(RefundStatus.COMPLETED);
            assertThat(types(m, id)).filteredOn(t -> !t.startsWith("Reclamation")).containsExactly(
                    "SagaRemboursementDemarree", "RemboursementCalcule", "StockMisAJour", "SagaRemboursementTerminee");
            assertThat(m.audit().byAggregate(id.toString())).hasSize(4);
            assertThat(m.notifications().all()).filteredOn(n -> n.claimId().equals(id.toString())).hasSize(5);
        }
        assertThat(m.adjustments().all()).hasSize(12).allMatch(a -> a.status().equals("completed"));
        assertThat(m.adjustments().all().stream()
                .mapToLong(StockAdjustment::newStockLevel).max().orElseThrow()).isEqualTo(56 + 12);
        assertThat(m.projection().check()).isInstanceOf(CheckResult.Consistent.class);
    }
}
