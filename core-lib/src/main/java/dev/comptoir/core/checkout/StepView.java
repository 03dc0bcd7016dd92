package dev.comptoir.core.checkout;

import java.util.Objects;

/**
 * One recorded step of an order saga, as the reference API shows it ({@code step_type, status,
 * duration_ms, retry_count, error}).
 *
 * @param stepType       {@code VALIDATE_CART} … {@code CONFIRM_ORDER}, or {@code RELEASE_STOCK} /
 *                       {@code REFUND_PAYMENT} for compensations
 * @param status         {@code success}, {@code failed}, {@code retrying} or {@code waiting}
 * @param attempts       attempts made (1 = no retry)
 * @param durationMillis from the first attempt's start to the latest attempt's end
 * @param error          latest error, or {@code null}
 */
public record StepView(String stepType, String status, int attempts, long durationMillis, String error) {
    public StepView {
        Objects.requireNonNull(stepType, "stepType");
        Objects.requireNonNull(status, "status");
    }

    /** True when the step succeeded. */
    public boolean succeeded() {
        return "success".equals(status);
    }
}
