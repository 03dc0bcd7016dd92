package dev.comptoir.eventstore.internal;

import dev.comptoir.eventstore.AppendResult;
import dev.comptoir.eventstore.ConcurrencyConflictException;
import dev.comptoir.eventstore.EventEnvelope;
import dev.comptoir.eventstore.EventStore;
import dev.comptoir.eventstore.ExpectedVersion;
import dev.comptoir.eventstore.RecordedEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * In-memory event store: one lock, positions contiguous from 1. For tests and the simulator.
 */
public final class InMemoryEventStore implements EventStore {

    private final Object lock = new Object();
    private final List<RecordedEvent> all = new ArrayList<>();
    private final Map<String, List<RecordedEvent>> streams = new HashMap<>();
    private final Map<UUID, RecordedEvent> byId = new HashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final Clock clock;

    /** A new empty store. */
    public InMemoryEventStore(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The clock this store was built with (exposed for helpers that need "now"). */
    public Clock clock() {
        return clock;
    }

    @Override
    public AppendResult append(String streamId, ExpectedVersion expected, List<EventEnvelope> events) {
        Validation.append(streamId, expected, events);
        AppendResult result;
        synchronized (lock) {
            List<RecordedEvent> stream = streams.getOrDefault(streamId, List.of());
            var duplicates = new ArrayList<RecordedEvent>();
            for (EventEnvelope e : events) {
                RecordedEvent stored = byId.get(e.eventId());
                if (stored != null) {
                    duplicates.add(stored);
                }
            }
            if (!duplicates.isEmpty()) {
                return Validation.duplicateOutcome(streamId, events.size(), duplicates);
            }
            long current = stream.size();
            if (!expected.matches(current)) {
                throw ConcurrencyConflictException.expected(streamId, expected, current);
            }
            var positions = new ArrayList<Long>(events.size());
            var target = streams.computeIfAbsent(streamId, k -> new ArrayList<>());
            // one String instance per stream id for all its events (callers often build the id anew per append)
            String id = target.isEmpty() ? streamId : target.get(0).streamId();
            long version = current;
            for (EventEnvelope e : events) {
                version++;
                var recorded = new RecordedEvent(e.eventId(), id, version, all.size() + 1L,
                        e.type(), e.payload(), e.metadata());
                all.add(recorded);
                target.add(recorded);
                byId.put(e.eventId(), recorded);
                positions.add(recorded.position());
            }
            result = new AppendResult.Appended(streamId, version, positions);
        }
        listeners.forEach(Runnable::run);
        return result;
    }

    @Override
    public List<RecordedEvent> readStreamForward(String streamId, long fromVersion, int maxCount) {
        Validation.read(maxCount);
        synchronized (lock) {
            var stream = streams.getOrDefault(streamId, List.of());
            int from = (int) Math.max(0, Math.min(stream.size(), fromVersion - 1));
            int to = (int) Math.min(stream.size(), (long) from + maxCount);
            return List.copyOf(stream.subList(from, to));
        }
    }

    @Override
    public List<RecordedEvent> readStreamBackward(String streamId, long fromVersion, int maxCount) {
        Validation.read(maxCount);
        synchronized (lock) {
            var stream = streams.getOrDefault(streamId, List.of());
            var out = new ArrayList<RecordedEvent>();
            for (long v = Math.min(fromVersion, stream.size()); v >= 1 && out.size() < maxCount; v--) {
                out.add(stream.get((int) v - 1));
            }
            return List.copyOf(out);
        }
    }

    @Override
    public long streamVersion(String streamId) {
        synchronized (lock) {
            return streams.getOrDefault(streamId, List.of()).size();
        }
    }

    @Override
    public List<RecordedEvent> readAll(long afterPosition, int maxCount) {
        Validation.read(maxCount);
        synchronized (lock) {
            int from = (int) Math.max(0, Math.min(all.size(), afterPosition));
            int to = (int) Math.min(all.size(), (long) from + maxCount);
            return List.copyOf(all.subList(from, to));
        }
    }

    @Override
    public long countAfter(long position) {
        synchronized (lock) {
            return Math.max(0, all.size() - Math.max(0, position));
        }
    }

    @Override
    public AutoCloseable onAppended(Runnable listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void close() {
        listeners.clear();
    }

}
