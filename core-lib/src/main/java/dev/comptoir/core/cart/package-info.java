/**
 * Shopping carts keyed by session id, with totals under the single tax policy.
 * Entry point: {@link dev.comptoir.core.cart.CartService}; ports:
 * {@link dev.comptoir.core.cart.CartRepository} and {@link dev.comptoir.core.cart.ProductLookup}
 * (implemented by the catalogue, e.g. {@code catalogStore::find}).
 */
package dev.comptoir.core.cart;
