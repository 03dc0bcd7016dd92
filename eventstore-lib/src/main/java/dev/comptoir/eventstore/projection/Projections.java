package dev.comptoir.eventstore.projection;

import dev.comptoir.eventstore.EventStore;
import java.time.Clock;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Front door of projections.
 *
 * <pre>{@code
 * ProjectionRunner live = Projections.postgres(store, dataSource, "query", new ClaimProjection());
 * InMemoryProjectionRunner<Stats> sim = Projections.inMemory(store, statsProjection, Stats::new, clock);
 * }</pre>
 */
public final class Projections {

    /** Default number of events per batch (and per transaction). */
    public static final int DEFAULT_BATCH = 500;

    private Projections() {
    }

    /** A runner into an in-memory model created by {@code fresh}. */
    public static <M> InMemoryProjectionRunner<M> inMemory(EventStore store, Projection<M> projection,
                                                          Supplier<M> fresh, Clock clock) {
        return new InMemoryProjectionRunner<>(store, projection, fresh, clock, DEFAULT_BATCH);
    }

    /**
     * A runner into PostgreSQL tables of {@code schema} (migrated like the event store's: it may be
     * the same schema or another one). Creates the projection's tables and views if needed.
     */
    public static ProjectionRunner postgres(EventStore store, DataSource dataSource, String schema,
                                            PostgresProjection projection) {
        return postgres(store, dataSource, schema, projection, DEFAULT_BATCH);
    }

    /** As {@link #postgres(EventStore, DataSource, String, PostgresProjection)} with a batch size. */
    public static ProjectionRunner postgres(EventStore store, DataSource dataSource, String schema,
                                            PostgresProjection projection, int batchSize) {
        return PostgresProjectionRunner.create(store, dataSource, schema, projection, batchSize);
    }
}
