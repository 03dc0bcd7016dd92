package dev.comptoir.core.memory;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.sales.ReturnedLine;
import dev.comptoir.core.sales.Sale;
import dev.comptoir.core.sales.SaleId;
import dev.comptoir.core.sales.SaleLine;
import dev.comptoir.core.sales.SaleQuery;
import dev.comptoir.core.sales.SaleReturn;
import dev.comptoir.core.sales.SalesStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link SalesStore} in memory.
 *
 * <pre>{@code
 * SalesService sales = new SalesService(new InMemorySalesStore(), catalog, inventory, clock, random);
 * }</pre>
 *
 * <p>Thread-safe (every method is synchronized).
 */
public final class InMemorySalesStore implements SalesStore {
    private static final Comparator<Sale> NEWEST_FIRST = Comparator.comparing(Sale::at).reversed()
            .thenComparing(s -> s.id().value());

    private final Map<SaleId, Sale> sales = new HashMap<>();

    @Override
    public synchronized void insert(Sale sale) {
        if (sales.putIfAbsent(sale.id(), sale) != null) {
            throw ComptoirException.conflict("transaction_id", "sale " + sale.id() + " already exists");
        }
    }

    @Override
    public synchronized Optional<Sale> find(SaleId id) {
        return Optional.ofNullable(sales.get(id));
    }

    @Override
    public synchronized List<Sale> find(SaleQuery query) {
        return sales.values().stream().filter(query::matches).sorted(NEWEST_FIRST).limit(query.limit()).toList();
    }

    @Override
    public synchronized Sale recordReturn(SaleReturn r) {
        Sale sale = sales.get(r.saleId());
        if (sale == null) {
            throw ComptoirException.notFound("sale", r.saleId());
        }
        List<SaleLine> lines = new ArrayList<>(sale.lines());
        for (ReturnedLine back : r.lines()) {
            int i = indexOf(lines, back);
            SaleLine line = lines.get(i);
            if (back.quantity() > line.returnable()) {
                throw ComptoirException.invalid("quantity", "cannot return " + back.quantity() + " of product "
                        + back.product() + ": " + line.returnable() + " left to return");
            }
            lines.set(i, line.withReturned(back.quantity()));
        }
        List<SaleReturn> returns = new ArrayList<>(sale.returns());
        returns.add(r);
        Sale updated = new Sale(sale.id(), sale.store(), sale.cashierId(), sale.registerId(), sale.customerId(),
                sale.at(), lines, sale.paymentMethod(), sale.amounts(), Sale.statusOf(lines), returns);
        sales.put(sale.id(), updated);
        return updated;
    }

    private static int indexOf(List<SaleLine> lines, ReturnedLine back) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).product().equals(back.product())) {
                return i;
            }
        }
        throw ComptoirException.invalid("product_id", "product " + back.product() + " is not on the sale");
    }
}
