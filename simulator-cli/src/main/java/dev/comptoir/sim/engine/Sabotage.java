package dev.comptoir.sim.engine;

/**
 * Test-only defects planted in an otherwise correct system, to prove that the checker catches
 * them. Never set by scenario files; set through {@link SimulationConfig.Builder#sabotage}.
 *
 * <pre>{@code
 * SimulationConfig.builder().sabotage(Set.of(Sabotage.DOUBLE_CHARGE)).build();
 * }</pre>
 */
public enum Sabotage {
    /** The stock compensation of the order saga "forgets" to release its reservation. */
    BROKEN_COMPENSATION,
    /** The payment step charges one order a second time under another transaction id. */
    DOUBLE_CHARGE,
    /** The sales projection silently skips one event. */
    SKIPPED_PROJECTION_EVENT
}
