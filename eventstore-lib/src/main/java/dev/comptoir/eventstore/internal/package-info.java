/**
 * Implementations behind the public front doors ({@code EventStore}, {@code MessageBuses}, ...).
 *
 * <p>Internal: no compatibility promise. Use the factories of the public packages instead.
 */
package dev.comptoir.eventstore.internal;
