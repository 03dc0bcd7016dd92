package dev.comptoir.sim.engine;

import dev.comptoir.core.checkout.OrderSaga;

/** Why an order saga was compensated, read from its failure text (the "compensations by cause" figures). */
final class CompensationCause {
    private CompensationCause() {
    }

    /** {@code timeout}, {@code stock}, {@code payment}, {@code confirm}, {@code cart} or {@code other}. */
    static String of(String failure) {
        if (failure == null) {
            return "other";
        }
        if (failure.contains("Timeout") || failure.contains("no reply within")) {
            return "timeout";
        }
        if (failure.contains(OrderSaga.RESERVE_STOCK)) {
            return "stock";
        }
        if (failure.contains(OrderSaga.PROCESS_PAYMENT)) {
            return "payment";
        }
        if (failure.contains(OrderSaga.CONFIRM_ORDER)) {
            return "confirm";
        }
        if (failure.contains(OrderSaga.VALIDATE_CART)) {
            return "cart";
        }
        return "other";
    }
}
