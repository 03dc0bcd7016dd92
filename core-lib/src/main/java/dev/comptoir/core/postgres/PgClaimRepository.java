package dev.comptoir.core.postgres;

import static dev.comptoir.core.postgres.PgCustomerSqlSupport.call;
import static dev.comptoir.core.postgres.PgCustomerSqlSupport.instant;
import static dev.comptoir.core.postgres.PgCustomerSqlSupport.ts;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.claim.Claim;
import dev.comptoir.core.claim.ClaimId;
import dev.comptoir.core.claim.ClaimRepository;
import dev.comptoir.core.claim.ClaimService;
import dev.comptoir.core.claim.ClaimStatus;
import dev.comptoir.core.claim.ClaimType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.StatementContext;

/** {@link ClaimRepository} on PostgreSQL (table {@code claims}); updates lock the row. Thread-safe. */
public final class PgClaimRepository implements ClaimRepository {
    private static final String COLUMNS = "claim_id, customer_id, claim_type, description, product_id, status, "
            + "assigned_agent, resolution, created_at, updated_at, assigned_at, started_at, resolved_at, closed_at";

    private final Jdbi jdbi;

    public PgClaimRepository(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public void insert(Claim claim) {
        Objects.requireNonNull(claim, "claim");
        try {
            call("storing a claim", () -> jdbi.withHandle(h -> h.createUpdate("INSERT INTO claims (" + COLUMNS + ") VALUES "
                            + "(:id, :customer, :type, :description, :product, :status, :agent, :resolution, :created, "
                            + ":updated, :assigned, :started, :resolved, :closed)")
                    .bindMap(params(claim)).execute()));
        } catch (JdbiException e) {
            if (PgCustomerSqlSupport.isUniqueViolation(e)) {
                throw ComptoirException.conflict("claim_id", "claim " + claim.claimId() + " already exists");
            }
            throw e;
        }
    }

    @Override
    public Optional<Claim> find(ClaimId id) {
        return call("reading a claim", () -> jdbi.withHandle(h -> load(h, id, false)));
    }

    @Override
    public Claim update(ClaimId id, UnaryOperator<Claim> change) {
        return call("updating a claim", () -> jdbi.inTransaction(h -> {
            Claim current = load(h, id, true).orElseThrow(() -> ClaimService.notFound(id));
            Claim next = Objects.requireNonNull(change.apply(current), "change returned null");
            if (!next.claimId().equals(id)) {
                throw new IllegalArgumentException("change returned another claim");
            }
            if (next != current) {
                h.createUpdate("""
                                UPDATE claims SET customer_id = :customer, claim_type = :type, description = :description,
                                       product_id = :product, status = :status, assigned_agent = :agent,
                                       resolution = :resolution, created_at = :created, updated_at = :updated,
                                       assigned_at = :assigned, started_at = :started, resolved_at = :resolved,
                                       closed_at = :closed
                                WHERE claim_id = :id""")
                        .bindMap(params(next)).execute();
            }
            return next;
        }));
    }

    @Override
    public List<Claim> list(ClaimStatus status, String customerId) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM claims WHERE TRUE");
        Map<String, Object> p = new HashMap<>();
        if (status != null) {
            sql.append(" AND status = :status");
            p.put("status", status.wireName());
        }
        if (customerId != null) {
            sql.append(" AND customer_id = :customer");
            p.put("customer", customerId);
        }
        sql.append(" ORDER BY created_at, claim_id");
        return call("listing claims", () -> jdbi.withHandle(h -> h.createQuery(sql.toString()).bindMap(p)
                .map(PgClaimRepository::map).list()));
    }

    private static Optional<Claim> load(Handle h, ClaimId id, boolean lock) {
        return h.createQuery("SELECT " + COLUMNS + " FROM claims WHERE claim_id = :id" + (lock ? " FOR UPDATE" : ""))
                .bind("id", id.value()).map(PgClaimRepository::map).findOne();
    }

    private static Map<String, Object> params(Claim c) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", c.claimId().value());
        m.put("customer", c.customerId());
        m.put("type", c.type().wireName());
        m.put("description", c.description());
        m.put("product", c.productId());
        m.put("status", c.status().wireName());
        m.put("agent", c.assignedAgent());
        m.put("resolution", c.resolution());
        m.put("created", ts(c.createdAt()));
        m.put("updated", ts(c.updatedAt()));
        m.put("assigned", ts(c.assignedAt()));
        m.put("started", ts(c.startedAt()));
        m.put("resolved", ts(c.resolvedAt()));
        m.put("closed", ts(c.closedAt()));
        return m;
    }

    private static Claim map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Claim(new ClaimId(rs.getObject("claim_id", UUID.class)), rs.getString("customer_id"),
                ClaimType.parse(rs.getString("claim_type")), rs.getString("description"), rs.getString("product_id"),
                ClaimStatus.parse(rs.getString("status")), rs.getString("assigned_agent"), rs.getString("resolution"),
                instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "assigned_at"),
                instant(rs, "started_at"), instant(rs, "resolved_at"), instant(rs, "closed_at"));
    }
}
