package dev.comptoir.eventstore.bus;

import dev.comptoir.eventstore.RecordedEvent;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Which bus streams an event is published to.
 *
 * <pre>{@code
 * StreamNaming.perTypeAndAll("events")   // events:<type lower-cased> and events:all (the reference layout)
 * StreamNaming.single("events:all")
 * }</pre>
 */
@FunctionalInterface
public interface StreamNaming {

    /** The streams for {@code event}, in publication order. */
    List<String> streamsFor(RecordedEvent event);

    /** {@code <prefix>:<type lower-cased>} and {@code <prefix>:all}. */
    static StreamNaming perTypeAndAll(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        String all = prefix + ":all";
        return e -> List.of(prefix + ":" + e.type().toLowerCase(Locale.ROOT), all);
    }

    /** Every event to one stream. */
    static StreamNaming single(String stream) {
        Objects.requireNonNull(stream, "stream");
        List<String> one = List.of(stream);
        return e -> one;
    }
}
