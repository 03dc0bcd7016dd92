/**
 * Customer claims (state-based): create, assign, start, resolve, close. The lifecycle is the pure
 * {@link dev.comptoir.core.claim.ClaimStateMachine}, reusable by an event-sourced aggregate.
 * Entry point: {@link dev.comptoir.core.claim.ClaimService}; port:
 * {@link dev.comptoir.core.claim.ClaimRepository}.
 */
package dev.comptoir.core.claim;
