package dev.comptoir.core.refund;

import java.util.Objects;

/** Result of {@link RefundService#request}: a new refund, or the one that already existed. */
public sealed interface RefundRequest {

    /** The refund record. */
    ClaimRefund refund();

    /** A refund was opened (status processing). */
    record Started(ClaimRefund refund) implements RefundRequest {
        public Started {
            Objects.requireNonNull(refund, "refund");
        }
    }

    /** The claim (or correlation id) already had a refund; it is returned unchanged. */
    record AlreadyRequested(ClaimRefund refund) implements RefundRequest {
        public AlreadyRequested {
            Objects.requireNonNull(refund, "refund");
        }
    }
}
