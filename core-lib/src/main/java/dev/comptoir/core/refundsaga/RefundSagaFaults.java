package dev.comptoir.core.refundsaga;

/**
 * Failure injection of the refund saga, drawn from the participants' injected random generator.
 *
 * <pre>{@code
 * module.faults(new RefundSagaFaults(0.05, 0.02));   // the reference's 5 % payment failures, 2 % stock failures
 * }</pre>
 *
 * @param paymentFailureRate   probability that the refund calculation fails (F1), 0..1
 * @param inventoryFailureRate probability that the stock adjustment fails (F2 → compensation), 0..1
 */
public record RefundSagaFaults(double paymentFailureRate, double inventoryFailureRate) {
    /** No injected failure. */
    public static final RefundSagaFaults NONE = new RefundSagaFaults(0, 0);

    public RefundSagaFaults {
        if (!(paymentFailureRate >= 0 && paymentFailureRate <= 1)) {
            throw new IllegalArgumentException("paymentFailureRate must be in [0, 1], was " + paymentFailureRate);
        }
        if (!(inventoryFailureRate >= 0 && inventoryFailureRate <= 1)) {
            throw new IllegalArgumentException("inventoryFailureRate must be in [0, 1], was " + inventoryFailureRate);
        }
    }
}
