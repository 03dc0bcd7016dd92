package dev.comptoir.sim.engine;

import dev.comptoir.core.checkout.OrderSagaLine;
import dev.comptoir.core.checkout.StepReply;
import dev.comptoir.core.checkout.spi.CheckoutPayments;
import dev.comptoir.core.checkout.spi.CheckoutStock;
import dev.comptoir.core.inventory.Reservation;
import dev.comptoir.core.inventory.ReservationId;
import dev.comptoir.core.inventory.ReservationLine;
import dev.comptoir.core.inventory.ReservationStatus;
import dev.comptoir.core.memory.InMemoryInventoryStore;
import dev.comptoir.core.money.Money;
import dev.comptoir.core.payment.ChargeRequest;
import dev.comptoir.core.payment.PaymentService;
import dev.comptoir.core.payment.TransactionId;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Decorators of the order saga's participant ports (core-lib's {@code checkout.spi}) that inject
 * the simulation's faults — shortages, slow payment replies, and the test-only sabotage — and
 * tell the stock ledger about confirmations. The real participants underneath are core-lib's.
 */
final class FaultyParticipants {
    /** Reason of an injected shortage (counted as a stock compensation). */
    static final String INJECTED_SHORTAGE = "Stock insuffisant (injected shortage)";

    private FaultyParticipants() {
    }

    /** Stock participant: injected shortages, the broken-compensation sabotage, ledger of confirmations. */
    static final class Stock implements CheckoutStock {
        private final CheckoutStock real;
        private final Simulation sim;
        private final InMemoryInventoryStore store;

        Stock(CheckoutStock real, Simulation sim, InMemoryInventoryStore store) {
            this.real = real;
            this.sim = sim;
            this.store = store;
        }

        @Override
        public StepReply reserve(String sagaId, String owner, int locationId, List<OrderSagaLine> lines) {
            OrderPlan plan = sim.plan(sagaId);
            if (plan != null && plan.injectShortage) {
                return StepReply.refused(INJECTED_SHORTAGE);
            }
            return real.reserve(sagaId, owner, locationId, lines);
        }

        @Override
        public void release(String sagaId) {
            if (sim.sabotaged(Sabotage.BROKEN_COMPENSATION)) {
                return; // planted defect: the reservation stays open
            }
            real.release(sagaId);
        }

        @Override
        public StepReply confirm(String sagaId) {
            Optional<Reservation> before = store.reservation(ReservationId.of(sagaId));
            StepReply reply = real.confirm(sagaId);
            if (reply instanceof StepReply.Done && before.isPresent()
                    && before.get().status() == ReservationStatus.ACTIVE) {
                for (ReservationLine line : before.get().lines()) {
                    sim.ledger().confirmed(line.key(), line.quantity());
                }
            }
            return reply;
        }
    }

    /** Payment participant: slow replies (time passes during the call) and the double-charge sabotage. */
    static final class Payments implements CheckoutPayments {
        private final CheckoutPayments real;
        private final Simulation sim;
        private final PaymentService payments;

        Payments(CheckoutPayments real, Simulation sim, PaymentService payments) {
            this.real = real;
            this.sim = sim;
            this.payments = payments;
        }

        @Override
        public StepReply charge(String sagaId, String customerId, BigDecimal amount) {
            StepReply reply = real.charge(sagaId, customerId, amount);
            OrderPlan plan = sim.plan(sagaId);
            if (plan != null && sim.sabotaged(Sabotage.DOUBLE_CHARGE) && plan.index % 10 == 3) {
                payments.process(new ChargeRequest(TransactionId.of(sagaId + "/again"), customerId, Money.of(amount),
                        null, null, null)); // planted defect: a second charge for the same order
            }
            if (plan != null && plan.replyLatencyMs >= 0 && !plan.latencyServed) {
                // The gateway took the charge but answers late; past the step timeout the saga
                // sees a timeout, retries, and the idempotent replay answers at once.
                plan.latencyServed = true;
                sim.elapse(plan.replyLatencyMs);
            }
            return reply;
        }

        @Override
        public void refundAll(String sagaId, String reason) {
            real.refundAll(sagaId, reason);
        }
    }
}
