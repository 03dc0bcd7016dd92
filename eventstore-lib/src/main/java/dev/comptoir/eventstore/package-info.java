/**
 * Event store: streams with optimistic concurrency, a gap-free global order ("read all") and
 * catch-up subscriptions. Entry point: {@link dev.comptoir.eventstore.EventStore}.
 */
package dev.comptoir.eventstore;
