package dev.comptoir.core.payment;

import dev.comptoir.core.money.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * A payment transaction. Immutable.
 *
 * @param transactionId     its id (idempotency key)
 * @param customerId        the payer as sent
 * @param amount            amount requested
 * @param currency          e.g. {@code CAD}
 * @param paymentMethod     e.g. {@code credit_card}
 * @param status            current state
 * @param authorizationCode gateway authorisation code, or null (not authorised)
 * @param capturedAmount    amount captured (0 until captured)
 * @param refundedAmount    amount refunded so far
 * @param errorCode         {@code PAYMENT_DECLINED} / {@code GATEWAY_ERROR} when failed, else null
 * @param declineReason     why it failed, else null
 * @param gatewayResponse   the gateway's last answer, or null while pending
 * @param card              card summary, or null
 * @param createdAt         when first requested
 * @param updatedAt         last change
 */
public record Payment(TransactionId transactionId, String customerId, Money amount, String currency,
                      String paymentMethod, PaymentStatus status, String authorizationCode, Money capturedAmount,
                      Money refundedAmount, String errorCode, String declineReason, GatewayResponse gatewayResponse,
                      CardDetails card, Instant createdAt, Instant updatedAt) {
    /** Error code of a payment the gateway declined. */
    public static final String DECLINED = "PAYMENT_DECLINED";
    /** Error code of a payment whose gateway call failed. */
    public static final String GATEWAY_ERROR = "GATEWAY_ERROR";

    public Payment {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(paymentMethod, "paymentMethod");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(capturedAmount, "capturedAmount");
        Objects.requireNonNull(refundedAmount, "refundedAmount");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (refundedAmount.compareTo(capturedAmount) > 0) {
            throw new IllegalArgumentException("refunded " + refundedAmount + " > captured " + capturedAmount);
        }
        if (capturedAmount.compareTo(amount) > 0) {
            throw new IllegalArgumentException("captured " + capturedAmount + " > amount " + amount);
        }
    }

    /** A new pending payment for {@code request}. */
    public static Payment pending(ChargeRequest request, Instant now) {
        return new Payment(request.transactionId(), request.customerId(), request.amount(), request.currency(),
                request.paymentMethod(), PaymentStatus.PENDING, null, Money.ZERO, Money.ZERO, null, null, null,
                request.card(), now, now);
    }

    /** What can still be refunded: captured − refunded. */
    public Money refundable() {
        return capturedAmount.minus(refundedAmount);
    }

    /** This pending payment taken over at {@code now} (only its update time changes). */
    public Payment touched(Instant now) {
        return new Payment(transactionId, customerId, amount, currency, paymentMethod, status, authorizationCode,
                capturedAmount, refundedAmount, errorCode, declineReason, gatewayResponse, card, createdAt, now);
    }

    /** This payment authorised. */
    public Payment authorized(String authorizationCode, GatewayResponse response, Instant now) {
        return new Payment(transactionId, customerId, amount, currency, paymentMethod, PaymentStatus.AUTHORIZED,
                authorizationCode, capturedAmount, refundedAmount, null, null, response, card, createdAt, now);
    }

    /** This payment captured for {@code captured}. */
    public Payment captured(Money captured, GatewayResponse response, Instant now) {
        return new Payment(transactionId, customerId, amount, currency, paymentMethod, PaymentStatus.COMPLETED,
                authorizationCode, captured, refundedAmount, null, null, response, card, createdAt, now);
    }

    /** This payment failed. */
    public Payment failed(String errorCode, String reason, GatewayResponse response, Instant now) {
        return new Payment(transactionId, customerId, amount, currency, paymentMethod, PaymentStatus.FAILED,
                authorizationCode, capturedAmount, refundedAmount, errorCode, reason, response, card, createdAt, now);
    }

    /** This payment's authorisation released. */
    public Payment voided(GatewayResponse response, Instant now) {
        return new Payment(transactionId, customerId, amount, currency, paymentMethod, PaymentStatus.VOIDED,
                authorizationCode, capturedAmount, refundedAmount, null, null, response, card, createdAt, now);
    }

    /** This payment with {@code refund} more refunded. */
    public Payment refunded(Money refund, Instant now) {
        Money total = refundedAmount.plus(refund);
        PaymentStatus s = total.compareTo(capturedAmount) >= 0 ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED;
        return new Payment(transactionId, customerId, amount, currency, paymentMethod, s, authorizationCode,
                capturedAmount, total, errorCode, declineReason, gatewayResponse, card, createdAt, now);
    }
}
