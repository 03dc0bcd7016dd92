/**
 * Message bus: consumer groups, acknowledgements, redelivery, dead letters, inboxes.
 * Entry points: {@link dev.comptoir.eventstore.bus.MessageBuses} and
 * {@link dev.comptoir.eventstore.bus.BusConsumer}.
 */
package dev.comptoir.eventstore.bus;
