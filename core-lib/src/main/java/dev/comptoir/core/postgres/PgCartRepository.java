package dev.comptoir.core.postgres;

import static dev.comptoir.core.postgres.PgCustomerSqlSupport.call;
import static dev.comptoir.core.postgres.PgCustomerSqlSupport.instant;
import static dev.comptoir.core.postgres.PgCustomerSqlSupport.ts;

import dev.comptoir.core.cart.Cart;
import dev.comptoir.core.cart.CartLine;
import dev.comptoir.core.cart.CartRepository;
import dev.comptoir.core.cart.SessionId;
import dev.comptoir.core.catalog.ProductId;
import dev.comptoir.core.customer.CustomerId;
import dev.comptoir.core.money.Money;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * {@link CartRepository} on PostgreSQL (tables {@code carts}, {@code cart_lines}).
 * {@link #compute} locks the cart row ({@code SELECT … FOR UPDATE}) for its read-modify-write;
 * two concurrent creations of the same cart are resolved by the primary key and a retry.
 * Thread-safe.
 */
public final class PgCartRepository implements CartRepository {
    private static final int MAX_CREATE_RACES = 5;

    private final Jdbi jdbi;

    public PgCartRepository(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public Optional<Cart> find(SessionId id) {
        return call("reading a cart", () -> jdbi.withHandle(h -> load(h, id, false)));
    }

    @Override
    public Cart compute(SessionId id, Function<Optional<Cart>, Cart> change) {
        Objects.requireNonNull(change, "change");
        for (int attempt = 0; attempt < MAX_CREATE_RACES; attempt++) {
            Optional<Cart> written = call("updating a cart", () -> jdbi.inTransaction(h -> {
                Optional<Cart> current = load(h, id, true);
                Cart next = Objects.requireNonNull(change.apply(current), "change returned null");
                if (!next.sessionId().equals(id)) {
                    throw new IllegalArgumentException("change returned the cart of another session: " + next.sessionId());
                }
                if (current.isPresent() && current.get() == next) {
                    return Optional.of(next);
                }
                if (current.isEmpty()) {
                    int n = h.createUpdate("""
                                    INSERT INTO carts (session_id, customer_id, created_at, updated_at, expires_at)
                                    VALUES (:id, :customer, :created, :updated, :expires)
                                    ON CONFLICT (session_id) DO NOTHING""")
                            .bindMap(header(next)).execute();
                    if (n == 0) {
                        return Optional.<Cart>empty();
                    }
                } else {
                    h.createUpdate("""
                                    UPDATE carts SET customer_id = :customer, created_at = :created, updated_at = :updated,
                                           expires_at = :expires
                                    WHERE session_id = :id""")
                            .bindMap(header(next)).execute();
                    h.createUpdate("DELETE FROM cart_lines WHERE session_id = :id").bind("id", id.value()).execute();
                }
                insertLines(h, next);
                return Optional.of(next);
            }));
            if (written.isPresent()) {
                return written.get();
            }
        }
        throw new IllegalStateException("cart " + id + " kept being created concurrently");
    }

    @Override
    public boolean delete(SessionId id) {
        return call("deleting a cart", () -> jdbi.withHandle(h ->
                h.createUpdate("DELETE FROM carts WHERE session_id = :id").bind("id", id.value()).execute() > 0));
    }

    @Override
    public int deleteExpired(Instant now) {
        return call("purging carts", () -> jdbi.withHandle(h ->
                h.createUpdate("DELETE FROM carts WHERE expires_at <= :now").bind("now", ts(now)).execute()));
    }

    @Override
    public long countActive(Instant now) {
        return call("counting carts", () -> jdbi.withHandle(h ->
                h.createQuery("SELECT count(*) FROM carts WHERE expires_at > :now").bind("now", ts(now))
                        .mapTo(Long.class).one()));
    }

    private static java.util.Map<String, Object> header(Cart c) {
        java.util.Map<String, Object> m = new java.util.HashMap<>();
        m.put("id", c.sessionId().value());
        m.put("customer", c.customerId() == null ? null : c.customerId().value());
        m.put("created", ts(c.createdAt()));
        m.put("updated", ts(c.updatedAt()));
        m.put("expires", ts(c.expiresAt()));
        return m;
    }

    private static void insertLines(Handle h, Cart c) {
        if (c.lines().isEmpty()) {
            return;
        }
        PreparedBatch batch = h.prepareBatch("""
                INSERT INTO cart_lines (session_id, product_id, position, product_name, product_sku, unit_price, quantity)
                VALUES (:id, :product, :pos, :name, :sku, :price, :qty)""");
        for (int i = 0; i < c.lines().size(); i++) {
            CartLine l = c.lines().get(i);
            batch.bind("id", c.sessionId().value()).bind("product", l.productId().value()).bind("pos", i)
                    .bind("name", l.productName()).bind("sku", l.sku()).bind("price", l.unitPrice().amount())
                    .bind("qty", l.quantity()).add();
        }
        batch.execute();
    }

    private static Optional<Cart> load(Handle h, SessionId id, boolean lock) {
        record Header(Long customer, Instant created, Instant updated, Instant expires) {
        }
        Optional<Header> header = h.createQuery("SELECT customer_id, created_at, updated_at, expires_at FROM carts "
                        + "WHERE session_id = :id" + (lock ? " FOR UPDATE" : ""))
                .bind("id", id.value())
                .map((rs, ctx) -> new Header(rs.getObject("customer_id", Long.class), instant(rs, "created_at"),
                        instant(rs, "updated_at"), instant(rs, "expires_at")))
                .findOne();
        if (header.isEmpty()) {
            return Optional.empty();
        }
        List<CartLine> lines = h.createQuery("""
                        SELECT product_id, product_name, product_sku, unit_price, quantity FROM cart_lines
                        WHERE session_id = :id ORDER BY position""")
                .bind("id", id.value())
                .map((rs, ctx) -> new CartLine(ProductId.of(rs.getLong("product_id")), rs.getString("product_name"),
                        rs.getString("product_sku"), Money.of(rs.getBigDecimal("unit_price")), rs.getInt("quantity")))
                .list();
        Header hd = header.get();
        return Optional.of(new Cart(id, hd.customer() == null ? null : CustomerId.of(hd.customer()), lines,
                hd.created(), hd.updated(), hd.expires()));
    }
}
