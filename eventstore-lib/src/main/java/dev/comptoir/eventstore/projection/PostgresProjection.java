package dev.comptoir.eventstore.projection;

import java.util.List;

/**
 * A projection into PostgreSQL tables it owns.
 *
 * <p>Each table exists per generation as {@code <schema>.<name>_g<n>}; readers query the view
 * {@code <schema>.<name>}, which a rebuild re-points to the new generation in one transaction.
 *
 * <pre>{@code
 * class TypeCounts implements PostgresProjection {
 *     public String name() { return "type-counts"; }
 *     public List<String> tables() { return List.of("type_counts"); }
 *     public void createTables(ReadModelTx tx) {
 *         tx.handle().execute("CREATE TABLE " + tx.table("type_counts") + " (type text PRIMARY KEY, n bigint NOT NULL)");
 *     }
 *     public void apply(ReadModelTx tx, RecordedEvent e) {
 *         tx.handle().execute("INSERT INTO " + tx.table("type_counts") + " VALUES (?, 1) "
 *                 + "ON CONFLICT (type) DO UPDATE SET n = " + tx.table("type_counts") + ".n + 1", e.type());
 *     }
 * }
 * }</pre>
 *
 * <p>Column types must support equality ({@code jsonb}, not {@code json}) for the checker.
 */
public interface PostgresProjection extends Projection<ReadModelTx> {

    /** The logical names of the tables it owns (lower-case identifiers). */
    List<String> tables();

    /** Creates its tables (and indexes) under {@code tx.table(name)}. */
    void createTables(ReadModelTx tx);
}
