/**
 * The embedded simulation: a deterministic discrete-event scheduler with a virtual clock and one
 * seeded random source driving core-lib's store, e-commerce and claims use-cases (on saga-lib and
 * eventstore-lib), fault injection, and the invariant checker.
 *
 * <p>Entry point: {@link dev.comptoir.sim.engine.Simulation}; configuration:
 * {@link dev.comptoir.sim.engine.SimulationConfig} (or a scenario file through
 * {@link dev.comptoir.sim.engine.Scenarios}); outcome: {@link dev.comptoir.sim.engine.SimulationResult}.
 * Everything else in this package is package-private.
 */
package dev.comptoir.sim.engine;
