package dev.comptoir.core.restock;

import dev.comptoir.core.location.LocationId;
import java.util.List;
import java.util.Optional;

/**
 * Port: where restock requests and transfers live. Thread-safe. Implementations:
 * {@code InMemoryRestockStore}, {@code PgRestockStore}.
 */
public interface RestockStore {

    /** A new, unused request id (1, 2, … in a fresh store). */
    RestockRequestId nextRequestId();

    /** A new, unused transfer id. */
    TransferId nextTransferId();

    /** Stores a new request. */
    void insert(RestockRequest request);

    /**
     * Replaces a request provided its stored status is still {@code expected} (compare-and-set);
     * the stored history becomes {@code request.history()}. Returns false when the status differs.
     */
    boolean replace(RestockRequest request, RestockStatus expected);

    Optional<RestockRequest> find(RestockRequestId id);

    /** Requests matching {@code query}, ordered by id. */
    List<RestockRequest> find(RestockQuery query);

    /** Stores a transfer. */
    void insert(Transfer transfer);

    /** Transfers leaving or reaching {@code location} (all when empty), ordered by id. */
    List<Transfer> transfers(Optional<LocationId> location);
}
