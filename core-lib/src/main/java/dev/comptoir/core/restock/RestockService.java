package dev.comptoir.core.restock;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.catalog.CatalogService;
import dev.comptoir.core.catalog.ProductId;
import dev.comptoir.core.inventory.InventoryService;
import dev.comptoir.core.location.LocationId;
import dev.comptoir.core.location.Locations;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Restock requests and transfers.
 *
 * <pre>{@code
 * RestockService restock = new RestockService(new InMemoryRestockStore(), catalog, inventory, clock);
 * RestockRequest r = restock.request(Locations.QUEBEC, ProductId.of(3), 10, "rupture");
 * restock.approve(r.id(), 6, "partiel");   // DELIVERED with 6 of 10: a partial fulfilment
 * restock.transferBetweenStores(Locations.QUEBEC, Locations.GATINEAU, ProductId.of(3), 2);
 * }</pre>
 *
 * <p>Rules: only stores request, always from the logistics centre; approval needs the request
 * PENDING (else CONFLICT naming {@code status}) and 1 ≤ approved ≤ requested units available at
 * the centre (else CONFLICT naming {@code stock}, the request stays PENDING); it moves the
 * units (TRANSFER_OUT at the centre, TRANSFER_IN at the store), records the transfer and ends
 * DELIVERED via APPROVED; approving fewer units than requested is a partial fulfilment, still
 * DELIVERED, with the approved quantity recorded. Rejection needs a reason. Thread-safe when its
 * ports are: concurrent approvals of one request cannot both win.
 */
public final class RestockService {
    private final RestockStore store;
    private final CatalogService catalog;
    private final InventoryService inventory;
    private final Clock clock;

    public RestockService(RestockStore store, CatalogService catalog, InventoryService inventory, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.inventory = Objects.requireNonNull(inventory, "inventory");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A store asks the logistics centre for {@code quantity} units; the request starts PENDING. */
    public RestockRequest request(LocationId storeId, ProductId product, long quantity, String comment) {
        Locations.requireStore(Objects.requireNonNull(storeId, "store"), "id_entite_demandeur");
        catalog.requireActive(product);
        if (quantity <= 0) {
            throw ComptoirException.invalid("quantite_demandee", "must be > 0, was " + quantity);
        }
        String note = comment == null || comment.isBlank() ? "Demande depuis le magasin " + storeId : comment.trim();
        RestockRequest r = RestockRequest.pending(store.nextRequestId(), storeId, Locations.LOGISTICS_CENTRE, product,
                quantity, now(), note);
        store.insert(r);
        return r;
    }

    /** Approves all requested units. */
    public RestockRequest approve(RestockRequestId id) {
        return approve(id, require(id).requestedQuantity(), "");
    }

    /** Approves {@code quantity} units (≤ requested) and delivers them. */
    public RestockRequest approve(RestockRequestId id, long quantity, String comment) {
        RestockRequest pending = require(id);
        requireStatus(pending, RestockStatus.APPROVED);
        if (quantity <= 0 || quantity > pending.requestedQuantity()) {
            throw ComptoirException.invalid("quantite_approuvee", "must be 1-" + pending.requestedQuantity()
                    + ", was " + quantity);
        }
        long available = inventory.available(pending.product(), pending.supplier());
        if (available < quantity) {
            throw ComptoirException.insufficientStock(pending.product(), pending.supplier(), available, quantity);
        }
        Instant at = now();
        String note = comment == null ? "" : comment.trim();
        RestockRequest approved = pending.moveTo(RestockStatus.APPROVED, at, note, quantity, Optional.empty(),
                Optional.empty(), Optional.of(at));
        if (!store.replace(approved, RestockStatus.PENDING)) {
            throw ComptoirException.invalidTransition("restock request " + id, require(id).status(), RestockStatus.APPROVED);
        }
        TransferId transferId = store.nextTransferId();
        try {
            inventory.transfer(pending.product(), pending.supplier(), pending.requester(), quantity, "transfer:" + transferId);
        } catch (ComptoirException e) {
            // stock vanished since the check (a concurrent movement): undo the approval
            store.replace(pending, RestockStatus.APPROVED);
            throw e;
        }
        store.insert(new Transfer(transferId, pending.supplier(), pending.requester(), pending.product(), quantity, at,
                Optional.of(id)));
        RestockRequest delivered = approved.moveTo(RestockStatus.DELIVERED, at, "transfer " + transferId, quantity,
                Optional.empty(), Optional.of(transferId), Optional.of(at));
        store.replace(delivered, RestockStatus.APPROVED);
        return delivered;
    }

    /** Rejects a PENDING request with a reason. */
    public RestockRequest reject(RestockRequestId id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw ComptoirException.invalid("reason", "a rejection needs a reason");
        }
        RestockRequest pending = require(id);
        requireStatus(pending, RestockStatus.REJECTED);
        Instant at = now();
        RestockRequest rejected = pending.moveTo(RestockStatus.REJECTED, at, reason.trim(), 0,
                Optional.of(reason.trim()), Optional.empty(), Optional.of(at));
        if (!store.replace(rejected, RestockStatus.PENDING)) {
            throw ComptoirException.invalidTransition("restock request " + id, require(id).status(), RestockStatus.REJECTED);
        }
        return rejected;
    }

    /** Moves units from one store to another (stock checked at the source), and records the transfer. */
    public Transfer transferBetweenStores(LocationId source, LocationId destination, ProductId product, long quantity) {
        Locations.requireStore(Objects.requireNonNull(source, "source"), "id_entite_source");
        Locations.requireStore(Objects.requireNonNull(destination, "destination"), "id_entite_destination");
        if (source.equals(destination)) {
            throw ComptoirException.invalid("id_entite_destination", "source and destination are the same store");
        }
        catalog.require(product);
        if (quantity <= 0) {
            throw ComptoirException.invalid("quantite", "must be > 0, was " + quantity);
        }
        TransferId transferId = store.nextTransferId();
        Instant at = now();
        inventory.transfer(product, source, destination, quantity, "transfer:" + transferId);
        Transfer t = new Transfer(transferId, source, destination, product, quantity, at, Optional.empty());
        store.insert(t);
        return t;
    }

    /** The request, or NOT_FOUND naming {@code restock_request}. */
    public RestockRequest require(RestockRequestId id) {
        return store.find(Objects.requireNonNull(id, "id"))
                .orElseThrow(() -> ComptoirException.notFound("restock_request", id));
    }

    /** PENDING requests addressed to the logistics centre, oldest first. */
    public List<RestockRequest> pending() {
        return store.find(RestockQuery.all().withStatus(RestockStatus.PENDING));
    }

    public List<RestockRequest> requests(RestockQuery query) {
        return store.find(Objects.requireNonNull(query, "query"));
    }

    /** Transfers touching a location (or all). */
    public List<Transfer> transfers(Optional<LocationId> location) {
        return store.transfers(location == null ? Optional.empty() : location);
    }

    private static void requireStatus(RestockRequest r, RestockStatus next) {
        if (!r.status().canGoTo(next) || r.status() != RestockStatus.PENDING) {
            throw ComptoirException.invalidTransition("restock request " + r.id(), r.status(), next);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
