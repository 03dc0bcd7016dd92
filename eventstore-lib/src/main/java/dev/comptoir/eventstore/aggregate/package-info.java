/**
 * Event-sourced aggregates: load (with snapshots), decide, append with the expected version,
 * retry on conflict. Entry point: {@link dev.comptoir.eventstore.aggregate.AggregateRepository}.
 */
package dev.comptoir.eventstore.aggregate;
