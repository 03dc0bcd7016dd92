package dev.comptoir.core.payment;

import java.util.Objects;

/**
 * Result of charging or authorising. A decline is an expected outcome, not an exception.
 * {@code replayed} is true when the transaction id had been seen before and the stored outcome
 * is returned unchanged.
 */
public sealed interface PaymentOutcome {

    /** The payment as stored. */
    Payment payment();

    /** True when this is the stored outcome of an earlier call with the same key. */
    boolean replayed();

    /** Authorised (and, for {@code process}, captured). */
    record Approved(Payment payment, boolean replayed) implements PaymentOutcome {
        public Approved {
            Objects.requireNonNull(payment, "payment");
        }
    }

    /** Declined; {@code payment().declineReason()} says why. */
    record Declined(Payment payment, boolean replayed) implements PaymentOutcome {
        public Declined {
            Objects.requireNonNull(payment, "payment");
        }

        /** Why it was declined. */
        public String reason() {
            return payment.declineReason();
        }
    }

    /** Another call with the same key is still talking to the gateway. */
    record InProgress(Payment payment) implements PaymentOutcome {
        public InProgress {
            Objects.requireNonNull(payment, "payment");
        }

        @Override
        public boolean replayed() {
            return true;
        }
    }
}
