package dev.comptoir.core.memory;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.location.LocationId;
import dev.comptoir.core.restock.RestockQuery;
import dev.comptoir.core.restock.RestockRequest;
import dev.comptoir.core.restock.RestockRequestId;
import dev.comptoir.core.restock.RestockStatus;
import dev.comptoir.core.restock.RestockStore;
import dev.comptoir.core.restock.Transfer;
import dev.comptoir.core.restock.TransferId;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@link RestockStore} in memory.
 *
 * <pre>{@code
 * RestockService restock = new RestockService(new InMemoryRestockStore(), catalog, inventory, clock);
 * }</pre>
 *
 * <p>Thread-safe (every method is synchronized).
 */
public final class InMemoryRestockStore implements RestockStore {
    private final TreeMap<Long, RestockRequest> requests = new TreeMap<>();
    private final TreeMap<Long, Transfer> transfers = new TreeMap<>();
    private long nextRequest = 1;
    private long nextTransfer = 1;

    @Override
    public synchronized RestockRequestId nextRequestId() {
        return RestockRequestId.of(nextRequest++);
    }

    @Override
    public synchronized TransferId nextTransferId() {
        return TransferId.of(nextTransfer++);
    }

    @Override
    public synchronized void insert(RestockRequest request) {
        if (requests.putIfAbsent(request.id().value(), request) != null) {
            throw ComptoirException.conflict("request_id", "restock request " + request.id() + " already exists");
        }
    }

    @Override
    public synchronized boolean replace(RestockRequest request, RestockStatus expected) {
        RestockRequest current = requests.get(request.id().value());
        if (current == null || current.status() != expected) {
            return false;
        }
        requests.put(request.id().value(), request);
        return true;
    }

    @Override
    public synchronized Optional<RestockRequest> find(RestockRequestId id) {
        return Optional.ofNullable(requests.get(id.value()));
    }

    @Override
    public synchronized List<RestockRequest> find(RestockQuery query) {
        return requests.values().stream().filter(query::matches).toList();
    }

    @Override
    public synchronized void insert(Transfer transfer) {
        if (transfers.putIfAbsent(transfer.id().value(), transfer) != null) {
            throw ComptoirException.conflict("transfer_id", "transfer " + transfer.id() + " already exists");
        }
    }

    @Override
    public synchronized List<Transfer> transfers(Optional<LocationId> location) {
        return transfers.values().stream()
                .filter(t -> location.map(l -> l.equals(t.source()) || l.equals(t.destination())).orElse(true))
                .toList();
    }
}
