package dev.comptoir.core.payment;

import dev.comptoir.core.money.Money;

/**
 * Port: the card processor. {@link SimulatedPaymentGateway} is the implementation Comptoir
 * ships. Implementations are thread-safe. A call that throws is treated as a failed call by
 * {@link PaymentService} (the payment ends {@code FAILED}, error code {@code GATEWAY_ERROR}).
 */
public interface PaymentGateway {

    /** Asks to authorise {@code request.amount()}. */
    GatewayDecision authorize(ChargeRequest request);

    /** Captures {@code amount} of an authorised payment. */
    GatewayDecision capture(Payment authorized, Money amount);

    /** Releases an authorisation. */
    GatewayDecision voidAuthorization(Payment authorized);

    /** Refunds {@code amount} of a captured payment; {@code refundId} lets the processor deduplicate. */
    GatewayDecision refund(Payment captured, Money amount, String refundId);
}
