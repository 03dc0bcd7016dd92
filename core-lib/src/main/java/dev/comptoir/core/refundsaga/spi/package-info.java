/**
 * Ports of the refund saga's participants and subscribers: the refund-inventory adjustments,
 * the sent notifications and the audit trail. In-memory adapters are in
 * {@code dev.comptoir.core.memory}, PostgreSQL ones in {@code dev.comptoir.core.postgres}.
 * Implementations are thread-safe.
 */
package dev.comptoir.core.refundsaga.spi;
