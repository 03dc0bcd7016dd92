package dev.comptoir.eventstore;

import java.time.Instant;
import java.util.UUID;

/** Small factories for test envelopes. */
public final class TestEvents {

    public static final Instant T0 = Instant.parse("2026-11-25T10:00:00.123456Z");

    private TestEvents() {
    }

    public static EventEnvelope event(String type, String json) {
        return new EventEnvelope(UUID.randomUUID(), type, json, EventMetadata.of(T0));
    }

    /**
     * Waits until "read all" offers at least {@code count} events: the PostgreSQL store's read-all
     * horizon trails the newest commits while older write transactions of the cluster are running.
     */
    public static void awaitVisible(EventStore store, long count) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15))
                .pollInterval(java.time.Duration.ofMillis(10))
                .until(() -> store.countAfter(0) >= count);
    }

    public static EventEnvelope event(int n) {
        return event("Numbered", "{\"n\":" + n + "}");
    }
}
