package dev.comptoir.eventstore.internal;

import dev.comptoir.eventstore.EventStoreException;
import dev.comptoir.eventstore.spi.Snapshot;
import dev.comptoir.eventstore.spi.SnapshotStore;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/** Snapshots in the {@code snapshots} table; a save never replaces a newer version. */
public final class PostgresSnapshotStore implements SnapshotStore {

    private final Jdbi jdbi;
    private final String table;

    /** A store over an already migrated {@code schema}. */
    public PostgresSnapshotStore(DataSource dataSource, String schema) {
        this.jdbi = PgSchema.jdbi(dataSource);
        this.table = PgSchema.checkName(schema) + ".snapshots";
    }

    @Override
    public Optional<Snapshot> load(String streamId) {
        try {
            return jdbi.withHandle(h -> h.createQuery(
                            "SELECT stream_id, version, state::text AS state, taken_at FROM " + table + " WHERE stream_id = :s")
                    .bind("s", streamId)
                    .map((rs, ctx) -> new Snapshot(rs.getString(1), rs.getLong(2), rs.getString(3),
                            rs.getObject(4, OffsetDateTime.class).toInstant()))
                    .findOne());
        } catch (JdbiException e) {
            throw EventStoreException.unavailable("loading snapshot of " + streamId, e);
        }
    }

    @Override
    public void save(Snapshot s) {
        try {
            jdbi.useHandle(h -> h.createUpdate("INSERT INTO " + table + " (stream_id, version, state, taken_at) "
                            + "VALUES (:s, :v, CAST(:state AS json), :t) ON CONFLICT (stream_id) DO UPDATE "
                            + "SET version = EXCLUDED.version, state = EXCLUDED.state, taken_at = EXCLUDED.taken_at "
                            + "WHERE " + table + ".version < EXCLUDED.version")
                    .bind("s", s.streamId()).bind("v", s.version()).bind("state", s.state())
                    .bind("t", toOffset(s.takenAt()))
                    .execute());
        } catch (JdbiException e) {
            throw EventStoreException.unavailable("saving snapshot of " + s.streamId(), e);
        }
    }

    static OffsetDateTime toOffset(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
