package dev.comptoir.sim.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that only moves when the scheduler moves it (millisecond resolution). Single-threaded. */
final class VirtualClock extends Clock {
    /** Virtual runs start at 2026-01-05T08:00:00Z, a Monday morning. */
    static final long EPOCH_MILLIS = 1_767_600_000_000L;

    private long nowMillis = EPOCH_MILLIS;
    private Instant cached = Instant.ofEpochMilli(nowMillis);

    /** Milliseconds since the start of the run. */
    long elapsedMillis() {
        return nowMillis - EPOCH_MILLIS;
    }

    void advanceTo(long millis) {
        if (millis < nowMillis) {
            throw new IllegalStateException("time cannot go back from " + nowMillis + " to " + millis);
        }
        if (millis != nowMillis) {
            nowMillis = millis;
            cached = Instant.ofEpochMilli(millis);
        }
    }

    @Override
    public Instant instant() {
        return cached;
    }

    @Override
    public long millis() {
        return nowMillis;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a virtual clock stays in UTC");
    }
}
