package dev.comptoir.core.restock;

import dev.comptoir.core.catalog.ProductId;
import dev.comptoir.core.location.LocationId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A store's request for stock from the logistics centre.
 *
 * @param id                its id
 * @param requester         the requesting store
 * @param supplier          the logistics centre
 * @param product           the product
 * @param requestedQuantity units asked for, &gt; 0
 * @param approvedQuantity  units approved (0 until approved), ≤ requested
 * @param status            current state
 * @param requestedAt       when it was made
 * @param processedAt       when it was approved or rejected
 * @param comment           the requester's comment
 * @param rejectionReason   why it was rejected
 * @param transfer          the transfer that delivered it
 * @param history           status changes, oldest first (the first is the creation)
 */
public record RestockRequest(RestockRequestId id, LocationId requester, LocationId supplier, ProductId product,
                             long requestedQuantity, long approvedQuantity, RestockStatus status, Instant requestedAt,
                             Optional<Instant> processedAt, String comment, Optional<String> rejectionReason,
                             Optional<TransferId> transfer, List<StatusChange> history) {
    public RestockRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(supplier, "supplier");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(requestedAt, "requestedAt");
        processedAt = processedAt == null ? Optional.empty() : processedAt;
        comment = Objects.requireNonNullElse(comment, "");
        rejectionReason = rejectionReason == null ? Optional.empty() : rejectionReason;
        transfer = transfer == null ? Optional.empty() : transfer;
        history = List.copyOf(history);
        if (requestedQuantity <= 0 || approvedQuantity < 0 || approvedQuantity > requestedQuantity) {
            throw new IllegalArgumentException("need 0 <= approved <= requested and requested > 0");
        }
        if (history.isEmpty() || history.get(history.size() - 1).to() != status) {
            throw new IllegalArgumentException("history must end with the current status " + status);
        }
    }

    /** A new PENDING request. */
    public static RestockRequest pending(RestockRequestId id, LocationId requester, LocationId supplier,
                                         ProductId product, long quantity, Instant at, String comment) {
        return new RestockRequest(id, requester, supplier, product, quantity, 0, RestockStatus.PENDING, at,
                Optional.empty(), comment, Optional.empty(), Optional.empty(),
                List.of(new StatusChange(Optional.empty(), RestockStatus.PENDING, at, comment)));
    }

    /** True when delivered with fewer units than requested. */
    public boolean isPartial() {
        return status == RestockStatus.DELIVERED && approvedQuantity < requestedQuantity;
    }

    /** A copy moved to {@code next} (the caller checks the transition). */
    RestockRequest moveTo(RestockStatus next, Instant at, String note, long approved, Optional<String> reason,
                          Optional<TransferId> viaTransfer, Optional<Instant> processed) {
        List<StatusChange> h = new ArrayList<>(history);
        h.add(new StatusChange(Optional.of(status), next, at, note));
        return new RestockRequest(id, requester, supplier, product, requestedQuantity, approved, next, requestedAt,
                processed, comment, reason, viaTransfer, h);
    }
}
