package dev.comptoir.eventstore.internal;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import dev.comptoir.eventstore.AppendResult;
import dev.comptoir.eventstore.ConcurrencyConflictException;
import dev.comptoir.eventstore.EventEnvelope;
import dev.comptoir.eventstore.EventMetadata;
import dev.comptoir.eventstore.EventStore;
import dev.comptoir.eventstore.EventStoreException;
import dev.comptoir.eventstore.ExpectedVersion;
import dev.comptoir.eventstore.RecordedEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.Document;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;

/**
 * MongoDB event store without multi-document transactions.
 *
 * <p>One append = one "commit" document ({@code _id} = first position, {@code last} = last
 * position, the stream id, version range and the events), so an append is atomic. A writer
 * takes the positions right after the current last commit: two writers racing for the same
 * positions collide on the unique {@code _id} and the loser retries; a unique index on (stream,
 * first version) enforces optimistic concurrency. Commits are therefore contiguous: a commit at
 * position K exists only once the commit ending at K - 1 is visible, so a hole seen by a reader
 * is only a visibility race, and the reader stops before it and retries on its next poll. The
 * cost is that writers to the whole store are serialized by the {@code _id} race (retries under
 * contention).
 */
public final class MongoEventStore implements EventStore {

    private static final int MAX_ATTEMPTS = 20;

    private final MongoCollection<Document> commits;
    private final Clock clock;
    private final CopyOnWriteArrayList<Runnable> listeners = new CopyOnWriteArrayList<>();

    private MongoEventStore(MongoDatabase db, Clock clock) {
        this.commits = db.getCollection("events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The clock this store was built with. */
    public Clock clock() {
        return clock;
    }

    /** A store over {@code db}; creates its indexes. */
    public static MongoEventStore create(MongoDatabase db, Clock clock) {
        var store = new MongoEventStore(db, clock);
        try {
            store.commits.createIndex(Indexes.ascending("last"));
            store.commits.createIndex(Indexes.ascending("streamId", "fromVersion"),
                    new IndexOptions().unique(true).sparse(true).name("stream_version_uq"));
            store.commits.createIndex(Indexes.ascending("events.eventId"), new IndexOptions().unique(true).name("event_id_uq"));
        } catch (MongoException e) {
            throw EventStoreException.unavailable("creating event store indexes", e);
        }
        return store;
    }

    @Override
    public AppendResult append(String streamId, ExpectedVersion expected, List<EventEnvelope> events) {
        Validation.append(streamId, expected, events);
        int n = events.size();
        try {
            for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
                var stored = findByIds(events);
                if (!stored.isEmpty()) {
                    return Validation.duplicateOutcome(streamId, n, stored);
                }
                long current = streamVersion(streamId);
                if (!expected.matches(current)) {
                    throw ConcurrencyConflictException.expected(streamId, expected, current);
                }
                Document head = commits.find().sort(Sorts.descending("_id")).limit(1).first();
                long first = (head == null ? 0 : head.getLong("last")) + 1;
                long last = first + n - 1;
                var docs = new ArrayList<Document>(n);
                var positions = new ArrayList<Long>(n);
                for (int i = 0; i < n; i++) {
                    EventEnvelope e = events.get(i);
                    EventMetadata md = e.metadata();
                    docs.add(new Document("eventId", e.eventId().toString())
                            .append("version", current + 1 + i)
                            .append("type", e.type())
                            .append("payload", e.payload())
                            .append("correlationId", md.correlationId())
                            .append("causationId", md.causationId())
                            .append("headers", new Document(new HashMap<String, Object>(md.headers())))
                            .append("timestamp", Date.from(md.timestamp()))
                            .append("nanos", md.timestamp().getNano()));
                    positions.add(first + i);
                }
                var commit = new Document("_id", first).append("last", last).append("streamId", streamId)
                        .append("fromVersion", current + 1).append("toVersion", current + n).append("events", docs);
                try {
                    commits.insertOne(commit);
                    listeners.forEach(Runnable::run);
                    return new AppendResult.Appended(streamId, current + n, positions);
                } catch (MongoWriteException e) {
                    if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                        throw e;
                    }
                    // lost the race for these positions (or the stream version): retry
                }
            }
        } catch (MongoException e) {
            throw EventStoreException.unavailable("appending to stream " + streamId, e);
        }
        throw EventStoreException.unavailable("appending to stream " + streamId,
                new IllegalStateException("gave up after " + MAX_ATTEMPTS + " racing attempts"));
    }

