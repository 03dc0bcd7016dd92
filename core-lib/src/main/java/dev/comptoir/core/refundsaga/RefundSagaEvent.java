package dev.comptoir.core.refundsaga;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The six event types of the choreographed refund saga (seed-behaviour §5.2). Type names are the
 * record names; every event's aggregate id is the claim id and its correlation id the saga's.
 * {@link #data()} is the reference's {@code data} payload (snake_case keys).
 *
 * <pre>{@code
 * RefundSagaEvent e = new RefundSagaEvent.StockMisAJour(claimId, customerId, "product_123", 1, 46, amount, now);
 * }</pre>
 */
public sealed interface RefundSagaEvent {
    /** {@code saga_step} of a payment-calculation failure (F1). */
    String PAYMENT_CALCULATION_FAILED = "payment_calculation_failed";
    /** {@code saga_step} of a compensated refund (C1). */
    String PAYMENT_COMPENSATED = "payment_compensated";

    /** The claim. */
    String claimId();

    /** The reference's payload. */
    Map<String, Object> data();

    /** (1) The refund of a resolved claim was requested. */
    record SagaRemboursementDemarree(String claimId, String customerId, String productId, String claimType,
                                     String description, Instant sagaInitiatedAt) implements RefundSagaEvent {
        public SagaRemboursementDemarree {
            Objects.requireNonNull(claimId, "claimId");
            Objects.requireNonNull(customerId, "customerId");
            Objects.requireNonNull(claimType, "claimType");
            Objects.requireNonNull(sagaInitiatedAt, "sagaInitiatedAt");
        }

        @Override
        public Map<String, Object> data() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("claim_id", claimId);
            m.put("customer_id", customerId);
            m.put("product_id", productId);
            m.put("claim_type", claimType);
            m.put("description", description);
            m.put("saga_initiated_at", sagaInitiatedAt.toString());
            m.put("saga_step", "saga_initiated");
            return m;
        }
    }

    /** (2) The refund was computed and recorded. */
    record RemboursementCalcule(String claimId, String customerId, String productId, BigDecimal refundAmount,
                                Instant processedAt) implements RefundSagaEvent {
        public RemboursementCalcule {
            Objects.requireNonNull(claimId, "claimId");
            Objects.requireNonNull(refundAmount, "refundAmount");
            Objects.requireNonNull(processedAt, "processedAt");
        }

        @Override
        public Map<String, Object> data() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("claim_id", claimId);
            m.put("customer_id", customerId);
            m.put("product_id", productId);
            m.put("refund_amount", refundAmount);
            m.put("currency", "CAD");
            m.put("payment_method", "credit_card");
            m.put("processed_at", processedAt.toString());
            m.put("saga_step", "payment_calculated");
            return m;
        }
    }

    /** (3) One unit of the product went back into stock (carries the customer, unlike the reference). */
    record StockMisAJour(String claimId, String customerId, String productId, int quantityAdjusted, long newStockLevel,
                         BigDecimal refundAmount, Instant adjustedAt) implements RefundSagaEvent {
        public StockMisAJour {
            Objects.requireNonNull(claimId, "claimId");
            Objects.requireNonNull(adjustedAt, "adjustedAt");
        }

        @Override
        public Map<String, Object> data() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("claim_id", claimId);
            m.put("customer_id", customerId);
            m.put("product_id", productId);
            m.put("quantity_adjusted", quantityAdjusted);
            m.put("new_stock_level", newStockLevel);
            m.put("adjustment_reason", "refund_return");
            m.put("refund_amount", refundAmount);
            m.put("adjusted_at", adjustedAt.toString());
            m.put("saga_step", "inventory_adjusted");
            return m;
        }
    }

    /** (4) The customer was told; the saga is over. */
    record SagaRemboursementTerminee(String claimId, String customerId, String productId, BigDecimal refundAmount,
                                     Instant notificationSentAt) implements RefundSagaEvent {
        public SagaRemboursementTerminee {
            Objects.requireNonNull(claimId, "claimId");
            Objects.requireNonNull(notificationSentAt, "notificationSentAt");
        }

        @Override
        public Map<String, Object> data() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("claim_id", claimId);
            m.put("customer_id", customerId);
            m.put("product_id", productId);
            m.put("refund_amount", refundAmount);
            m.put("notification_sent_at", notificationSentAt.toString());
            m.put("saga_step", "saga_completed");
            return m;
        }
    }

    /**
     * (F1) the refund could not be computed ({@code sagaStep} {@value #PAYMENT_CALCULATION_FAILED},
     * {@code error} set) or (C1) it was compensated ({@value #PAYMENT_COMPENSATED}).
     */
    record RemboursementAnnule(String claimId, String error, Instant at, String sagaStep) implements RefundSagaEvent {
        public RemboursementAnnule {
            Objects.requireNonNull(claimId, "claimId");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(sagaStep, "sagaStep");
        }

        /** True for the compensation (C1), false for a calculation failure (F1). */
        public boolean isCompensation() {
            return PAYMENT_COMPENSATED.equals(sagaStep);
        }

        @Override
        public Map<String, Object> data() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("claim_id", claimId);
            if (isCompensation()) {
                m.put("compensated_at", at.toString());
            } else {
                m.put("error", error);
                m.put("failed_at", at.toString());
            }
            m.put("saga_step", sagaStep);
            return m;
        }
    }

    /** (F2) the stock adjustment failed: the payment side compensates. */
    record SagaRemboursementEchouee(String claimId, String productId, String error, Instant failedAt)
            implements RefundSagaEvent {
        public SagaRemboursementEchouee {
            Objects.requireNonNull(claimId, "claimId");
            Objects.requireNonNull(failedAt, "failedAt");
        }

        @Override
        public Map<String, Object> data() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("claim_id", claimId);
            m.put("product_id", productId);
            m.put("error", error);
            m.put("failed_at", failedAt.toString());
            m.put("saga_step", "inventory_adjustment_failed");
            return m;
        }
    }
}
