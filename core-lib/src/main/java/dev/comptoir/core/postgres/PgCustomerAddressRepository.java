package dev.comptoir.core.postgres;

import static dev.comptoir.core.postgres.PgCustomerSqlSupport.call;

import dev.comptoir.core.customer.Address;
import dev.comptoir.core.customer.AddressDetails;
import dev.comptoir.core.customer.AddressId;
import dev.comptoir.core.customer.AddressRepository;
import dev.comptoir.core.customer.AddressType;
import dev.comptoir.core.customer.CustomerId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * {@link AddressRepository} on PostgreSQL (table {@code customer_addresses}). A default address
 * clears its siblings' flag in the same transaction; a partial unique index guarantees one
 * default per customer and type. Thread-safe.
 */
public final class PgCustomerAddressRepository implements AddressRepository {
    private static final String COLUMNS = "id, customer_id, type, nom_complet, adresse_ligne1, adresse_ligne2, ville, "
            + "province, code_postal, pays, par_defaut";

    private final Jdbi jdbi;

    public PgCustomerAddressRepository(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public Address add(CustomerId customer, AddressDetails d) {
        Objects.requireNonNull(d, "details");
        return call("adding an address", () -> jdbi.inTransaction(h -> {
            lockCustomer(h, customer);
            clearDefaults(h, customer, d, 0);
            long id = h.createQuery("""
                            INSERT INTO customer_addresses (customer_id, type, nom_complet, adresse_ligne1, adresse_ligne2,
                                                            ville, province, code_postal, pays, par_defaut)
                            VALUES (:customer, :type, :name, :l1, :l2, :city, :prov, :zip, :country, :def)
                            RETURNING id""")
                    .bind("customer", customer.value()).bindMap(params(d)).mapTo(Long.class).one();
            return new Address(AddressId.of(id), customer, d);
        }));
    }

    @Override
    public List<Address> listFor(CustomerId customer) {
        return call("listing addresses", () -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM customer_addresses WHERE customer_id = :c ORDER BY id")
                .bind("c", customer.value()).map(PgCustomerAddressRepository::map).list()));
    }

    @Override
    public Optional<Address> find(CustomerId customer, AddressId id) {
        return call("reading an address", () -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM customer_addresses WHERE customer_id = :c AND id = :id")
                .bind("c", customer.value()).bind("id", id.value()).map(PgCustomerAddressRepository::map).findOne()));
    }

    @Override
    public Optional<Address> update(CustomerId customer, AddressId id, AddressDetails d) {
        Objects.requireNonNull(d, "details");
        return call("updating an address", () -> jdbi.inTransaction(h -> {
            lockCustomer(h, customer);
            clearDefaults(h, customer, d, id.value());
            int n = h.createUpdate("""
                            UPDATE customer_addresses SET type = :type, nom_complet = :name, adresse_ligne1 = :l1,
                                   adresse_ligne2 = :l2, ville = :city, province = :prov, code_postal = :zip,
                                   pays = :country, par_defaut = :def
                            WHERE customer_id = :customer AND id = :id""")
                    .bind("customer", customer.value()).bind("id", id.value()).bindMap(params(d)).execute();
            if (n == 0) {
                h.rollback();
                return Optional.<Address>empty();
            }
            return Optional.of(new Address(id, customer, d));
        }));
    }

    @Override
    public boolean delete(CustomerId customer, AddressId id) {
        return call("deleting an address", () -> jdbi.withHandle(h -> h.createUpdate(
                        "DELETE FROM customer_addresses WHERE customer_id = :c AND id = :id")
                .bind("c", customer.value()).bind("id", id.value()).execute() > 0));
    }

    /** Serialises address changes of one customer (so the default flag never races). */
    private static void lockCustomer(Handle h, CustomerId customer) {
        h.createQuery("SELECT id FROM customers WHERE id = :c FOR UPDATE").bind("c", customer.value())
                .mapTo(Long.class).findOne();
    }

    private static void clearDefaults(Handle h, CustomerId customer, AddressDetails d, long except) {
        if (d.isDefault()) {
            h.createUpdate("""
                            UPDATE customer_addresses SET par_defaut = FALSE
                            WHERE customer_id = :c AND type = :type AND par_defaut AND id <> :except""")
                    .bind("c", customer.value()).bind("type", d.type().wireName()).bind("except", except).execute();
        }
    }

    private static java.util.Map<String, Object> params(AddressDetails d) {
        java.util.Map<String, Object> m = new java.util.HashMap<>();
        m.put("type", d.type().wireName());
        m.put("name", d.fullName());
        m.put("l1", d.line1());
        m.put("l2", d.line2());
        m.put("city", d.city());
        m.put("prov", d.province());
        m.put("zip", d.postalCode());
        m.put("country", d.country());
        m.put("def", d.isDefault());
        return m;
    }

    private static Address map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Address(AddressId.of(rs.getLong("id")), CustomerId.of(rs.getLong("customer_id")),
                new AddressDetails(AddressType.parse(rs.getString("type")), rs.getString("nom_complet"),
                        rs.getString("adresse_ligne1"), rs.getString("adresse_ligne2"), rs.getString("ville"),
                        rs.getString("province"), rs.getString("code_postal"), rs.getString("pays"),
                        rs.getBoolean("par_defaut")));
    }
}
