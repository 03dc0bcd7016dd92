package dev.comptoir.core.cart;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * Port: where carts live (the reference kept them in Redis under {@code cart:<session_id>}).
 * Implementations are thread-safe and {@link #compute} is atomic per session id.
 */
public interface CartRepository {

    /** The stored cart of this session, expired or not. */
    Optional<Cart> find(SessionId id);

    /**
     * Atomically replaces the cart of {@code id} by {@code change(current)}. If {@code change}
     * throws, nothing is written and the exception propagates; if it returns its argument's cart
     * unchanged (same instance), nothing is written.
     *
     * @return the cart now stored
     */
    Cart compute(SessionId id, Function<Optional<Cart>, Cart> change);

    /** Deletes the cart; false when there was none. */
    boolean delete(SessionId id);

    /** Deletes every cart expired at {@code now}; returns how many. */
    int deleteExpired(Instant now);

    /** Number of carts not expired at {@code now}. */
    long countActive(Instant now);
}
