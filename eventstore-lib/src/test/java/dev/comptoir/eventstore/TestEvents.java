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

    public static EventEnvelope event(int n) {
        return event("Numbered", "{\"n\":" + n + "}");
    }
}
