package dev.comptoir.eventstore.bus;

import dev.comptoir.eventstore.internal.PgSchema;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
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

    /** An inbox in memory that remembers every key; {@code runOnce} runs effects under one lock. */
    public static Inbox inMemory() {
        return inMemory(Integer.MAX_VALUE);
    }

    /**
     * An inbox in memory that remembers the newest {@code keptKeys} (consumer, key) pairs and
     * forgets older ones, as a pruned inbox table would. It de-duplicates a redelivery as long as
     * fewer than {@code keptKeys} other messages were handled in between, so size it well above
     * what the bus can redeliver (e.g. its stream length times the consumers sharing the inbox).
     */
    public static Inbox inMemory(int keptKeys) {
        if (keptKeys < 1) {
            throw new IllegalArgumentException("keptKeys must be >= 1, was " + keptKeys);
        }
        return new Inbox() {
            private final Set<String> done = Collections.newSetFromMap(new LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > keptKeys;
                }
            });

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
