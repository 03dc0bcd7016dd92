package dev.comptoir.core.restock;

import dev.comptoir.core.location.LocationId;
import java.util.Optional;

/**
 * A filter over restock requests; results are ordered by id.
 *
 * @param status    only this state
 * @param requester only from this store
 */
public record RestockQuery(Optional<RestockStatus> status, Optional<LocationId> requester) {
    public RestockQuery {
        status = status == null ? Optional.empty() : status;
        requester = requester == null ? Optional.empty() : requester;
    }

    /** Every request. */
    public static RestockQuery all() {
        return new RestockQuery(Optional.empty(), Optional.empty());
    }

    public RestockQuery withStatus(RestockStatus s) {
        return new RestockQuery(Optional.of(s), requester);
    }

    public RestockQuery from(LocationId store) {
        return new RestockQuery(status, Optional.of(store));
    }

    public boolean matches(RestockRequest r) {
        return status.map(s -> s == r.status()).orElse(true) && requester.map(l -> l.equals(r.requester())).orElse(true);
    }
}
