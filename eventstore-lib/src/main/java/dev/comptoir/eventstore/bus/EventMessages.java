package dev.comptoir.eventstore.bus;

import dev.comptoir.eventstore.EventMetadata;
import dev.comptoir.eventstore.EventStoreException;
import dev.comptoir.eventstore.RecordedEvent;
import dev.comptoir.eventstore.internal.HeadersJson;
import dev.comptoir.eventstore.internal.IsoInstants;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The field layout of an event on the bus, compatible with the reference's envelope:
 * {@code event_id, event_type, aggregate_id, data (JSON text), timestamp, correlation_id},
 * plus {@code causation_id, position, stream_version, headers}.
 *
 * <pre>{@code
 * bus.publish("events:all", EventMessages.toFields(recorded));
 * RecordedEvent e = EventMessages.fromFields(message.fields());
 * }</pre>
 */
public final class EventMessages {

    /** Field: event id. */
    public static final String EVENT_ID = "event_id";
    /** Field: event type. */
    public static final String EVENT_TYPE = "event_type";
    /** Field: stream id. */
    public static final String AGGREGATE_ID = "aggregate_id";
    /** Field: JSON payload. */
    public static final String DATA = "data";
    /** Field: ISO timestamp. */
    public static final String TIMESTAMP = "timestamp";
    /** Field: correlation id. */
    public static final String CORRELATION_ID = "correlation_id";
    /** Field: causation id. */
    public static final String CAUSATION_ID = "causation_id";
    /** Field: global position in the event store. */
    public static final String POSITION = "position";
    /** Field: stream version. */
    public static final String STREAM_VERSION = "stream_version";
    /** Field: headers as a JSON object. */
    public static final String HEADERS = "headers";


    private EventMessages() {
    }

    /** The fields of {@code e}. */
    public static Map<String, String> toFields(RecordedEvent e) {
        var f = new HashMap<String, String>();
        f.put(EVENT_ID, e.eventId().toString());
        f.put(EVENT_TYPE, e.type());
        f.put(AGGREGATE_ID, e.streamId());
        f.put(DATA, e.payload());
        f.put(TIMESTAMP, LocalDateTime.ofInstant(e.metadata().timestamp(), ZoneOffset.UTC).toString());
        f.put(CORRELATION_ID, e.metadata().correlationId() == null ? "" : e.metadata().correlationId());
        if (e.metadata().causationId() != null) {
            f.put(CAUSATION_ID, e.metadata().causationId());
        }
        f.put(POSITION, Long.toString(e.position()));
        f.put(STREAM_VERSION, Long.toString(e.streamVersion()));
        if (!e.metadata().headers().isEmpty()) {
            f.put(HEADERS, HeadersJson.write(e.metadata().headers()));
        }
        return f;
    }

    /**
     * The instant of a timestamp field: the ISO local date-time in UTC that {@link #toFields}
     * writes is read by hand, anything else (an offset, a zone) by {@code java.time}'s parsers.
     */
    static Instant parseTimestamp(String ts) {
        Instant fast = IsoInstants.parseUtcLocalOrNull(ts);
        if (fast != null) {
            return fast;
        }
        return ts.endsWith("Z") || ts.contains("+") ? Instant.parse(ts) : LocalDateTime.parse(ts).toInstant(ZoneOffset.UTC);
    }

    /** The event in {@code fields} (written by {@link #toFields(RecordedEvent)}). */
    public static RecordedEvent fromFields(Map<String, String> f) {
        try {
            String ts = f.get(TIMESTAMP);
            Instant timestamp = parseTimestamp(ts);
            String cid = f.get(CORRELATION_ID);
            String headersJson = f.get(HEADERS);
            Map<String, String> headers = HeadersJson.read(headersJson);
            return new RecordedEvent(UUID.fromString(f.get(EVENT_ID)), f.get(AGGREGATE_ID),
                    Long.parseLong(f.getOrDefault(STREAM_VERSION, "1")), Long.parseLong(f.getOrDefault(POSITION, "1")),
                    f.get(EVENT_TYPE), f.get(DATA),
                    new EventMetadata(timestamp, cid == null || cid.isEmpty() ? null : cid, f.get(CAUSATION_ID), headers));
        } catch (RuntimeException e) {
            throw EventStoreException.invalid("not an event message: " + f.keySet(), e);
        }
    }
}
