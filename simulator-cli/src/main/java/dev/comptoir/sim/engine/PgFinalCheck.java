package dev.comptoir.sim.engine;

import dev.comptoir.core.catalog.ProductId;
import dev.comptoir.core.inventory.InventoryService;
import dev.comptoir.core.inventory.StockKey;
import dev.comptoir.core.location.LocationId;
import dev.comptoir.core.money.Money;
import dev.comptoir.core.postgres.PostgresDatabase;
import dev.comptoir.saga.SagaState;
import dev.comptoir.saga.spi.SagaStorage;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The end-of-run checks of the PostgreSQL run, computed from the database: stock rows against the
 * run's own ledger, the inventory journal, open reservations, and one pass over every order saga
 * joined with its payments, reservation and order (charged once, compensation restored), then the
 * money balance. Single-threaded; run after every other thread stopped.
 */
final class PgFinalCheck {
    private final PostgresDatabase db;
    private final String core;
    private final String sagas;
    private final StockLedger ledger;
    private final InventoryService inventory;
    private final Checker checker;
    private final LatencyHistogram latency = new LatencyHistogram();
    private final Map<String, Long> causes = new TreeMap<>();
    private final List<long[]> stockRows = new ArrayList<>();
    private long completed;
    private long compensated;
    private long completedCents;
    private long capturedCents;
    private long refundedCents;
    private long outcomeDigest;

    PgFinalCheck(PostgresDatabase db, String coreSchema, String sagaSchema, StockLedger ledger, InventoryService inventory,
                 Checker checker) {
        this.db = db;
        this.core = coreSchema;
        this.sagas = sagaSchema;
        this.ledger = ledger;
        this.inventory = inventory;
        this.checker = checker;
    }

    /** Stock conservation, the inventory journal and open reservations. */
    void stock() {
        Map<StockKey, long[]> actual = new HashMap<>();
        query("SELECT product_id, location_id, on_hand, reserved FROM " + core + ".stock ORDER BY product_id, location_id",
                rs -> {
                    long[] row = {rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getLong(4)};
                    stockRows.add(row);
                    actual.put(StockKey.of(ProductId.of(row[0]), LocationId.of((int) row[1])), row);
                });
        long rows = 0;
        for (Map.Entry<StockKey, long[]> e : ledger.rows().entrySet()) {
            long expected = StockLedger.expected(e.getValue());
            long[] row = actual.remove(e.getKey());
            long onHand = row == null ? 0 : row[2];
            rows++;
            if (expected == onHand) {
                checker.pass(Checker.STOCK_CONSERVATION);
            } else {
                checker.failed(Checker.STOCK_CONSERVATION, "product " + e.getKey().product() + " at location "
                        + e.getKey().location() + ": " + StockLedger.describe(e.getValue()) + " but on hand is " + onHand);
            }
        }
        for (long[] row : actual.values()) { // rows the run never moved must be empty
            rows++;
            checker.check(Checker.STOCK_CONSERVATION, row[2] == 0, "product " + row[0] + " at location " + row[1]
                    + " holds " + row[2] + " units the run never put there");
        }
        checker.detail(Checker.STOCK_CONSERVATION, rows + " product×location rows on PostgreSQL; initial "
                + ledger.total(StockLedger.INITIAL) + " + restocks " + ledger.total(StockLedger.RESTOCK) + " + returns "
                + ledger.total(StockLedger.RETURN) + " + transfers in " + ledger.total(StockLedger.TRANSFER_IN)
                + " − sales " + ledger.total(StockLedger.SALE) + " − confirmed " + ledger.total(StockLedger.CONFIRMED)
                + " − transfers out " + ledger.total(StockLedger.TRANSFER_OUT));

        List<StockKey> bad = inventory.verifyJournal();
        checker.check(Checker.INVENTORY_JOURNAL, bad.isEmpty(), "journal disagrees with stock for "
                + bad.stream().limit(5).toList());
        long[] journal = new long[1];
        query("SELECT count(*) FROM " + core + ".stock_movements", rs -> journal[0] = rs.getLong(1));
        checker.detail(Checker.INVENTORY_JOURNAL, journal[0] + " journal rows re-summed by PostgreSQL");

        long reserved = 0;
        long openRows = 0;
        for (long[] row : stockRows) {
            reserved += row[3];
            if (row[3] > 0) {
                openRows++;
            }
        }
        checker.check(Checker.NO_OPEN_RESERVATION, reserved == 0,
                reserved + " units still reserved on " + openRows + " rows after every saga ended");
        checker.detail(Checker.NO_OPEN_RESERVATION, reserved + " units reserved at the end");
    }

