package dev.comptoir.core.postgres;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.catalog.ProductId;
import dev.comptoir.core.location.LocationId;
import dev.comptoir.core.restock.RestockQuery;
import dev.comptoir.core.restock.RestockRequest;
import dev.comptoir.core.restock.RestockRequestId;
import dev.comptoir.core.restock.RestockStatus;
import dev.comptoir.core.restock.RestockStore;
import dev.comptoir.core.restock.StatusChange;
import dev.comptoir.core.restock.Transfer;
import dev.comptoir.core.restock.TransferId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * {@link RestockStore} on PostgreSQL (tables of {@code V4__restock.sql}).
 *
 * <pre>{@code
 * RestockStore store = new PgRestockStore(database.jdbi());
 * }</pre>
 *
 * <p>Thread-safe. {@link #replace} is a conditional {@code UPDATE … WHERE status = :expected}
 * and rewrites the history in the same transaction.
 */
public final class PgRestockStore implements RestockStore {
    private static final String COLUMNS = """
            id, requester_id, supplier_id, product_id, requested_quantity, approved_quantity, status, requested_at,
            processed_at, comment, rejection_reason, transfer_id""";

    private final Jdbi jdbi;

    public PgRestockStore(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public RestockRequestId nextRequestId() {
        return RestockRequestId.of(run(() -> jdbi.withHandle(h ->
                h.createQuery("SELECT nextval('restock_request_ids')").mapTo(Long.class).one())));
    }

    @Override
    public TransferId nextTransferId() {
        return TransferId.of(run(() -> jdbi.withHandle(h ->
                h.createQuery("SELECT nextval('stock_transfer_ids')").mapTo(Long.class).one())));
    }

    @Override
    public void insert(RestockRequest r) {
        run(() -> jdbi.inTransaction(h -> {
            h.createUpdate("INSERT INTO restock_requests (" + COLUMNS + """
                            ) VALUES (:id, :requester, :supplier, :product, :requested, :approved, :status, :requestedAt,
                                      :processedAt, :comment, :reason, :transfer)""")
                    .bindMap(values(r))
                    .execute();
            writeHistory(h, r);
            return null;
        }));
    }

    @Override
    public boolean replace(RestockRequest r, RestockStatus expected) {
        return run(() -> jdbi.inTransaction(h -> {
            Map<String, Object> v = values(r);
            v.put("expected", expected.name());
            int n = h.createUpdate("""
                            UPDATE restock_requests SET approved_quantity = :approved, status = :status,
                                   processed_at = :processedAt, rejection_reason = :reason, transfer_id = :transfer
                            WHERE id = :id AND status = :expected""")
                    .bindMap(v)
                    .execute();
            if (n == 0) {
                return false;
            }
            h.createUpdate("DELETE FROM restock_status_history WHERE request_id = :id").bind("id", r.id().value()).execute();
            writeHistory(h, r);
            return true;
        }));
    }

    @Override
    public Optional<RestockRequest> find(RestockRequestId id) {
        return load("WHERE id = :id", Map.of("id", id.value())).stream().findFirst();
    }

    @Override
    public List<RestockRequest> find(RestockQuery q) {
        Map<String, Object> args = new HashMap<>();
        args.put("status", q.status().map(Enum::name).orElse(null));
        args.put("requester", q.requester().map(LocationId::value).orElse(null));
        return load("""
                WHERE (CAST(:status AS text) IS NULL OR status = :status)
                  AND (CAST(:requester AS integer) IS NULL OR requester_id = :requester)""", args);
    }

    @Override
    public void insert(Transfer t) {
        run(() -> jdbi.withHandle(h -> h.createUpdate("""
                        INSERT INTO stock_transfers (id, source_id, destination_id, product_id, quantity, at, request_id)
                        VALUES (:id, :source, :destination, :product, :quantity, :at, :request)""")
                .bind("id", t.id().value())
                .bind("source", t.source().value())
                .bind("destination", t.destination().value())
                .bind("product", t.product().value())
                .bind("quantity", t.quantity())
                .bind("at", PgInventoryStore.ts(t.at()))
                .bind("request", t.request().map(RestockRequestId::value).orElse(null))
                .execute()));
    }

    @Override
    public List<Transfer> transfers(Optional<LocationId> location) {
        return run(() -> jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, source_id, destination_id, product_id, quantity, at, request_id FROM stock_transfers
                        WHERE CAST(:l AS integer) IS NULL OR source_id = :l OR destination_id = :l ORDER BY id""")
                .bind("l", location.map(LocationId::value).orElse(null))
                .map((rs, ctx) -> new Transfer(TransferId.of(rs.getLong(1)), LocationId.of(rs.getInt(2)),
                        LocationId.of(rs.getInt(3)), ProductId.of(rs.getLong(4)), rs.getLong(5),
                        PgInventoryStore.instant(rs, 6),
                        Optional.ofNullable(rs.getObject(7, Long.class)).map(RestockRequestId::of)))
                .list()));
    }

    /** The columns of a request row, before its history is attached. */
    private record Head(RestockRequestId id, LocationId requester, LocationId supplier, ProductId product,
                        long requested, long approved, RestockStatus status, Instant requestedAt,
                        Optional<Instant> processedAt, String comment, Optional<String> reason,
                        Optional<TransferId> transfer) {
        RestockRequest with(List<StatusChange> history) {
            return new RestockRequest(id, requester, supplier, product, requested, approved, status, requestedAt,
                    processedAt, comment, reason, transfer, history);
        }
    }

    private List<RestockRequest> load(String where, Map<String, Object> args) {
        return run(() -> jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> {
            List<Head> heads = h.createQuery("SELECT " + COLUMNS + " FROM restock_requests " + where + " ORDER BY id")
                    .bindMap(args)
                    .map((rs, ctx) -> head(rs))
                    .list();
            if (heads.isEmpty()) {
                return List.<RestockRequest>of();
            }
            List<Long> ids = heads.stream().map(x -> x.id().value()).toList();
            Map<Long, List<StatusChange>> history = new HashMap<>();
            h.createQuery("""
                            SELECT request_id, from_status, to_status, at, note FROM restock_status_history
                            WHERE request_id = ANY(CAST(:ids AS bigint[])) ORDER BY request_id, seq""")
                    .bindArray("ids", Long.class, ids)
                    .map((rs, ctx) -> history.computeIfAbsent(rs.getLong(1), x -> new ArrayList<>()).add(new StatusChange(
                            Optional.ofNullable(rs.getString(2)).map(RestockStatus::valueOf),
                            RestockStatus.valueOf(rs.getString(3)), PgInventoryStore.instant(rs, 4), rs.getString(5))))
                    .list();
            return heads.stream().map(x -> x.with(history.getOrDefault(x.id().value(), List.of()))).toList();
        }));
    }

    private static Head head(ResultSet rs) throws SQLException {
        return new Head(RestockRequestId.of(rs.getLong(1)), LocationId.of(rs.getInt(2)), LocationId.of(rs.getInt(3)),
                ProductId.of(rs.getLong(4)), rs.getLong(5), rs.getLong(6), RestockStatus.valueOf(rs.getString(7)),
                PgInventoryStore.instant(rs, 8), Optional.ofNullable(PgInventoryStore.instant(rs, 9)), rs.getString(10),
                Optional.ofNullable(rs.getString(11)), Optional.ofNullable(rs.getObject(12, Long.class)).map(TransferId::of));
    }

    private static Map<String, Object> values(RestockRequest r) {
        Map<String, Object> v = new HashMap<>();
        v.put("id", r.id().value());
        v.put("requester", r.requester().value());
        v.put("supplier", r.supplier().value());
        v.put("product", r.product().value());
        v.put("requested", r.requestedQuantity());
        v.put("approved", r.approvedQuantity());
        v.put("status", r.status().name());
        v.put("requestedAt", PgInventoryStore.ts(r.requestedAt()));
        v.put("processedAt", r.processedAt().map(PgInventoryStore::ts).orElse(null));
        v.put("comment", r.comment());
        v.put("reason", r.rejectionReason().orElse(null));
        v.put("transfer", r.transfer().map(TransferId::value).orElse(null));
        return v;
    }

    private static void writeHistory(Handle h, RestockRequest r) {
        PreparedBatch batch = h.prepareBatch("""
                INSERT INTO restock_status_history (request_id, seq, from_status, to_status, at, note)
                VALUES (:id, :seq, :from, :to, :at, :note)""");
        int seq = 0;
        for (StatusChange c : r.history()) {
            batch.bind("id", r.id().value()).bind("seq", seq++).bind("from", c.from().map(Enum::name).orElse(null))
                    .bind("to", c.to().name()).bind("at", PgInventoryStore.ts(c.at())).bind("note", c.note()).add();
        }
        batch.execute();
    }

    private static <T> T run(Supplier<T> work) {
        try {
            return work.get();
        } catch (JdbiException e) {
            String state = PgInventoryStore.sqlState(e);
            if ("23505".equals(state)) {
                throw ComptoirException.conflict("request_id", "restock request or transfer id already exists");
            }
            throw ComptoirException.unavailable("restock database operation failed (SQLSTATE " + state + ")", e);
        }
    }
}
