package dev.comptoir.eventstore;

/**
 * An append's {@link ExpectedVersion} did not match the stream's current version.
 *
 * <p>Not transient in the narrow sense: retrying the same append fails again; reload the
 * stream, decide again and append with the new version (the
 * {@link dev.comptoir.eventstore.aggregate.AggregateRepository} does that for you).
 *
 * <pre>{@code
 * throw ConcurrencyConflictException.expected("claim-42", ExpectedVersion.exactly(4), 5);
 * }</pre>
 */
public final class ConcurrencyConflictException extends EventStoreException {

    private final String streamId;
    private final ExpectedVersion expected;
    private final long actual;

    private ConcurrencyConflictException(String streamId, ExpectedVersion expected, long actual) {
        super("concurrency conflict on stream " + streamId + ": expected " + expected.describe()
                + " but the stream is at version " + actual + (actual == 0 ? " (no stream)" : ""), null, false);
        this.streamId = streamId;
        this.expected = expected;
        this.actual = actual;
    }

    /** The stream was expected at {@code expected} but is at {@code actual} (0 = no stream). */
    public static ConcurrencyConflictException expected(String streamId, ExpectedVersion expected, long actual) {
        return new ConcurrencyConflictException(streamId, expected, actual);
    }

    /** The stream whose version did not match. */
    public String streamId() {
        return streamId;
    }

    /** What the caller expected. */
    public ExpectedVersion expectedVersion() {
        return expected;
    }

    /** The version found (0 when the stream did not exist; -1 when unknown, e.g. a racing writer). */
    public long actualVersion() {
        return actual;
    }
}
