package dev.comptoir.eventstore.bus;

import dev.comptoir.eventstore.internal.PgSchema;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The inboxes shipped with the library.
 *
 * <pre>{@code
 * Inbox memory = Inboxes.inMemory();
 * PostgresInbox durable = Inboxes.postgres(dataSource, "refunds");   // schema migrated by EventStore.postgres
 * }</pre>
 */
public final class Inboxes {

    private Inboxes() {
    }

    /** An inbox in memory; {@code runOnce} runs effects under one lock. */
    public static Inbox inMemory() {
        return new Inbox() {
            private final Set<String> done = new HashSet<>();

            @Override
            public synchronized boolean runOnce(String consumer, String key, Runnable effect) {
                String k = Objects.requireNonNull(consumer, "consumer") + "\u0000" + Objects.requireNonNull(key, "key");
                if (done.contains(k)) {
                    return false;
                }
                effect.run();
                done.add(k);
                return true;
            }

            @Override
            public synchronized boolean isProcessed(String consumer, String key) {
                return done.contains(consumer + "\u0000" + key);
            }
        };
    }

    /** An inbox in the {@code inbox} table of {@code schema} (created by the event store migrations). */
    public static PostgresInbox postgres(DataSource dataSource, String schema) {
        return new PostgresInbox(PgSchema.jdbi(dataSource), PgSchema.checkName(schema));
    }
}
