/**
 * Stock per (product, location): on-hand, reserved and available quantities, reservations with
 * an expiry, and an append-only movement journal from which both quantities can be recomputed.
 *
 * <p>Entry point: {@link dev.comptoir.core.inventory.InventoryService}; the port an adapter
 * implements is {@link dev.comptoir.core.inventory.InventoryStore}.
 */
package dev.comptoir.core.inventory;
