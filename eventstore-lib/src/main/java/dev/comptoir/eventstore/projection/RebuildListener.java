package dev.comptoir.eventstore.projection;

/** Receives the progress of a rebuild (called on the rebuilding thread). */
@FunctionalInterface
public interface RebuildListener {

    /** {@code applied} of about {@code total} events have been projected into the new tables. */
    void progress(long applied, long total);

    /** A listener that ignores progress. */
    static RebuildListener none() {
        return (applied, total) -> { };
    }
}
