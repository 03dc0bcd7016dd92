package dev.comptoir.core.checkout;

import dev.comptoir.saga.Direction;
import dev.comptoir.saga.SagaStatus;
import dev.comptoir.saga.StepState;
import dev.comptoir.saga.StepTrace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Maps saga-lib's state + timeline to the reference's status names. Stateless. */
final class StatusMapper {
    private StatusMapper() {
    }

    static CheckoutStatus map(SagaStatus s) {
        OrderSagaData data = s.data(OrderSagaData.class);
        List<OrderSagaStatus> history = new ArrayList<>(8);
        history.add(OrderSagaStatus.PENDING);
        List<String> completed = new ArrayList<>(4);
        List<StepView> steps = new ArrayList<>(4);
        List<StepView> compensations = new ArrayList<>(2);
        String failedStep = null;
        for (StepTrace t : s.timeline()) {
            if (t.direction() == Direction.ACTION) {
                steps.add(view(t.step(), t));
                if (t.state() == StepState.SUCCEEDED) {
                    completed.add(t.step());
                    history.add(succeeded(t.step()));
                } else if (t.state() == StepState.FAILED) {
                    failedStep = t.step();
                    OrderSagaStatus f = failed(t.step());
                    if (f != null) {
                        history.add(f);
                    }
                }
            } else {
                String type = OrderSaga.PROCESS_PAYMENT.equals(t.step()) ? OrderSaga.REFUND_PAYMENT : OrderSaga.RELEASE_STOCK;
                compensations.add(view(type, t));
                history.add(OrderSaga.PROCESS_PAYMENT.equals(t.step())
                        ? OrderSagaStatus.COMPENSATING_PAYMENT : OrderSagaStatus.COMPENSATING_STOCK);
            }
        }
        switch (s.state()) {
            case COMPLETED -> history.add(OrderSagaStatus.COMPLETED);
            case COMPENSATED -> {
                if (!compensations.isEmpty()) {
                    history.add(OrderSagaStatus.COMPENSATED);
                }
                history.add(OrderSagaStatus.FAILED);
            }
            case STUCK -> history.add(OrderSagaStatus.COMPENSATION_FAILED);
            case RESOLVED -> history.add(OrderSagaStatus.FAILED);
            case RUNNING, COMPENSATING -> {
            }
        }
        long millis = Duration.between(s.createdAt(), s.updatedAt()).toMillis();
        return new CheckoutStatus(s.id().toString(), history.getLast(), history, data.orderId(), data.customerId(),
                data.amount(), completed, failedStep, steps, compensations, s.failure(), s.createdAt(),
                s.updatedAt(), millis);
    }

    private static StepView view(String type, StepTrace t) {
        String status = switch (t.state()) {
            case SUCCEEDED -> "success";
            case FAILED -> "failed";
            case RETRY_SCHEDULED -> "retrying";
            case AWAITING_REPLY -> "waiting";
        };
        return new StepView(type, status, t.attempts(), t.duration().toMillis(), t.lastError());
    }

    private static OrderSagaStatus succeeded(String step) {
        return switch (step) {
            case OrderSaga.VALIDATE_CART -> OrderSagaStatus.CART_VALIDATED;
            case OrderSaga.RESERVE_STOCK -> OrderSagaStatus.STOCK_RESERVED;
            case OrderSaga.PROCESS_PAYMENT -> OrderSagaStatus.PAYMENT_PROCESSED;
            default -> OrderSagaStatus.ORDER_CONFIRMED;
        };
    }

    private static OrderSagaStatus failed(String step) {
        return switch (step) {
            case OrderSaga.VALIDATE_CART -> OrderSagaStatus.CART_VALIDATION_FAILED;
            case OrderSaga.RESERVE_STOCK -> OrderSagaStatus.STOCK_RESERVATION_FAILED;
            case OrderSaga.PROCESS_PAYMENT -> OrderSagaStatus.PAYMENT_FAILED;
            default -> null; // the reference goes PAYMENT_PROCESSED → COMPENSATING_PAYMENT
        };
    }
}
