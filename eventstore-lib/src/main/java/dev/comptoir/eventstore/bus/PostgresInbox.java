package dev.comptoir.eventstore.bus;

import dev.comptoir.eventstore.EventStoreException;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * A durable {@link Inbox}: the mark is a row of the {@code inbox} table, inserted in the same
 * transaction as the effect's writes, so effect and mark commit together or not at all.
 *
 * <pre>{@code
 * inbox.runOnce("projection", eventId, handle -> handle.execute("UPDATE stats SET n = n + 1"));
 * }</pre>
 *
 * <p>Thread-safe; concurrent calls for the same key run the effect once (the second waits on
 * the row lock, then sees the mark).
 */
public final class PostgresInbox implements Inbox {

    private final Jdbi jdbi;
    private final String table;

    PostgresInbox(Jdbi jdbi, String schema) {
        this.jdbi = jdbi;
        this.table = schema + ".inbox";
    }

    /** Runs {@code effect} with the transaction's handle unless already processed; true if it ran. */
    public boolean runOnce(String consumer, String key, Consumer<Handle> effect) {
        try {
            return jdbi.inTransaction(h -> {
                int inserted = h.createUpdate("INSERT INTO " + table + " (consumer, message_key) VALUES (:c, :k) "
                                + "ON CONFLICT DO NOTHING")
                        .bind("c", consumer).bind("k", key).execute();
                if (inserted == 0) {
                    return false;
                }
                effect.accept(h);
                return true;
            });
        } catch (JdbiException e) {
            throw EventStoreException.unavailable("recording " + key + " in the inbox of " + consumer, e);
        }
    }

    /** Runs {@code effect} inside the marking transaction (the mark rolls back if it throws). */
    @Override
    public boolean runOnce(String consumer, String key, Runnable effect) {
        return runOnce(consumer, key, h -> effect.run());
    }

    @Override
    public boolean isProcessed(String consumer, String key) {
        try {
            return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM " + table
                            + " WHERE consumer = :c AND message_key = :k")
                    .bind("c", consumer).bind("k", key).mapTo(Long.class).one() > 0);
        } catch (JdbiException e) {
            throw EventStoreException.unavailable("reading the inbox of " + consumer, e);
        }
    }
}
