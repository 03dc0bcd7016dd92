package dev.comptoir.eventstore.projection;

import dev.comptoir.eventstore.RecordedEvent;

/**
 * Turns events into a read model.
 *
 * <pre>{@code
 * Projection<Stats> counts = Projection.of("type-counts", Stats::apply);   // in memory
 * }</pre>
 *
 * <p>{@code T} is where the writes go: the read model object itself for in-memory
 * projections, a {@link ReadModelTx} (JDBI handle of the runner's transaction plus table
 * names) for PostgreSQL ones. {@code apply} must be deterministic (use the event's timestamp,
 * never "now") so that a rebuild gives the same rows. Called by one thread at a time.
 *
 * @param <T> the write target
 */
public interface Projection<T> {

    /** A stable name: the key of its checkpoint. */
    String name();

    /** True when {@link #apply} wants events of {@code eventType} (others only advance the checkpoint). */
    default boolean handles(String eventType) {
        return true;
    }

    /** Applies one event to the read model. */
    void apply(T target, RecordedEvent event);

    /**
     * Applies a batch of events (all of one runner transaction, in position order, already
     * filtered by {@link #handles}). The default calls {@link #apply} for each; override it for
     * set-based writes (e.g. one multi-row upsert per batch). The PostgreSQL runner uses it; when
     * a batch fails it retries the events one at a time to isolate the failing one.
     */
    default void applyBatch(T target, java.util.List<RecordedEvent> events) {
        for (RecordedEvent e : events) {
            apply(target, e);
        }
    }

    /** A projection from a name and a function. */
    static <T> Projection<T> of(String name, java.util.function.BiConsumer<T, RecordedEvent> apply) {
        return new Projection<>() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void apply(T target, RecordedEvent event) {
                apply.accept(target, event);
            }
        };
    }
}
