package dev.comptoir.core.refundsaga;

import dev.comptoir.core.refundsaga.spi.ReturnStock;
import dev.comptoir.core.refundsaga.spi.StockAdjustments;
import dev.comptoir.eventstore.EventSerializer;
import dev.comptoir.eventstore.EventStore;
import dev.comptoir.eventstore.RecordedEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The refund-inventory participant (seed-behaviour §4.9, §5.2): on {@code RemboursementCalcule}
 * puts one unit of the product back into stock (reason {@code refund_return}) and emits
 * {@code StockMisAJour}, or, when the injected inventory failure fires, emits
 * {@code SagaRemboursementEchouee} (F2); on {@code SagaRemboursementEchouee} removes the unit
 * again if its own adjustment had completed ({@code refund_compensation}, status
 * {@code compensated}). One adjustment per saga (correlation id), keeping its claim id.
 *
 * <pre>{@code
 * var inventory = new RefundInventoryParticipant(returnStock, adjustments, store, serializer, clock, random);
 * inventory.handle(recordedEvent);
 * }</pre>
 */
public final class RefundInventoryParticipant {
    /** Consumer group. */
    public static final String GROUP = "refund-inventory-group";
    /** Consumer name. */
    public static final String CONSUMER = "refund-inventory-consumer";
    /** Streams it reads. */
    public static final List<String> STREAMS = List.of("events:remboursementcalcule", "events:sagaremboursementechouee");
    /** Error of an injected failure. */
    public static final String SIMULATED_FAILURE = "Service d'inventaire temporairement indisponible";

    private final ReturnStock stock;
    private final StockAdjustments adjustments;
    private final Emitter emitter;
    private final EventSerializer serializer;
    private final RandomGenerator random;
    private volatile double failureRate;

    public RefundInventoryParticipant(ReturnStock stock, StockAdjustments adjustments, EventStore store,
                                      EventSerializer serializer, Clock clock, RandomGenerator random) {
        this.stock = Objects.requireNonNull(stock, "stock");
        this.adjustments = Objects.requireNonNull(adjustments, "adjustments");
        this.serializer = Objects.requireNonNull(serializer, "serializer");
        this.random = Objects.requireNonNull(random, "random");
        this.emitter = new Emitter(store, serializer, clock, "refund-inventory-service");
    }

    /** Probability (0..1) that a stock adjustment fails. */
    public void failureRate(double rate) {
        this.failureRate = rate;
    }

    /** Handles one event (other types are ignored). */
    public void handle(RecordedEvent e) {
        switch (e.type()) {
            case "RemboursementCalcule" -> adjust(e, serializer.deserialize(e, RefundSagaEvent.RemboursementCalcule.class));
            case "SagaRemboursementEchouee" -> compensate(e);
            default -> {
            }
        }
    }

    private void adjust(RecordedEvent e, RefundSagaEvent.RemboursementCalcule c) {
        String corr = RefundPaymentParticipant.correlation(e);
        Instant now = emitter.clock().instant();
        StockAdjustment fresh = StockAdjustment.processing(corr, c.claimId(), c.productId(), now);
        if (!adjustments.insertIfAbsent(fresh)) {
            StockAdjustment seen = adjustments.find(corr).orElseThrow();
            if (!seen.status().equals("processing")) {
                return; // already handled
            }
        }
        if (injectedFailure()) {
            adjustments.update(fresh.with("failed", 0, 0, SIMULATED_FAILURE, now));
            emitter.emit(e, new RefundSagaEvent.SagaRemboursementEchouee(c.claimId(), c.productId(), SIMULATED_FAILURE, now));
            return;
        }
        int qty = c.productId() == null ? 0 : 1;
        long level = qty == 0 ? 0 : stock.add(c.productId(), 1, "refund_return", corr);
        adjustments.update(fresh.with("completed", qty, level, null, now));
        emitter.emit(e, new RefundSagaEvent.StockMisAJour(c.claimId(), c.customerId(), c.productId(), qty, level,
                c.refundAmount(), now));
    }

    private void compensate(RecordedEvent e) {
        Optional<StockAdjustment> known = adjustments.find(RefundPaymentParticipant.correlation(e));
        if (known.isEmpty() || !known.get().status().equals("completed")) {
            return;
        }
        StockAdjustment a = known.get();
        Instant now = emitter.clock().instant();
        long level = a.quantity() == 0 ? a.newStockLevel()
                : stock.add(a.productId(), -a.quantity(), "refund_compensation", a.correlationId());
        adjustments.update(a.with("compensated", 0, level, null, now));
    }

    private boolean injectedFailure() {
        double rate = failureRate;
        if (rate <= 0) {
            return false;
        }
        synchronized (random) {
            return random.nextDouble() < rate;
        }
    }
}
