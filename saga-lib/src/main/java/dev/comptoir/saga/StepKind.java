package dev.comptoir.saga;

/**
 * The role of a step in a saga; a definition is {@code COMPENSATABLE* PIVOT? RETRIABLE*}.
 */
public enum StepKind {
    /** Can be undone by its compensation; runs before the pivot. */
    COMPENSATABLE,
    /** The go/no-go step: once it succeeds the saga can only go forward. It has no compensation. */
    PIVOT,
    /** Runs after the pivot and must eventually succeed: retried, never compensated. */
    RETRIABLE
}
