package dev.comptoir.core.refundsaga;

import dev.comptoir.core.catalog.ProductId;
import dev.comptoir.core.inventory.InventoryService;
import dev.comptoir.core.location.LocationId;
import dev.comptoir.core.refundsaga.spi.ReturnStock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@link ReturnStock} for refunds: catalogue products (numeric ids) through
 * {@link InventoryService} at a configurable location (an {@code ADJUSTMENT} movement with the
 * reason), other product ids in the reference's own table ({@code product_123} 45,
 * {@code product_456} 23, … unknown products from 0, never below 0). Thread-safe.
 *
 * <pre>{@code
 * ReturnStock stock = CatalogueReturnStock.at(inventory, Locations.DEFAULT_FULFILMENT);
 * }</pre>
 */
public final class CatalogueReturnStock implements ReturnStock {
    /** The reference's refund-inventory stock table. */
    public static final Map<String, Long> REFERENCE_STOCK = Map.of("product_123", 45L, "product_456", 23L,
            "product_789", 12L, "product_001", 78L, "product_002", 56L, "product_003", 34L);

    private final InventoryService inventory;
    private final LocationId location;
    private final Map<String, Long> other = new HashMap<>(REFERENCE_STOCK);

    private CatalogueReturnStock(InventoryService inventory, LocationId location) {
        this.inventory = inventory;
        this.location = location;
    }

    /** Catalogue products go back to {@code location}; {@code inventory} may be null (reference table only). */
    public static CatalogueReturnStock at(InventoryService inventory, LocationId location) {
        return new CatalogueReturnStock(inventory, Objects.requireNonNull(location, "location"));
    }

    @Override
    public long add(String productId, long delta, String reason, String reference) {
        Objects.requireNonNull(productId, "productId");
        Long numeric = numeric(productId);
        if (inventory != null && numeric != null) {
            ProductId p = ProductId.of(numeric);
            inventory.adjust(p, location, delta, reason + " " + reference);
            return inventory.level(p, location).map(l -> l.onHand()).orElse(0L);
        }
        synchronized (other) {
            long next = Math.max(0, other.getOrDefault(productId, 0L) + delta);
            other.put(productId, next);
            return next;
        }
    }

    /** The level of a non-catalogue product in the reference table (0 when unknown). */
    public long referenceLevel(String productId) {
        synchronized (other) {
            return other.getOrDefault(productId, 0L);
        }
    }

    private static Long numeric(String id) {
        if (id.isEmpty() || id.length() > 18) {
            return null;
        }
        for (int i = 0; i < id.length(); i++) {
            if (!Character.isDigit(id.charAt(i))) {
                return null;
            }
        }
        long v = Long.parseLong(id);
        return v > 0 ? v : null;
    }
}
