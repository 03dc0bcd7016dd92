/**
 * Restocking: stores request stock from the logistics centre, which approves (moving the
 * stock), partially fulfils or rejects; inter-store transfers. Requests follow a small state
 * machine and keep the history of their status changes.
 *
 * <p>Entry point: {@link dev.comptoir.core.restock.RestockService}; the port an adapter
 * implements is {@link dev.comptoir.core.restock.RestockStore}.
 */
package dev.comptoir.core.restock;
