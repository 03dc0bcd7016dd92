package dev.comptoir.saga;

/** Holder of the shared "success, data unchanged" outcome (not part of the API). */
final class Unchanged {
    static final StepOutcome.Success<Object> INSTANCE = new StepOutcome.Success<>(null);

    private Unchanged() {
    }
}
