package dev.comptoir.core.postgres;

import dev.comptoir.core.claimsourcing.ClaimEvent;
import dev.comptoir.core.claimsourcing.ClaimEventTypes;
import dev.comptoir.eventstore.EventSerializer;
import dev.comptoir.eventstore.RecordedEvent;
import dev.comptoir.eventstore.projection.PostgresProjection;
import dev.comptoir.eventstore.projection.ReadModelTx;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The claims read models of seed-behaviour §5.3 in PostgreSQL ({@code claim_read_models},
 * {@code customer_stats_read_models}, {@code agent_stats_read_models},
 * {@code claim_type_stats_read_models}, each a view over the live generation), with exactly the
 * rules of the in-memory {@link dev.comptoir.core.claimsourcing.ClaimReadModel}: every statistic
 * updated, decrements floored at 0, status counters moved from the row's previous status.
 *
 * <pre>{@code
 * ProjectionRunner runner = Projections.postgres(store, dataSource, schema,
 *         new PgClaimViewProjection(ClaimEventTypes.serializer()));
 * runner.runUntilIdle();
 * runner.check();
 * }</pre>
 */
public final class PgClaimViewProjection implements PostgresProjection {
    /** Checkpoint name. */
    public static final String NAME = dev.comptoir.core.claimsourcing.ClaimsProjection.NAME; // the same read models
    private static final Map<String, String> STATUS_COLUMN = Map.of("created", "created_claims", "assigned",
            "assigned_claims", "in_progress", "in_progress_claims", "resolved", "resolved_claims", "closed",
            "closed_claims");

    private final EventSerializer serializer;

