package dev.comptoir.core.checkout;

import java.util.Map;
import java.util.Objects;

/**
 * Order-saga figures (the reference's {@code orchestrator_metrics}).
 *
 * <pre>{@code
 * CheckoutMetrics m = checkout.metrics();
 * double rate = m.successRate();
 * }</pre>
 *
 * @param started            sagas started
 * @param completed          sagas {@code COMPLETED}
 * @param failed             sagas {@code FAILED} (with or without compensation)
 * @param compensations      sagas that ran compensations ({@code compensations_executed})
 * @param compensationFailed sagas parked {@code COMPENSATION_FAILED}
 * @param statusDistribution sagas per current status (active sagas counted from the store)
 */
public record CheckoutMetrics(long started, long completed, long failed, long compensations, long compensationFailed,
                              Map<OrderSagaStatus, Long> statusDistribution) {
    public CheckoutMetrics {
        statusDistribution = Map.copyOf(Objects.requireNonNull(statusDistribution, "statusDistribution"));
    }

    /** {@code completed / started}, 0 when nothing started. */
    public double successRate() {
        return started == 0 ? 0.0 : (double) completed / started;
    }
}
