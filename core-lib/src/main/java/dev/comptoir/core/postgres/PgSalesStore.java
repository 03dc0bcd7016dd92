package dev.comptoir.core.postgres;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.catalog.ProductId;
import dev.comptoir.core.location.LocationId;
import dev.comptoir.core.money.Money;
import dev.comptoir.core.money.TaxBreakdown;
import dev.comptoir.core.sales.PaymentMethod;
import dev.comptoir.core.sales.ReturnId;
import dev.comptoir.core.sales.ReturnedLine;
import dev.comptoir.core.sales.Sale;
import dev.comptoir.core.sales.SaleAmounts;
import dev.comptoir.core.sales.SaleId;
import dev.comptoir.core.sales.SaleLine;
import dev.comptoir.core.sales.SaleQuery;
import dev.comptoir.core.sales.SaleReturn;
import dev.comptoir.core.sales.SaleStatus;
import dev.comptoir.core.sales.SalesStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * {@link SalesStore} on PostgreSQL (tables of {@code V3__sales.sql}).
 *
 * <pre>{@code
 * SalesStore store = new PgSalesStore(database.jdbi());
 * }</pre>
 *
 * <p>Thread-safe. Reads run in one REPEATABLE READ transaction, so a sale, its lines and its
 * returns are always seen together. A return is one transaction whose conditional {@code UPDATE sale_lines SET
 * returned = returned + q WHERE returned + q <= quantity} guards against returning more than
 * was sold, even when two returns race.
 */
public final class PgSalesStore implements SalesStore {
    private static final String SALE_COLUMNS = """
            id, store_id, cashier_id, register_id, customer_id, at, payment_method, gross, discount, subtotal,
            federal_tax, provincial_tax, tax, final_amount, status""";

    private final Jdbi jdbi;

    public PgSalesStore(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public void insert(Sale sale) {
        run(() -> jdbi.inTransaction(h -> {
            SaleAmounts a = sale.amounts();
            h.createUpdate("""
                            INSERT INTO sales (id, store_id, cashier_id, register_id, customer_id, at, payment_method,
                                               gross, discount, subtotal, federal_tax, provincial_tax, tax, final_amount, status)
                            VALUES (:id, :store, :cashier, :register, :customer, :at, :payment,
                                    :gross, :discount, :subtotal, :federal, :provincial, :tax, :total, :status)""")
                    .bind("id", sale.id().value())
                    .bind("store", sale.store().value())
                    .bind("cashier", sale.cashierId())
                    .bind("register", sale.registerId())
                    .bind("customer", sale.customerId().orElse(null))
                    .bind("at", PgInventoryStore.ts(sale.at()))
                    .bind("payment", sale.paymentMethod().name())
                    .bind("gross", a.gross().amount())
                    .bind("discount", a.discount().amount())
                    .bind("subtotal", a.subtotal().amount())
                    .bind("federal", a.taxes().federal().amount())
                    .bind("provincial", a.taxes().provincial().amount())
                    .bind("tax", a.tax().amount())
                    .bind("total", a.finalAmount().amount())
                    .bind("status", sale.status().name())
                    .execute();
            PreparedBatch batch = h.prepareBatch("""
                    INSERT INTO sale_lines (sale_id, line_no, product_id, product_name, quantity, unit_price,
                                            discount_percent, line_total, discount, returned)
                    VALUES (:sale, :no, :product, :name, :quantity, :price, :pct, :total, :discount, :returned)""");
            int no = 0;
            for (SaleLine l : sale.lines()) {
                batch.bind("sale", sale.id().value()).bind("no", no++).bind("product", l.product().value())
                        .bind("name", l.productName()).bind("quantity", l.quantity()).bind("price", l.unitPrice().amount())
                        .bind("pct", l.discountPercent()).bind("total", l.lineTotal().amount())
                        .bind("discount", l.discount().amount()).bind("returned", l.returnedQuantity()).add();
            }
            batch.execute();
            return null;
        }));
    }

    @Override
    public Optional<Sale> find(SaleId id) {
        return run(() -> jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> load(h, h.createQuery("SELECT " + SALE_COLUMNS + " FROM sales WHERE id = :id")
                .bind("id", id.value())))).stream().findFirst();
    }

