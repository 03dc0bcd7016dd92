package dev.comptoir.eventstore;

import com.mongodb.client.MongoDatabase;
import dev.comptoir.eventstore.internal.InMemoryEventStore;
import dev.comptoir.eventstore.internal.MongoEventStore;
import dev.comptoir.eventstore.internal.PostgresEventStore;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * An append-only store of event streams with a global, gap-free order ("read all").
 *
 * <pre>{@code
 * EventStore store = EventStore.postgres(dataSource, "claims");      // or inMemory(clock), mongo(db, clock)
 * store.append("claim-42", ExpectedVersion.noStream(), serializer.envelope(id, created, md));
 * List<RecordedEvent> history = store.readStreamForward("claim-42", 1, 100);
 * CatchUpSubscription sub = store.subscribe(checkpoint, event -> project(event));
 * sub.pollOnce();                                                     // or sub.start()
 * }</pre>
 *
 * <p>Guarantees (checked by {@code EventStoreContractTest}): an append is atomic; stream
 * versions are contiguous from 1; appending event ids that are all already stored is a no-op;
 * {@link #readAll(long, int)} returns committed events in strictly increasing position order and
 * never returns an event with a position lower than one it has already returned to a caller
 * (so a reader that checkpoints the last position it saw never skips an event). "Read all" may
 * trail the newest commits briefly: the PostgreSQL store only hands out events below the oldest
 * write transaction still running in the cluster (see docs/adr/0001-eventstore-global-order.md),
 * so readers should poll (or subscribe) rather than expect their own append to be visible there
 * at once. Stream reads always see committed appends.
 *
 * <p>Implementations are thread-safe.
 */
public interface EventStore extends AutoCloseable {

    /** An in-memory store (tests, simulator). Positions are contiguous from 1. */
    static EventStore inMemory(Clock clock) {
        return new InMemoryEventStore(clock);
    }

    /**
     * A PostgreSQL store in {@code schema} (created and migrated with Flyway; its history table is
     * {@code comptoir_eventstore_history}, so the schema can be shared). Listens for NOTIFY
     * wake-ups on a dedicated connection taken from {@code dataSource}.
     */
    static EventStore postgres(DataSource dataSource, String schema) {
        return PostgresEventStore.create(dataSource, schema);
    }

    /**
     * A MongoDB store in {@code database} (collection {@code events}, one document per append).
     * Writers are serialized by a race on the next position (see the docs for the limits).
     */
    static EventStore mongo(MongoDatabase database, Clock clock) {
        return MongoEventStore.create(database, clock);
    }

    /**
     * Appends {@code events} atomically to {@code streamId} if its version matches
     * {@code expected}.
     *
     * @throws ConcurrencyConflictException when the version does not match
     * @throws EventStoreException          on infrastructure failure (transient) or a partial duplicate
     */
    AppendResult append(String streamId, ExpectedVersion expected, List<EventEnvelope> events);

    /** Varargs form of {@link #append(String, ExpectedVersion, List)}. */
    default AppendResult append(String streamId, ExpectedVersion expected, EventEnvelope... events) {
        return append(streamId, expected, List.of(events));
    }

    /** Up to {@code maxCount} events of the stream with version &ge; {@code fromVersion}, oldest first. */
    List<RecordedEvent> readStreamForward(String streamId, long fromVersion, int maxCount);

    /** Up to {@code maxCount} events of the stream with version &le; {@code fromVersion}, newest first. */
    List<RecordedEvent> readStreamBackward(String streamId, long fromVersion, int maxCount);

    /** The stream's current version (0 when it has no events). */
    long streamVersion(String streamId);

    /**
     * Up to {@code maxCount} committed events with a position greater than {@code afterPosition},
     * in position order. Start from 0.
     */
    List<RecordedEvent> readAll(long afterPosition, int maxCount);

    /** How many events "read all" currently offers after {@code position} (the lag of a reader there). */
    long countAfter(long position);

    /**
     * Registers {@code listener}, called (possibly on another thread, possibly spuriously) after
     * events were appended; close the returned handle to unregister. Used by live subscriptions.
     */
    AutoCloseable onAppended(Runnable listener);

    /** A catch-up subscription from {@code afterPosition}: history first, then live events. */
    default CatchUpSubscription subscribe(long afterPosition, Consumer<RecordedEvent> handler) {
        return new CatchUpSubscription(this, afterPosition, handler, 512);
    }

    /** Releases connections and listeners (not the caller's DataSource or MongoDatabase). */
    @Override
    void close();
}
