package dev.comptoir.core.postgres;

import dev.comptoir.core.claimsourcing.ClaimEventTypes;
import dev.comptoir.core.claimsourcing.ClaimsModule;
import dev.comptoir.eventstore.EventStore;
import dev.comptoir.eventstore.bus.Inboxes;
import dev.comptoir.eventstore.outbox.CheckpointStores;
import dev.comptoir.eventstore.projection.Projections;
import java.util.Objects;

/**
 * Wiring of {@link ClaimsModule} on PostgreSQL: the event store, the consumers' inbox, the relay's
 * checkpoint and the claims read models ({@link PgClaimViewProjection}) in the schema
 * {@code <core schema>_events} (eventstore-lib's Flyway cannot share a schema core's migrations
 * already filled); refunds ({@link PgRefundRepository}), stock adjustments, notifications and the
 * audit trail in the core schema (V54, V101).
 * The bus is the caller's (in memory by default, Redis with {@code MessageBuses.redis(..)}).
 *
 * <pre>{@code
 * EventStore store = PgClaimViewModule.eventStore(db);
 * ClaimsModule claims = PgClaimViewModule.builder(db, store).clock(clock).bus(redisBus).build();
 * }</pre>
 */
public final class PgClaimViewModule {
    private PgClaimViewModule() {
    }

    /** {@code <core schema>_events}. */
    public static String eventSchema(PostgresDatabase db) {
        return db.schema() + "_events";
    }

    /** The PostgreSQL event store in {@link #eventSchema}; close it before the pool. */
    public static EventStore eventStore(PostgresDatabase db) {
        return EventStore.postgres(db.dataSource(), eventSchema(db));
    }

    /** A module builder with durable inbox, checkpoints, refunds and claims projection. */
    public static ClaimsModule.Builder builder(PostgresDatabase db, EventStore store) {
        Objects.requireNonNull(db, "db");
        String schema = eventSchema(db);
        return ClaimsModule.builder(store, new PgRefundRepository(db.jdbi()))
                .inbox(Inboxes.postgres(db.dataSource(), schema))
                .checkpoints(CheckpointStores.postgres(db.dataSource(), schema))
                .adjustments(new PgRefundSagaAdjustments(db.jdbi()))
                .notifications(new PgNotificationLog(db.jdbi()))
                .audit(new PgAuditLog(db.jdbi()))
                .projection(Projections.postgres(store, db.dataSource(), schema,
                        new PgClaimViewProjection(ClaimEventTypes.serializer())));
    }
}
