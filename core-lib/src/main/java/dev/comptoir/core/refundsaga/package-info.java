/**
 * The choreographed refund saga over the event store and the bus (seed-behaviour §5.2): its six
 * event types, the refund-payment and refund-inventory participants, and the notification and
 * audit subscribers. Participants append to the event store only; the outbox relay publishes
 * to {@code events:<type>} and {@code events:all}; consumers de-duplicate by event id through an
 * inbox. Wiring: {@link dev.comptoir.core.claimsourcing.ClaimsModule}.
 */
package dev.comptoir.core.refundsaga;
