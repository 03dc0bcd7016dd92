package dev.comptoir.eventstore;

import java.util.List;
import java.util.Objects;

/**
 * What an append did: either it stored the events, or they were already stored (an idempotent
 * retry with the same event ids), in which case nothing was written.
 *
 * <pre>{@code
 * switch (store.append(stream, ExpectedVersion.exactly(3), events)) {
 *     case AppendResult.Appended a -> log.info("now at {}", a.version());
 *     case AppendResult.AlreadyAppended d -> log.info("duplicate, stream at {}", d.version());
 * }
 * }</pre>
 */
public sealed interface AppendResult {

    /** The stream. */
    String streamId();

    /** The stream version of the last event of this batch. */
    long version();

    /** The global positions of the batch's events, in order. */
    List<Long> positions();

    /**
     * The events were stored.
     *
     * @param streamId  the stream
     * @param version   version of the batch's last event
     * @param positions positions of the batch's events
     */
    record Appended(String streamId, long version, List<Long> positions) implements AppendResult {
        public Appended {
            Objects.requireNonNull(streamId, "streamId");
            positions = List.copyOf(positions);
        }
    }

    /**
     * Every event id of the batch was already stored; nothing was written.
     *
     * @param streamId  the stream
     * @param version   version of the batch's last (previously stored) event
     * @param positions positions of the previously stored events
     */
    record AlreadyAppended(String streamId, long version, List<Long> positions) implements AppendResult {
        public AlreadyAppended {
            Objects.requireNonNull(streamId, "streamId");
            positions = List.copyOf(positions);
        }
    }
}
