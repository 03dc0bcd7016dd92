package dev.comptoir.eventstore;

import java.util.Objects;
import java.util.UUID;

/**
 * An event as stored: the appended envelope plus its stream version and global position.
 *
 * <p>Global positions are strictly increasing in the order "read all" returns events; they
 * are not necessarily contiguous (see the store's documentation).
 *
 * @param eventId       unique id
 * @param streamId      the stream it belongs to
 * @param streamVersion its version in the stream (1 for the first event)
 * @param position      its global position (&gt; 0)
 * @param type          event type name
 * @param payload       JSON object text
 * @param metadata      metadata
 */
public record RecordedEvent(UUID eventId, String streamId, long streamVersion, long position,
                            String type, String payload, EventMetadata metadata) {

    public RecordedEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(metadata, "metadata");
        if (streamVersion < 1) {
            throw new IllegalArgumentException("streamVersion must be >= 1, was " + streamVersion);
        }
        if (position < 1) {
            throw new IllegalArgumentException("position must be >= 1, was " + position);
        }
    }
}
