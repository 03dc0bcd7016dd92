/**
 * Payments: authorise, capture, void, refund, idempotent by transaction id, with a simulated
 * gateway whose {@link dev.comptoir.core.payment.FailurePolicy} speaks both dialects of the
 * reference. Entry point: {@link dev.comptoir.core.payment.PaymentService}; ports:
 * {@link dev.comptoir.core.payment.PaymentRepository}, {@link dev.comptoir.core.payment.PaymentGateway}.
 */
package dev.comptoir.core.payment;
