/**
 * Checkout: the orchestrated order saga (seed-behaviour §5.1, decisions §5) on saga-lib.
 *
 * <p>Entry point: {@link dev.comptoir.core.checkout.Checkout}; participants:
 * {@link dev.comptoir.core.checkout.CheckoutParticipants} (ports in
 * {@code dev.comptoir.core.checkout.spi}); the definition: {@link dev.comptoir.core.checkout.OrderSaga};
 * the reference view: {@link dev.comptoir.core.checkout.CheckoutStatus}.
 */
package dev.comptoir.core.checkout;
