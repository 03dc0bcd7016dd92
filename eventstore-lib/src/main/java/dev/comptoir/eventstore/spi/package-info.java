/**
 * Extension points for implementers: upcasters, snapshot and checkpoint storage, the message
 * bus and delivery policies. Each interface states its thread-safety.
 */
package dev.comptoir.eventstore.spi;
