package dev.comptoir.core.memory;

import dev.comptoir.core.cart.Cart;
import dev.comptoir.core.cart.CartRepository;
import dev.comptoir.core.cart.SessionId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** {@link CartRepository} in memory. Thread-safe; {@link #compute} is atomic per session. */
public final class InMemoryCartRepository implements CartRepository {
    private final ConcurrentHashMap<SessionId, Cart> carts = new ConcurrentHashMap<>();

    @Override
    public Optional<Cart> find(SessionId id) {
        return Optional.ofNullable(carts.get(id));
    }

    @Override
    public Cart compute(SessionId id, Function<Optional<Cart>, Cart> change) {
        Objects.requireNonNull(change, "change");
        return carts.compute(id, (k, current) -> {
            Cart next = Objects.requireNonNull(change.apply(Optional.ofNullable(current)), "change returned null");
            if (!next.sessionId().equals(id)) {
                throw new IllegalArgumentException("change returned the cart of another session: " + next.sessionId());
            }
            return next;
        });
    }

    @Override
    public boolean delete(SessionId id) {
        return carts.remove(id) != null;
    }

    @Override
    public int deleteExpired(Instant now) {
        int[] n = {0};
        carts.forEach((k, c) -> {
            if (c.isExpiredAt(now) && carts.remove(k, c)) {
                n[0]++;
            }
        });
        return n[0];
    }

    @Override
    public long countActive(Instant now) {
        return carts.values().stream().filter(c -> !c.isExpiredAt(now)).count();
    }
}
