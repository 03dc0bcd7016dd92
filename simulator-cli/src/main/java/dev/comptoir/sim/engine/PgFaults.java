package dev.comptoir.sim.engine;

import dev.comptoir.core.checkout.OrderSagaLine;
import dev.comptoir.core.checkout.StepReply;
import dev.comptoir.core.checkout.spi.CheckoutPayments;
import dev.comptoir.core.checkout.spi.CheckoutStock;
import dev.comptoir.core.inventory.InventoryStore;
import dev.comptoir.core.inventory.JournalTotals;
import dev.comptoir.core.inventory.Movement;
import dev.comptoir.core.inventory.MovementKind;
import dev.comptoir.core.inventory.Reservation;
import dev.comptoir.core.inventory.ReservationId;
import dev.comptoir.core.inventory.ReservationLine;
import dev.comptoir.core.inventory.ReservationOutcome;
import dev.comptoir.core.inventory.StockDelta;
import dev.comptoir.core.inventory.StockKey;
import dev.comptoir.core.inventory.StockLevel;
import dev.comptoir.core.location.LocationId;
import dev.comptoir.core.money.Money;
import dev.comptoir.core.payment.ChargeRequest;
import dev.comptoir.core.payment.PaymentService;
import dev.comptoir.core.payment.TransactionId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Fault injection of the PostgreSQL run. With real threads there is no place to keep a per-order
 * plan before its saga's first step may run, so each order's faults are drawn from its saga id and
 * the run's seed ({@link #draw}): the same saga id always gets the same decision, whichever thread
 * and however often a step runs. Also the inventory-store decorator that tells the run's stock
 * ledger about each confirmation that actually moved stock.
 */
final class PgFaults {
    /** Salts of the decisions drawn per saga. */
    static final long SHORTAGE = 1;
    static final long CLAIM = 2;
    static final long DOUBLE_CHARGE = 3;

    private PgFaults() {
    }

    /** A uniform draw in [0, 1) determined by the seed, the saga id and the decision's salt. */
    static double draw(long seed, String sagaId, long salt) {
        long bits;
        try {
            UUID u = UUID.fromString(sagaId);
            bits = u.getMostSignificantBits() * 31 + u.getLeastSignificantBits();
        } catch (IllegalArgumentException notUuid) {
            bits = sagaId.hashCode();
        }
        return new SplittableRandom(seed ^ (bits * 0x9E3779B97F4A7C15L) ^ (salt * 0xC2B2AE3D27D4EB4FL)).nextDouble();
    }

    /** Stock participant: injected shortages and the broken-compensation sabotage. */
    static final class Stock implements CheckoutStock {
        private final CheckoutStock real;
        private final SimulationConfig config;

        Stock(CheckoutStock real, SimulationConfig config) {
            this.real = real;
            this.config = config;
        }

        @Override
        public StepReply reserve(String sagaId, String owner, int locationId, List<OrderSagaLine> lines) {
            if (config.stockFailureRate() > 0 && draw(config.seed(), sagaId, SHORTAGE) < config.stockFailureRate()) {
                return StepReply.refused(FaultyParticipants.INJECTED_SHORTAGE);
            }
            return real.reserve(sagaId, owner, locationId, lines);
        }

        @Override
        public void release(String sagaId) {
            if (config.sabotage().contains(Sabotage.BROKEN_COMPENSATION)) {
                return; // planted defect: the reservation stays open
            }
            real.release(sagaId);
        }

        @Override
        public StepReply confirm(String sagaId) {
            return real.confirm(sagaId);
        }
    }

    /** Payment participant: the double-charge sabotage (one order in ten is charged a second time). */
    static final class Payments implements CheckoutPayments {
        private final CheckoutPayments real;
        private final SimulationConfig config;
        private final PaymentService payments;

        Payments(CheckoutPayments real, SimulationConfig config, PaymentService payments) {
            this.real = real;
            this.config = config;
            this.payments = payments;
        }

        @Override
        public StepReply charge(String sagaId, String customerId, BigDecimal amount) {
            StepReply reply = real.charge(sagaId, customerId, amount);
            if (config.sabotage().contains(Sabotage.DOUBLE_CHARGE) && reply instanceof StepReply.Done
                    && draw(config.seed(), sagaId, DOUBLE_CHARGE) < 0.1) {
                payments.process(new ChargeRequest(TransactionId.of(sagaId + "/again"), customerId, Money.of(amount),
                        null, null, null)); // planted defect: a second charge for the same order
            }
            return reply;
        }

        @Override
        public void refundAll(String sagaId, String reason) {
            real.refundAll(sagaId, reason);
        }
    }

    /**
     * The PostgreSQL inventory store, telling the stock ledger about every confirmation that
     * changed the stock ({@link ReservationOutcome.Applied}; an idempotent repeat is not counted).
     * Everything else goes straight through.
     */
    static final class LedgeredInventoryStore implements InventoryStore {
        private final InventoryStore real;
        private final StockLedger ledger;

        LedgeredInventoryStore(InventoryStore real, StockLedger ledger) {
            this.real = real;
            this.ledger = ledger;
        }

        @Override
        public void track(StockKey key, int alertThreshold) {
            real.track(key, alertThreshold);
        }

        @Override
        public void apply(List<StockDelta> deltas, String reference, Instant at) {
            real.apply(deltas, reference, at);
        }

        @Override
        public ReservationOutcome reserve(Reservation reservation) {
            return real.reserve(reservation);
        }

        @Override
        public ReservationOutcome confirm(ReservationId id, Instant at) {
            ReservationOutcome outcome = real.confirm(id, at);
            if (outcome instanceof ReservationOutcome.Applied applied) {
                for (ReservationLine line : applied.reservation().lines()) {
                    ledger.confirmed(line.key(), line.quantity());
                }
            }
            return outcome;
        }

        @Override
        public ReservationOutcome release(ReservationId id, Instant at) {
            return real.release(id, at);
        }

        @Override
        public List<Reservation> expireDue(Instant now, int limit) {
            return real.expireDue(now, limit);
        }

        @Override
        public Optional<Reservation> reservation(ReservationId id) {
            return real.reservation(id);
        }

        @Override
        public Optional<StockLevel> level(StockKey key) {
            return real.level(key);
        }

        @Override
        public List<StockLevel> levelsAt(LocationId location) {
            return real.levelsAt(location);
        }

        @Override
        public List<StockLevel> allLevels() {
            return real.allLevels();
        }

        @Override
        public JournalTotals journalTotals(MovementKind kind, LocationId location) {
            return real.journalTotals(kind, location);
        }

        @Override
        public Map<StockKey, JournalTotals> recomputeFromJournal() {
            return real.recomputeFromJournal();
        }

        @Override
        public List<Movement> movements(StockKey key, int limit) {
            return real.movements(key, limit);
        }
    }
}
