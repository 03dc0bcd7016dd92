/**
 * Ports of the order saga's participants (cart, stock, payment, order) and of its saga-to-order
 * index. The default adapters over core-lib's services come from
 * {@link dev.comptoir.core.checkout.CheckoutParticipants#domain}; a simulator wraps them to inject
 * latency, timeouts and failures.
 *
 * <p>Contract shared by every port: calls are keyed by the saga id and must be idempotent on it
 * (the runtime invokes at least once); an expected business "no" is a
 * {@link dev.comptoir.core.checkout.StepReply.Refused}; a {@link dev.comptoir.core.ComptoirException}
 * that is not transient is a business failure too; any other exception is treated as transient
 * and retried. Implementations must be thread-safe.
 */
package dev.comptoir.core.checkout.spi;
