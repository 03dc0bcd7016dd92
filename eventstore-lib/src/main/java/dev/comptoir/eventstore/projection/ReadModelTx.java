package dev.comptoir.eventstore.projection;

import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Handle;

/**
 * The write target of a {@link PostgresProjection}: the JDBI handle of the runner's
 * transaction (the checkpoint is updated in it too) and the physical names of the
 * projection's tables for this generation.
 *
 * <pre>{@code
 * tx.handle().createUpdate("INSERT INTO " + tx.table("claims") + " (id, status) VALUES (:id, :s)")...
 * }</pre>
 *
 * @param handle the transaction's handle
 * @param tables logical table name to qualified physical name
 */
public record ReadModelTx(Handle handle, Map<String, String> tables) {
    public ReadModelTx {
        Objects.requireNonNull(handle, "handle");
        tables = Map.copyOf(tables);
    }

    /** The qualified physical name of logical table {@code name} (e.g. {@code claims.claims_g2}). */
    public String table(String name) {
        String t = tables.get(name);
        if (t == null) {
            throw new IllegalArgumentException("table " + name + " is not declared by the projection " + tables.keySet());
        }
        return t;
    }
}