    /** One pass over every order saga with its payments, reservation and order; then sagas-terminal. */
    void orders(SagaStorage storage) {
        String sql = """
                WITH pay AS (
                    SELECT split_part(transaction_id, '/', 1) AS k,
                           count(*) FILTER (WHERE captured_amount > 0) AS captures,
                           sum(captured_amount) AS captured, sum(refunded_amount) AS refunded
                    FROM %1$s.payments GROUP BY 1)
                SELECT s.id::text, s.state, s.failure, s.data->>'amount', s.created_at, s.updated_at,
                       coalesce(p.captures, 0), coalesce(p.captured, 0), coalesce(p.refunded, 0), r.status, o.status,
                       s.idempotency_key
                FROM %2$s.saga_instance s
                LEFT JOIN pay p ON p.k = s.id::text
                LEFT JOIN %1$s.reservations r ON r.id = s.id::text
                LEFT JOIN %1$s.checkout_order_index i ON i.saga_id = s.id::text
                LEFT JOIN %1$s.orders o ON o.id = i.order_id
                """.formatted(core, sagas);
        query(sql, this::settle);
        Map<SagaState, Long> counts = storage.countByState();
        long active = counts.getOrDefault(SagaState.RUNNING, 0L) + counts.getOrDefault(SagaState.COMPENSATING, 0L);
        long stuck = counts.getOrDefault(SagaState.STUCK, 0L);
        String first = Stream.of(SagaState.RUNNING, SagaState.COMPENSATING, SagaState.STUCK)
                .flatMap(state -> storage.findByState(state, 1).stream()).findFirst()
                .map(r -> "saga " + r.id() + " is " + r.state() + " at step " + r.stepIndex()
                        + (r.failure() == null ? "" : " (" + r.failure() + ")"))
                .orElse("");
        checker.check(Checker.SAGAS_TERMINAL, active == 0 && stuck == 0, first);
        checker.detail(Checker.SAGAS_TERMINAL, counts.values().stream().mapToLong(Long::longValue).sum()
                + " sagas on PostgreSQL: " + completed + " completed, " + compensated + " compensated, " + stuck
                + " stuck, " + active + " active");
        checker.detail(Checker.COMPENSATION_RESTORED, compensated + " compensated orders settled");
        checker.detail(Checker.CHARGED_ONCE, completed + " completed orders settled");
    }

