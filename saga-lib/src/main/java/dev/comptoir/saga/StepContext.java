package dev.comptoir.saga;

/**
 * What a step function receives: the saga data and the identity of this invocation.
 *
 * <pre>{@code
 * StepOutcome<Order> pay(StepContext<Order> ctx) {
 *     Payment p = payments.charge(ctx.sagaId().toString(), ctx.data().total()); // saga id as transaction id
 *     return StepOutcome.success(ctx.data().withPayment(p.id()));
 * }
 * }</pre>
 *
 * @param sagaId    the saga
 * @param step      the step name
 * @param direction action or compensation
 * @param attempt   1 for the first attempt, incremented on each retry
 * @param data      the saga data as of this invocation
 * @param <S>       the saga data type
 */
public record StepContext<S>(SagaId sagaId, String step, Direction direction, int attempt, S data) {

    /** The key a participant de-duplicates on: same for every attempt of this invocation. */
    public IdempotencyKey idempotencyKey() {
        return new IdempotencyKey(sagaId, step, direction);
    }
}
