package dev.comptoir.core.checkout;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An order saga as the reference's {@code GET /api/v1/sagas/{id}} shows it.
 *
 * <pre>{@code
 * CheckoutStatus s = checkout.status(id).orElseThrow();
 * if (s.status() == OrderSagaStatus.FAILED) log(s.failedStep(), s.compensationSteps());
 * }</pre>
 *
 * @param sagaId            the saga (also the reservation and payment transaction id)
 * @param status            current reference status
 * @param history           every status the saga went through, oldest first
 * @param orderId           the placed order, or {@code null}
 * @param customerId        the customer
 * @param amount            the amount charged (once the cart was validated), or {@code null}
 * @param completedSteps    actions that succeeded, in order
 * @param failedStep        the action that failed, or {@code null}
 * @param steps             every action, in order
 * @param compensationSteps every compensation run, in order, with its result (even failed ones)
 * @param failure           why it failed, or {@code null}
 * @param createdAt         start
 * @param updatedAt         last transition
 * @param durationMillis    {@code updatedAt − createdAt}
 */
public record CheckoutStatus(String sagaId, OrderSagaStatus status, List<OrderSagaStatus> history, Long orderId,
                             long customerId, BigDecimal amount, List<String> completedSteps, String failedStep,
                             List<StepView> steps, List<StepView> compensationSteps, String failure,
                             Instant createdAt, Instant updatedAt, long durationMillis) {
    public CheckoutStatus {
        Objects.requireNonNull(sagaId, "sagaId");
        Objects.requireNonNull(status, "status");
        history = List.copyOf(history);
        completedSteps = List.copyOf(completedSteps);
        steps = List.copyOf(steps);
        compensationSteps = List.copyOf(compensationSteps);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** True once the status can no longer change by itself. */
    public boolean isFinal() {
        return status.isFinal();
    }
}