    public PgClaimViewProjection(EventSerializer serializer) {
        this.serializer = Objects.requireNonNull(serializer, "serializer");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean handles(String eventType) {
        return ClaimEventTypes.CLAIM_TYPES.contains(eventType);
    }

    @Override
    public List<String> tables() {
        return List.of("claim_read_models", "customer_stats_read_models", "agent_stats_read_models",
                "claim_type_stats_read_models");
    }

    @Override
    public void createTables(ReadModelTx tx) {
        Handle h = tx.handle();
        h.execute("CREATE TABLE " + tx.table("claim_read_models") + " (claim_id text PRIMARY KEY, customer_id text NOT NULL,"
                + " claim_type text NOT NULL, description text NOT NULL, product_id text, status text NOT NULL,"
                + " assigned_agent text, resolution text, created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL,"
                + " assigned_at timestamptz, started_at timestamptz, resolved_at timestamptz, closed_at timestamptz)");
        h.execute("CREATE TABLE " + tx.table("customer_stats_read_models") + " (customer_id text PRIMARY KEY,"
                + " total_claims bigint NOT NULL, active_claims bigint NOT NULL, resolved_claims bigint NOT NULL,"
                + " closed_claims bigint NOT NULL, last_claim_date timestamptz, updated_at timestamptz NOT NULL)");
        h.execute("CREATE TABLE " + tx.table("agent_stats_read_models") + " (agent_id text PRIMARY KEY,"
                + " total_assigned_claims bigint NOT NULL, active_claims bigint NOT NULL, resolved_claims bigint NOT NULL,"
                + " last_assignment_date timestamptz, updated_at timestamptz NOT NULL)");
        h.execute("CREATE TABLE " + tx.table("claim_type_stats_read_models") + " (claim_type text PRIMARY KEY,"
                + " total_claims bigint NOT NULL, created_claims bigint NOT NULL, assigned_claims bigint NOT NULL,"
                + " in_progress_claims bigint NOT NULL, resolved_claims bigint NOT NULL, closed_claims bigint NOT NULL,"
                + " updated_at timestamptz NOT NULL)");
    }

    @Override
    public void apply(ReadModelTx tx, RecordedEvent event) {
        ClaimEvent e = serializer.deserialize(event, ClaimEvent.class);
        Instant at = event.metadata().timestamp();
        Handle h = tx.handle();
        String claims = tx.table("claim_read_models");
        String customers = tx.table("customer_stats_read_models");
        String agents = tx.table("agent_stats_read_models");
        String types = tx.table("claim_type_stats_read_models");
        if (e instanceof ClaimEvent.ReclamationCreee c) {
            int inserted = h.createUpdate("INSERT INTO " + claims + " (claim_id, customer_id, claim_type, description,"
                            + " product_id, status, created_at, updated_at) VALUES (:id, :cust, :type, :d, :p, 'created', :c, :u)"
                            + " ON CONFLICT (claim_id) DO NOTHING")
                    .bind("id", c.claimId()).bind("cust", c.customerId()).bind("type", c.claimType())
                    .bind("d", c.description()).bind("p", c.productId()).bind("c", c.createdAt()).bind("u", at).execute();
            if (inserted == 0) {
                return;
            }
            h.createUpdate("INSERT INTO " + customers + " AS s VALUES (:id, 1, 1, 0, 0, :last, :u) ON CONFLICT (customer_id)"
                            + " DO UPDATE SET total_claims = s.total_claims + 1, active_claims = s.active_claims + 1,"
                            + " last_claim_date = :last, updated_at = :u")
                    .bind("id", c.customerId()).bind("last", c.createdAt()).bind("u", at).execute();
            h.createUpdate("INSERT INTO " + types + " AS s VALUES (:t, 1, 1, 0, 0, 0, 0, :u) ON CONFLICT (claim_type)"
                            + " DO UPDATE SET total_claims = s.total_claims + 1, created_claims = s.created_claims + 1,"
                            + " updated_at = :u")
                    .bind("t", c.claimType()).bind("u", at).execute();
            return;
        }
        Optional<Row> found = h.createQuery("SELECT status, customer_id, claim_type, assigned_agent FROM " + claims
                        + " WHERE claim_id = :id").bind("id", e.claimId())
                .map((rs, ctx) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).findOne();
        if (found.isEmpty()) {
            return;
        }
        Row r = found.get();
        switch (e) {
            case ClaimEvent.ReclamationCreee c -> {
            }
            case ClaimEvent.ReclamationAffectee a -> {
                if (r.agent() != null && !r.agent().equals(a.agentId())) {
                    h.createUpdate("UPDATE " + agents + " SET active_claims = GREATEST(active_claims - 1, 0), updated_at = :u"
                            + " WHERE agent_id = :id").bind("id", r.agent()).bind("u", at).execute();
                }
                if (!a.agentId().equals(r.agent())) {
                    h.createUpdate("INSERT INTO " + agents + " AS s VALUES (:id, 1, 1, 0, :last, :u) ON CONFLICT (agent_id)"
                                    + " DO UPDATE SET total_assigned_claims = s.total_assigned_claims + 1,"
                                    + " active_claims = s.active_claims + 1, last_assignment_date = :last, updated_at = :u")
                            .bind("id", a.agentId()).bind("last", a.assignedAt()).bind("u", at).execute();
                }
                moveType(h, types, r, "assigned", at);
                h.createUpdate("UPDATE " + claims + " SET status = 'assigned', assigned_agent = :a, assigned_at = :t,"
                        + " updated_at = :u WHERE claim_id = :id").bind("a", a.agentId()).bind("t", a.assignedAt())
                        .bind("u", at).bind("id", a.claimId()).execute();
            }
            case ClaimEvent.ReclamationEnCours s -> {
                if (r.status().equals("in_progress")) {
                    return;
                }
                moveType(h, types, r, "in_progress", at);
                h.createUpdate("UPDATE " + claims + " SET status = 'in_progress', started_at = :t, updated_at = :u"
                        + " WHERE claim_id = :id").bind("t", s.startedAt()).bind("u", at).bind("id", s.claimId()).execute();
            }
            case ClaimEvent.ReclamationResolue v -> {
                if (r.status().equals("resolved")) {
                    return;
                }
                h.createUpdate("UPDATE " + customers + " SET active_claims = GREATEST(active_claims - 1, 0),"
                        + " resolved_claims = resolved_claims + 1, updated_at = :u WHERE customer_id = :id")
                        .bind("id", r.customer()).bind("u", at).execute();
                if (r.agent() != null) {
                    h.createUpdate("UPDATE " + agents + " SET active_claims = GREATEST(active_claims - 1, 0),"
                            + " resolved_claims = resolved_claims + 1, updated_at = :u WHERE agent_id = :id")
                            .bind("id", r.agent()).bind("u", at).execute();
                }
                moveType(h, types, r, "resolved", at);
                h.createUpdate("UPDATE " + claims + " SET status = 'resolved', resolution = :res, resolved_at = :t,"
                        + " updated_at = :u WHERE claim_id = :id").bind("res", v.resolution()).bind("t", v.resolvedAt())
                        .bind("u", at).bind("id", v.claimId()).execute();
            }
            case ClaimEvent.ReclamationCloturee c -> {
                if (r.status().equals("closed")) {
                    return;
                }
                h.createUpdate("UPDATE " + customers + " SET resolved_claims = GREATEST(resolved_claims - 1, 0),"
                        + " closed_claims = closed_claims + 1, updated_at = :u WHERE customer_id = :id")
                        .bind("id", r.customer()).bind("u", at).execute();
                moveType(h, types, r, "closed", at);
                h.createUpdate("UPDATE " + claims + " SET status = 'closed', closed_at = :t, updated_at = :u"
                        + " WHERE claim_id = :id").bind("t", c.closedAt()).bind("u", at).bind("id", c.claimId()).execute();
            }
        }
    }

    private static void moveType(Handle h, String types, Row r, String to, Instant at) {
        if (r.status().equals(to)) {
            return;
        }
        String from = STATUS_COLUMN.get(r.status());
        String into = STATUS_COLUMN.get(to);
        h.createUpdate("UPDATE " + types + " SET " + from + " = GREATEST(" + from + " - 1, 0), " + into + " = " + into
                + " + 1, updated_at = :u WHERE claim_type = :t").bind("t", r.type()).bind("u", at).execute();
    }

    private record Row(String status, String customer, String type, String agent) {
    }
}