    private void settle(ResultSet rs) throws SQLException {
        String id = rs.getString(1);
        SagaState state = SagaState.valueOf(rs.getString(2));
        String failure = rs.getString(3);
        String amountText = rs.getString(4);
        long amountCents = amountText == null ? 0 : new BigDecimal(amountText).movePointRight(2).longValueExact();
        Timestamp created = rs.getTimestamp(5);
        Timestamp updated = rs.getTimestamp(6);
        long captures = rs.getLong(7);
        long captured = rs.getBigDecimal(8).movePointRight(2).longValueExact();
        long refunded = rs.getBigDecimal(9).movePointRight(2).longValueExact();
        String reservation = rs.getString(10);
        String order = rs.getString(11);
        String key = rs.getString(12);
        if (state.isActive() || state == SagaState.STUCK) {
            return; // reported by sagas-terminal
        }
        latency.record(Math.max(0, updated.getTime() - created.getTime()));
        outcomeDigest += mix(id.hashCode() * 31L + state.ordinal(), amountCents); // order-independent
        switch (state) {
            case COMPLETED -> {
                completed++;
                completedCents += amountCents;
                if (captures == 1 && captured == amountCents && refunded == 0 && "confirmed".equalsIgnoreCase(order)) {
                    checker.pass(Checker.CHARGED_ONCE);
                } else {
                    checker.failed(Checker.CHARGED_ONCE, key + " (saga " + id + ") completed with " + captures
                            + " capture(s) of " + cents(captured) + ", refunded " + cents(refunded) + ", order " + order
                            + "; expected one capture of " + cents(amountCents) + " and a confirmed order");
                }
            }
            case COMPENSATED -> {
                compensated++;
                causes.merge(CompensationCause.of(failure), 1L, Long::sum);
                boolean stockRestored = reservation == null || "RELEASED".equals(reservation)
                        || "EXPIRED".equals(reservation);
                boolean orderCancelled = order == null || "cancelled".equalsIgnoreCase(order);
                long net = captured - refunded;
                if (stockRestored && net == 0 && orderCancelled) {
                    checker.pass(Checker.COMPENSATION_RESTORED);
                } else {
                    checker.failed(Checker.COMPENSATION_RESTORED, key + " (saga " + id + ") compensated after \""
                            + failure + "\" but " + (stockRestored ? "" : "its reservation is " + reservation + " ")
                            + (net == 0 ? "" : "its payment nets " + cents(net) + " ")
                            + (orderCancelled ? "" : "its order is " + order));
                }
            }
            case RESOLVED, RUNNING, COMPENSATING, STUCK -> {
            }
        }
    }

    /** payments − payment refunds = completed order totals. */
    void money(long claimRefundedCents) {
        query("SELECT coalesce(sum(captured_amount), 0), coalesce(sum(refunded_amount), 0) FROM " + core + ".payments",
                rs -> {
                    capturedCents = rs.getBigDecimal(1).movePointRight(2).longValueExact();
                    refundedCents = rs.getBigDecimal(2).movePointRight(2).longValueExact();
                });
        long net = capturedCents - refundedCents;
        checker.check(Checker.MONEY_BALANCE, net == completedCents, "payments " + cents(capturedCents) + " − refunds "
                + cents(refundedCents) + " = " + cents(net) + " but completed orders total " + cents(completedCents));
        checker.detail(Checker.MONEY_BALANCE, "payments " + cents(capturedCents) + " − refunds " + cents(refundedCents)
                + " = completed orders " + cents(completedCents) + " (claim refunds, paid by the refund saga: "
                + cents(claimRefundedCents) + ")");
    }

    long completed() {
        return completed;
    }

    long compensated() {
        return compensated;
    }

    Map<String, Long> causes() {
        return causes;
    }

    LatencyHistogram latency() {
        return latency;
    }

    /** {@code [product, location, on hand, reserved]} per stock row, in key order. */
    List<long[]> stockRows() {
        return stockRows;
    }

    long outcomeDigest() {
        return outcomeDigest;
    }

    long capturedCents() {
        return capturedCents;
    }

    long refundedCents() {
        return refundedCents;
    }

    private static long mix(long h, long v) {
        long x = h ^ (v * 0x9E3779B97F4A7C15L);
        x ^= x >>> 31;
        x *= 0xBF58476D1CE4E5B9L;
        return x ^ (x >>> 29);
    }

    private static String cents(long c) {
        return Money.ofCents(c).toString();
    }

    @FunctionalInterface
    private interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    /** Streams a query's rows (a cursor of 2,000 rows at a time) to {@code handler}. */
    private void query(String sql, RowHandler handler) {
        try (Connection c = db.dataSource().getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.setFetchSize(2_000);
                try (ResultSet rs = s.executeQuery(sql)) {
                    while (rs.next()) {
                        handler.row(rs);
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw SimulationException.runFailed("checking the PostgreSQL state: " + e.getMessage(), e);
        }
    }
}
