package dev.comptoir.saga;

/** Whether an invocation runs a step's action or its compensation. */
public enum Direction {
    /** The step's action (the saga is moving forward). */
    ACTION,
    /** The step's compensation (the saga is undoing completed work, in reverse order). */
    COMPENSATION
}
