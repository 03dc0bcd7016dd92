package dev.comptoir.saga;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that only moves when told to (millisecond precision, so instants survive a round trip
 * through PostgreSQL unchanged). Thread-safe.
 *
 * <pre>{@code
 * VirtualClock clock = VirtualClock.at("2026-01-01T00:00:00Z");
 * clock.advance(Duration.ofSeconds(31));
 * }</pre>
 */
public final class VirtualClock extends Clock {
    private final AtomicReference<Instant> now;

    private VirtualClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    /** A clock stopped at {@code iso}. */
    public static VirtualClock at(String iso) {
        return new VirtualClock(Instant.parse(iso));
    }

    /** Moves time forward. */
    public void advance(Duration d) {
        now.updateAndGet(t -> t.plus(d));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
