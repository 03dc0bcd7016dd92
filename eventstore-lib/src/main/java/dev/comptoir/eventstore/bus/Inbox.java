package dev.comptoir.eventstore.bus;

/**
 * Makes a consumer's effects exactly-once under at-least-once delivery: an effect keyed by a
 * message key (usually the event id) runs at most once per consumer.
 *
 * <pre>{@code
 * Inbox inbox = Inboxes.inMemory();
 * MessageHandler handler = m -> inbox.runOnce("refund-payment", m.field(EventMessages.EVENT_ID), () -> refund(m));
 * }</pre>
 *
 * <p>The key is marked only if the effect returns normally; for the mark and the effect to be
 * atomic the effect must live in the same store as the inbox (see {@link PostgresInbox}).
 * Implementations are thread-safe.
 */
public interface Inbox {

    /** Runs {@code effect} unless {@code key} was already processed by {@code consumer}; true if it ran. */
    boolean runOnce(String consumer, String key, Runnable effect);

    /** True when {@code key} was processed by {@code consumer}. */
    boolean isProcessed(String consumer, String key);
}
