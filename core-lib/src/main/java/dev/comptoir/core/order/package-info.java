/**
 * E-commerce orders: placing from a cart or explicit lines, the seed's states
 * ({@link dev.comptoir.core.order.OrderStatus}), item edits while pending, listing and analytics.
 * Entry point: {@link dev.comptoir.core.order.OrderService}; port:
 * {@link dev.comptoir.core.order.OrderRepository}.
 */
package dev.comptoir.core.order;