    @Override
    public List<Sale> find(SaleQuery q) {
        return run(() -> jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> load(h, h.createQuery("SELECT " + SALE_COLUMNS + """
                         FROM sales
                        WHERE (CAST(:store AS integer) IS NULL OR store_id = :store)
                          AND (CAST(:cashier AS text) IS NULL OR cashier_id = :cashier)
                          AND (CAST(:from AS timestamptz) IS NULL OR at >= :from)
                          AND (CAST(:to AS timestamptz) IS NULL OR at < :to)
                        ORDER BY at DESC, id
                        LIMIT :limit""")
                .bind("store", q.store().map(LocationId::value).orElse(null))
                .bind("cashier", q.cashier().orElse(null))
                .bind("from", q.from().map(PgInventoryStore::ts).orElse(null))
                .bind("to", q.to().map(PgInventoryStore::ts).orElse(null))
                .bind("limit", q.limit()))));
    }

    @Override
    public Sale recordReturn(SaleReturn r) {
        Map<Long, Integer> perProduct = new HashMap<>();
        for (ReturnedLine l : r.lines()) {
            perProduct.merge(l.product().value(), l.quantity(), Integer::sum);
        }
        List<Long> products = new ArrayList<>(perProduct.keySet());
        List<Integer> quantities = products.stream().map(perProduct::get).toList();
        boolean ok = run(() -> jdbi.inTransaction(h -> {
            int updated = h.createUpdate("""
                            UPDATE sale_lines l SET returned = l.returned + v.q
                            FROM unnest(CAST(:p AS bigint[]), CAST(:q AS int[])) AS v(p, q)
                            WHERE l.sale_id = :sale AND l.product_id = v.p AND l.returned + v.q <= l.quantity""")
                    .bind("sale", r.saleId().value())
                    .bindArray("p", Long.class, products)
                    .bindArray("q", Integer.class, quantities)
                    .execute();
            if (updated != products.size()) {
                h.rollback();
                return false;
            }
            SaleAmounts a = r.refund();
            h.createUpdate("""
                            INSERT INTO sale_returns (id, sale_id, at, cashier_id, reason, gross, discount, subtotal,
                                                      federal_tax, provincial_tax, tax, refund_amount)
                            VALUES (:id, :sale, :at, :cashier, :reason, :gross, :discount, :subtotal,
                                    :federal, :provincial, :tax, :total)""")
                    .bind("id", r.id().value())
                    .bind("sale", r.saleId().value())
                    .bind("at", PgInventoryStore.ts(r.at()))
                    .bind("cashier", r.cashierId())
                    .bind("reason", r.reason())
                    .bind("gross", a.gross().amount())
                    .bind("discount", a.discount().amount())
                    .bind("subtotal", a.subtotal().amount())
                    .bind("federal", a.taxes().federal().amount())
                    .bind("provincial", a.taxes().provincial().amount())
                    .bind("tax", a.tax().amount())
                    .bind("total", a.finalAmount().amount())
                    .execute();
            PreparedBatch batch = h.prepareBatch("""
                    INSERT INTO sale_return_lines (return_id, line_no, product_id, quantity, unit_price, discount_percent,
                                                   line_total, discount)
                    VALUES (:ret, :no, :product, :quantity, :price, :pct, :total, :discount)""");
            int no = 0;
            for (ReturnedLine l : r.lines()) {
                batch.bind("ret", r.id().value()).bind("no", no++).bind("product", l.product().value())
                        .bind("quantity", l.quantity()).bind("price", l.unitPrice().amount())
                        .bind("pct", l.discountPercent()).bind("total", l.lineTotal().amount())
                        .bind("discount", l.discount().amount()).add();
            }
            batch.execute();
            h.createUpdate("""
                            UPDATE sales SET status = CASE WHEN t.returned = 0 THEN 'COMPLETED'
                                                           WHEN t.returned = t.sold THEN 'RETURNED'
                                                           ELSE 'PARTIALLY_RETURNED' END
                            FROM (SELECT sum(quantity) AS sold, sum(returned) AS returned FROM sale_lines
                                  WHERE sale_id = :sale) t
                            WHERE id = :sale""")
                    .bind("sale", r.saleId().value())
                    .execute();
            return true;
        }));
        if (!ok) {
            Sale sale = find(r.saleId()).orElseThrow(() -> ComptoirException.notFound("sale", r.saleId()));
            for (ReturnedLine l : r.lines()) {
                SaleLine line = sale.line(l.product()).orElseThrow(() -> ComptoirException.invalid("product_id",
                        "product " + l.product() + " is not on sale " + r.saleId()));
                if (perProduct.get(l.product().value()) > line.returnable()) {
                    throw ComptoirException.invalid("quantity", "cannot return " + perProduct.get(l.product().value())
                            + " of product " + l.product() + ": " + line.returnable() + " left to return");
                }
            }
            throw ComptoirException.invalid("quantity", "return exceeds the units left on sale " + r.saleId());
        }
        return find(r.saleId()).orElseThrow();
    }

    private static List<Sale> load(Handle h, org.jdbi.v3.core.statement.Query query) {
        record Head(SaleId id, LocationId store, String cashier, String register, String customer, java.time.Instant at,
                    PaymentMethod payment, SaleAmounts amounts, SaleStatus status) {}
        List<Head> heads = query.map((rs, ctx) -> new Head(new SaleId(rs.getObject(1, UUID.class)),
                LocationId.of(rs.getInt(2)), rs.getString(3), rs.getString(4), rs.getString(5),
                PgInventoryStore.instant(rs, 6), PaymentMethod.valueOf(rs.getString(7)), amounts(rs, 8),
                SaleStatus.valueOf(rs.getString(15)))).list();
        if (heads.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = heads.stream().map(x -> x.id().value()).toList();
        Map<UUID, List<SaleLine>> lines = new HashMap<>();
        h.createQuery("""
                        SELECT sale_id, product_id, product_name, quantity, unit_price, discount_percent, line_total,
                               discount, returned
                        FROM sale_lines WHERE sale_id = ANY(CAST(:ids AS uuid[])) ORDER BY sale_id, line_no""")
                .bindArray("ids", UUID.class, ids)
                .map((rs, ctx) -> lines.computeIfAbsent(rs.getObject(1, UUID.class), x -> new ArrayList<>())
                        .add(new SaleLine(ProductId.of(rs.getLong(2)), rs.getString(3), rs.getInt(4),
                                Money.of(rs.getBigDecimal(5)), rs.getBigDecimal(6), Money.of(rs.getBigDecimal(7)),
                                Money.of(rs.getBigDecimal(8)), rs.getInt(9))))
                .list();
        Map<UUID, List<ReturnedLine>> returnLines = new HashMap<>();
        h.createQuery("""
                        SELECT rl.return_id, rl.product_id, rl.quantity, rl.unit_price, rl.discount_percent,
                               rl.line_total, rl.discount
                        FROM sale_return_lines rl JOIN sale_returns r ON r.id = rl.return_id
                        WHERE r.sale_id = ANY(CAST(:ids AS uuid[])) ORDER BY rl.return_id, rl.line_no""")
                .bindArray("ids", UUID.class, ids)
                .map((rs, ctx) -> returnLines.computeIfAbsent(rs.getObject(1, UUID.class), x -> new ArrayList<>())
                        .add(new ReturnedLine(ProductId.of(rs.getLong(2)), rs.getInt(3), Money.of(rs.getBigDecimal(4)),
                                rs.getBigDecimal(5), Money.of(rs.getBigDecimal(6)), Money.of(rs.getBigDecimal(7)))))
                .list();
        Map<UUID, List<SaleReturn>> returns = new HashMap<>();
        h.createQuery("""
                        SELECT id, sale_id, at, cashier_id, reason, gross, discount, subtotal, federal_tax,
                               provincial_tax, tax, refund_amount
                        FROM sale_returns WHERE sale_id = ANY(CAST(:ids AS uuid[])) ORDER BY at, id""")
                .bindArray("ids", UUID.class, ids)
                .map((rs, ctx) -> {
                    UUID rid = rs.getObject(1, UUID.class);
                    return returns.computeIfAbsent(rs.getObject(2, UUID.class), x -> new ArrayList<>())
                            .add(new SaleReturn(new ReturnId(rid), new SaleId(rs.getObject(2, UUID.class)),
                                    PgInventoryStore.instant(rs, 3), rs.getString(4), rs.getString(5),
                                    returnLines.getOrDefault(rid, List.of()), amounts(rs, 6)));
                })
                .list();
        List<Sale> out = new ArrayList<>(heads.size());
        for (Head x : heads) {
            out.add(new Sale(x.id(), x.store(), x.cashier(), x.register(), Optional.ofNullable(x.customer()), x.at(),
                    lines.getOrDefault(x.id().value(), List.of()), x.payment(), x.amounts(), x.status(),
                    returns.getOrDefault(x.id().value(), List.of())));
        }
        return out;
    }

    /** gross, discount, subtotal, federal, provincial, tax, total from {@code first} on. */
    private static SaleAmounts amounts(ResultSet rs, int first) throws SQLException {
        Money subtotal = Money.of(rs.getBigDecimal(first + 2));
        return new SaleAmounts(Money.of(rs.getBigDecimal(first)), Money.of(rs.getBigDecimal(first + 1)),
                new TaxBreakdown(subtotal, Money.of(rs.getBigDecimal(first + 3)), Money.of(rs.getBigDecimal(first + 4)),
                        Money.of(rs.getBigDecimal(first + 5)), Money.of(rs.getBigDecimal(first + 6))));
    }

    private static <T> T run(Supplier<T> work) {
        try {
            return work.get();
        } catch (JdbiException e) {
            String state = PgInventoryStore.sqlState(e);
            if ("23505".equals(state)) {
                throw ComptoirException.conflict("transaction_id", "sale or return id already exists");
            }
            throw ComptoirException.unavailable("sales database operation failed (SQLSTATE " + state + ")", e);
        }
    }
}
