/**
 * Event-sourced claims (seed-behaviour §4.1, §4.6, §5.3): the five lifecycle events, the claim
 * aggregate over eventstore-lib, replay up to a timestamp, and the claims read models with their
 * projections.
 *
 * <p>Entry points: {@link dev.comptoir.core.claimsourcing.ClaimsModule} (wiring) and
 * {@link dev.comptoir.core.claimsourcing.EventSourcedClaims} (commands and queries).
 */
package dev.comptoir.core.claimsourcing;
