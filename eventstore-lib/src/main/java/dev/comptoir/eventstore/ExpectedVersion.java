package dev.comptoir.eventstore;

/**
 * The condition an append places on the stream's current version.
 *
 * <p>Stream versions start at 1 (the first event); a stream that does not exist is at 0.
 *
 * <pre>{@code
 * store.append("claim-42", ExpectedVersion.noStream(), created);
 * store.append("claim-42", ExpectedVersion.exactly(1), assigned);
 * store.append("audit", ExpectedVersion.any(), entry);
 * }</pre>
 */
public sealed interface ExpectedVersion {

    /** Append whatever the stream's version. */
    static ExpectedVersion any() {
        return Any.INSTANCE;
    }

    /** Append only if the stream has no events yet. */
    static ExpectedVersion noStream() {
        return NoStream.INSTANCE;
    }

    /** Append only if the stream's last event has version {@code version} (0 means no stream). */
    static ExpectedVersion exactly(long version) {
        return version == 0 ? noStream() : new Exact(version);
    }

    /** True when a stream at {@code current} satisfies this condition. */
    default boolean matches(long current) {
        return switch (this) {
            case Any a -> true;
            case NoStream n -> current == 0;
            case Exact e -> current == e.version();
        };
    }

    /** A short human description, e.g. {@code "version 4"}. */
    default String describe() {
        return switch (this) {
            case Any a -> "any version";
            case NoStream n -> "no stream";
            case Exact e -> "version " + e.version();
        };
    }

    /** No condition. */
    enum Any implements ExpectedVersion { INSTANCE }

    /** The stream must not exist. */
    enum NoStream implements ExpectedVersion { INSTANCE }

    /**
     * The stream must be exactly at {@code version}.
     *
     * @param version the expected last version, at least 1
     */
    record Exact(long version) implements ExpectedVersion {
        public Exact {
            if (version < 1) {
                throw new IllegalArgumentException("version must be >= 1 (use noStream() for 0), was " + version);
            }
        }
    }
}