    private List<RecordedEvent> findByIds(List<EventEnvelope> events) {
        var ids = events.stream().map(e -> e.eventId().toString()).toList();
        var wanted = new java.util.HashSet<>(ids);
        var found = new java.util.TreeMap<Long, RecordedEvent>(); // a multikey match may return a document twice
        for (Document c : commits.find(in("events.eventId", ids))) {
            for (RecordedEvent e : unpack(c)) {
                if (wanted.contains(e.eventId().toString())) {
                    found.put(e.position(), e);
                }
            }
        }
        return new ArrayList<>(found.values());
    }

    @Override
    public List<RecordedEvent> readStreamForward(String streamId, long fromVersion, int maxCount) {
        Validation.read(maxCount);
        var out = new ArrayList<RecordedEvent>();
        try {
            for (Document c : commits.find(and(eq("streamId", streamId), gte("toVersion", fromVersion)))
                    .sort(Sorts.ascending("fromVersion"))) {
                for (RecordedEvent e : unpack(c)) {
                    if (e.streamVersion() >= fromVersion && out.size() < maxCount) {
                        out.add(e);
                    }
                }
                if (out.size() >= maxCount) {
                    break;
                }
            }
        } catch (MongoException e) {
            throw EventStoreException.unavailable("reading stream " + streamId, e);
        }
        return List.copyOf(out);
    }

    @Override
    public List<RecordedEvent> readStreamBackward(String streamId, long fromVersion, int maxCount) {
        Validation.read(maxCount);
        var out = new ArrayList<RecordedEvent>();
        try {
            for (Document c : commits.find(and(eq("streamId", streamId), lte("fromVersion", fromVersion)))
                    .sort(Sorts.descending("fromVersion"))) {
                var events = unpack(c);
                for (int i = events.size() - 1; i >= 0 && out.size() < maxCount; i--) {
                    if (events.get(i).streamVersion() <= fromVersion) {
                        out.add(events.get(i));
                    }
                }
                if (out.size() >= maxCount) {
                    break;
                }
            }
        } catch (MongoException e) {
            throw EventStoreException.unavailable("reading stream " + streamId + " backward", e);
        }
        return List.copyOf(out);
    }

    @Override
    public long streamVersion(String streamId) {
        try {
            Document c = commits.find(eq("streamId", streamId)).sort(Sorts.descending("fromVersion")).limit(1).first();
            return c == null ? 0 : c.getLong("toVersion");
        } catch (MongoException e) {
            throw EventStoreException.unavailable("reading the version of " + streamId, e);
        }
    }

    @Override
    public List<RecordedEvent> readAll(long afterPosition, int maxCount) {
        Validation.read(maxCount);
        try {
            var out = new ArrayList<RecordedEvent>();
            long next = afterPosition + 1;
            for (Document c : commits.find(gt("last", afterPosition)).sort(Sorts.ascending("_id")).limit(maxCount)) {
                long first = c.getLong("_id");
                if (first > next) {
                    break; // a commit still becoming visible: stop before it, read it next time
                }
                for (RecordedEvent e : unpack(c)) {
                    if (e.position() >= next && out.size() < maxCount) {
                        out.add(e);
                    }
                }
                if (out.size() >= maxCount) {
                    break;
                }
                next = Math.max(next, c.getLong("last") + 1);
            }
            return List.copyOf(out);
        } catch (MongoException e) {
            throw EventStoreException.unavailable("reading all events", e);
        }
    }

    @Override
    public long countAfter(long position) {
        try {
            long count = 0;
            for (Document c : commits.find(gt("last", position))) {
                long first = Math.max(c.getLong("_id"), position + 1);
                count += c.getLong("last") - first + 1;
            }
            return count;
        } catch (MongoException e) {
            throw EventStoreException.unavailable("counting events", e);
        }
    }

    @Override
    public AutoCloseable onAppended(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void close() {
        listeners.clear();
    }

    private static List<RecordedEvent> unpack(Document c) {
        long first = c.getLong("_id");
        String stream = c.getString("streamId");
        List<Document> events = c.getList("events", Document.class);
        var out = new ArrayList<RecordedEvent>(events.size());
        for (int i = 0; i < events.size(); i++) {
            Document d = events.get(i);
            Instant ts = d.getDate("timestamp").toInstant();
            Integer nanos = d.getInteger("nanos");
            if (nanos != null) {
                ts = ts.with(java.time.temporal.ChronoField.NANO_OF_SECOND, nanos);
            }
            Map<String, String> headers = new HashMap<>();
            Document h = d.get("headers", Document.class);
            if (h != null) {
                h.forEach((k, v) -> headers.put(k, String.valueOf(v)));
            }
            out.add(new RecordedEvent(UUID.fromString(d.getString("eventId")), stream, d.getLong("version"),
                    first + i, d.getString("type"), d.getString("payload"),
                    new EventMetadata(ts, d.getString("correlationId"), d.getString("causationId"), headers)));
        }
        return out;
    }

}
