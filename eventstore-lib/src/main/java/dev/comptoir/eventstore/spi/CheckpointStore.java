package dev.comptoir.eventstore.spi;

/**
 * Keeps named positions (of a relay, a subscriber). Implementations must be thread-safe.
 */
public interface CheckpointStore {

    /** The stored position of {@code name}, or 0 when none is stored. */
    long load(String name);

    /** Stores {@code position} for {@code name}. */
    void save(String name, long position);
}
