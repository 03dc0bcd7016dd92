/**
 * Implementation of saga-lib (runtime, stores, ledgers). No compatibility promise: anything in
 * this package may change in any release. Use the front doors {@code Sagas}, {@code SagaStore}
 * and {@code ParticipantLedger} instead.
 */
package dev.comptoir.saga.internal;
