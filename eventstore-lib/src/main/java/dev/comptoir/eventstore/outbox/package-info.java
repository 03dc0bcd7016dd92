/**
 * The outbox relay: publishes committed events to the bus from a checkpoint. Entry point:
 * {@link dev.comptoir.eventstore.outbox.OutboxRelay}.
 */
package dev.comptoir.eventstore.outbox;
