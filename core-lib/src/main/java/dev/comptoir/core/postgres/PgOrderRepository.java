package dev.comptoir.core.postgres;

import static dev.comptoir.core.postgres.PgCustomerSqlSupport.call;
import static dev.comptoir.core.postgres.PgCustomerSqlSupport.instant;
import static dev.comptoir.core.postgres.PgCustomerSqlSupport.ts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.catalog.ProductId;
import dev.comptoir.core.customer.CustomerId;
import dev.comptoir.core.money.Money;
import dev.comptoir.core.money.Province;
import dev.comptoir.core.order.NewOrder;
import dev.comptoir.core.order.NewOrderLine;
import dev.comptoir.core.order.Order;
import dev.comptoir.core.order.OrderAddress;
import dev.comptoir.core.order.OrderId;
import dev.comptoir.core.order.OrderItemId;
import dev.comptoir.core.order.OrderLine;
import dev.comptoir.core.order.OrderPage;
import dev.comptoir.core.order.OrderQuery;
import dev.comptoir.core.order.OrderReferences;
import dev.comptoir.core.order.OrderRepository;
import dev.comptoir.core.order.OrderStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link OrderRepository} on PostgreSQL (tables {@code orders}, {@code order_items}); addresses
 * are stored as JSONB. {@link #update} locks the order row for its read-modify-write.
 * Thread-safe.
 */
public final class PgOrderRepository implements OrderRepository {
    private static final String COLUMNS = "id, customer_id, status, province, shipping_amount, shipping_address::text AS ship, "
            + "billing_address::text AS bill, saga_id, payment_transaction_id, reservation_id, order_date, updated_at";
    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {
    };

    private final Jdbi jdbi;
    private final ObjectMapper json = new ObjectMapper();

    public PgOrderRepository(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public Order insert(NewOrder order, Instant placedAt) {
        Objects.requireNonNull(order, "order");
        return call("placing an order", () -> jdbi.inTransaction(h -> {
            Order probe = order.toOrder(OrderId.of(1), fakeIds(order.lines().size()), placedAt);
            long id = h.createQuery("""
                            INSERT INTO orders (customer_id, status, province, subtotal, tax_amount, shipping_amount,
                                                total_amount, shipping_address, billing_address, saga_id,
                                                payment_transaction_id, reservation_id, order_date, updated_at)
                            VALUES (:customer, :status, :province, :subtotal, :tax, :shipping, :total, CAST(:ship AS jsonb),
                                    CAST(:bill AS jsonb), :saga, :payment, :reservation, :date, :updated)
                            RETURNING id""")
                    .bindMap(header(probe)).mapTo(Long.class).one();
            List<OrderItemId> itemIds = new ArrayList<>();
            for (int i = 0; i < order.lines().size(); i++) {
                NewOrderLine l = order.lines().get(i);
                itemIds.add(OrderItemId.of(h.createQuery("""
                                INSERT INTO order_items (order_id, position, product_id, product_name, product_description,
                                                         quantity, unit_price, total_price)
                                VALUES (:order, :pos, :product, :name, :description, :qty, :price, :total)
                                RETURNING id""")
                        .bind("order", id).bind("pos", i).bind("product", l.productId().value())
                        .bind("name", l.productName()).bind("description", l.productDescription())
                        .bind("qty", l.quantity()).bind("price", l.unitPrice().amount())
                        .bind("total", l.unitPrice().times(l.quantity()).amount())
                        .mapTo(Long.class).one()));
            }
            return order.toOrder(OrderId.of(id), itemIds, placedAt);
        }));
    }

    @Override
    public Optional<Order> find(OrderId id) {
        return call("reading an order", () -> jdbi.withHandle(h -> load(h, "WHERE id = :id", Map.of("id", id.value()), "")
                .stream().findFirst()));
    }

    @Override
    public Order update(OrderId id, UnaryOperator<Order> change) {
        return call("updating an order", () -> jdbi.inTransaction(h -> {
            Order current = load(h, "WHERE id = :id", Map.of("id", id.value()), " FOR UPDATE").stream().findFirst()
                    .orElseThrow(() -> ComptoirException.notFound("order", id));
            Order next = Objects.requireNonNull(change.apply(current), "change returned null");
            if (!next.id().equals(id)) {
                throw new IllegalArgumentException("change returned another order: " + next.id());
            }
            Set<OrderItemId> known = current.lines().stream().map(OrderLine::id).collect(Collectors.toSet());
            if (!known.containsAll(next.lines().stream().map(OrderLine::id).toList())) {
                throw new IllegalArgumentException("an update cannot add lines");
            }
            if (next == current) {
                return next;
            }
            Map<String, Object> header = header(next);
            header.put("id", id.value());
            h.createUpdate("""
                            UPDATE orders SET customer_id = :customer, status = :status, province = :province,
                                   subtotal = :subtotal, tax_amount = :tax, shipping_amount = :shipping,
                                   total_amount = :total, shipping_address = CAST(:ship AS jsonb),
                                   billing_address = CAST(:bill AS jsonb), saga_id = :saga,
                                   payment_transaction_id = :payment, reservation_id = :reservation,
                                   order_date = :date, updated_at = :updated
                            WHERE id = :id""")
                    .bindMap(header).execute();
            Set<OrderItemId> kept = next.lines().stream().map(OrderLine::id).collect(Collectors.toSet());
            for (OrderLine old : current.lines()) {
                if (!kept.contains(old.id())) {
                    h.createUpdate("DELETE FROM order_items WHERE id = :id").bind("id", old.id().value()).execute();
                }
            }
            for (OrderLine l : next.lines()) {
                if (!l.equals(current.line(l.id()))) {
                    h.createUpdate("UPDATE order_items SET quantity = :qty, total_price = :total WHERE id = :id")
                            .bind("qty", l.quantity()).bind("total", l.lineTotal().amount()).bind("id", l.id().value())
                            .execute();
                }
            }
            return next;
        }));
    }

    @Override
    public OrderPage list(OrderQuery query) {
        StringBuilder where = new StringBuilder("WHERE TRUE");
        Map<String, Object> params = new HashMap<>();
        if (query.customerId() != null) {
            where.append(" AND customer_id = :customer");
            params.put("customer", query.customerId().value());
        }
        if (query.status() != null) {
            where.append(" AND status = :status");
            params.put("status", query.status().wireName());
        }
        return call("listing orders", () -> jdbi.withHandle(h -> {
            long total = h.createQuery("SELECT count(*) FROM orders " + where).bindMap(params).mapTo(Long.class).one();
            Map<String, Object> paged = new HashMap<>(params);
            paged.put("limit", query.perPage());
            paged.put("offset", (long) (query.page() - 1) * query.perPage());
            List<Order> orders = load(h, where + " ORDER BY order_date DESC, id DESC LIMIT :limit OFFSET :offset", paged, "");
            return new OrderPage(orders, query, total);
        }));
    }

    @Override
    public List<Order> placedBetween(Instant from, Instant to, CustomerId customer) {
        Map<String, Object> params = new HashMap<>();
        params.put("from", ts(from));
        params.put("to", ts(to));
        String where = "WHERE order_date >= :from AND order_date < :to";
        if (customer != null) {
            where += " AND customer_id = :customer";
            params.put("customer", customer.value());
        }
        String sql = where + " ORDER BY order_date, id";
        return call("reading orders", () -> jdbi.withHandle(h -> load(h, sql, params, "")));
    }

    private Map<String, Object> header(Order o) {
        Map<String, Object> m = new HashMap<>();
        m.put("customer", o.customerId().value());
        m.put("status", o.status().wireName());
        m.put("province", o.province().name());
        m.put("subtotal", o.subtotal().amount());
        m.put("tax", o.tax().amount());
        m.put("shipping", o.shipping().amount());
        m.put("total", o.total().amount());
        m.put("ship", toJson(o.shippingAddress()));
        m.put("bill", toJson(o.billingAddress()));
        m.put("saga", o.references().sagaId());
        m.put("payment", o.references().paymentTransactionId());
        m.put("reservation", o.references().reservationId());
        m.put("date", ts(o.orderDate()));
        m.put("updated", ts(o.updatedAt()));
        return m;
    }

    private List<Order> load(Handle h, String whereAndOrder, Map<String, Object> params, String lock) {
        record Row(long id, long customer, String status, String province, Money shipping, String ship, String bill,
                   OrderReferences refs, Instant date, Instant updated) {
        }
        List<Row> rows = h.createQuery("SELECT " + COLUMNS + " FROM orders " + whereAndOrder + lock)
                .bindMap(params)
                .map((rs, ctx) -> new Row(rs.getLong("id"), rs.getLong("customer_id"), rs.getString("status"),
                        rs.getString("province"), Money.of(rs.getBigDecimal("shipping_amount")), rs.getString("ship"),
                        rs.getString("bill"), new OrderReferences(rs.getString("saga_id"),
                        rs.getString("payment_transaction_id"), rs.getString("reservation_id")),
                        instant(rs, "order_date"), instant(rs, "updated_at")))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<OrderLine>> lines = new LinkedHashMap<>();
        rows.forEach(r -> lines.put(r.id(), new ArrayList<>()));
        h.createQuery("""
                        SELECT id, order_id, product_id, product_name, product_description, quantity, unit_price
                        FROM order_items WHERE order_id = ANY(:ids) ORDER BY order_id, position""")
                .bindArray("ids", Long.class, lines.keySet().toArray(new Long[0]))
                .map((rs, ctx) -> Map.entry(rs.getLong("order_id"), line(rs)))
                .forEach(e -> lines.get(e.getKey()).add(e.getValue()));
        return rows.stream().map(r -> new Order(OrderId.of(r.id()), CustomerId.of(r.customer()), OrderStatus.parse(r.status()),
                lines.get(r.id()), Province.parse(r.province()), r.shipping(), fromJson(r.ship()), fromJson(r.bill()),
                r.refs(), r.date(), r.updated())).toList();
    }

    private static OrderLine line(ResultSet rs) throws SQLException {
        return new OrderLine(OrderItemId.of(rs.getLong("id")), ProductId.of(rs.getLong("product_id")),
                rs.getString("product_name"), rs.getString("product_description"), rs.getInt("quantity"),
                Money.of(rs.getBigDecimal("unit_price")));
    }

    private String toJson(OrderAddress a) {
        try {
            return json.writeValueAsString(a.fields());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("address not serialisable", e);
        }
    }

    private OrderAddress fromJson(String text) {
        try {
            return new OrderAddress(json.readValue(text, FIELDS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored address is not a JSON object of strings: " + text, e);
        }
    }

    private static List<OrderItemId> fakeIds(int n) {
        List<OrderItemId> ids = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            ids.add(OrderItemId.of(i));
        }
        return ids;
    }
}
