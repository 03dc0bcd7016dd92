package dev.comptoir.eventstore.projection;

/**
 * What a rebuild did.
 *
 * @param eventsRead events read from the store
 * @param position   the position the new read model is at when it went live
 * @param generation the new generation number (in-memory: the number of rebuilds + 1)
 */
public record RebuildResult(long eventsRead, long position, int generation) {
}
