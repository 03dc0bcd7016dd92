package dev.comptoir.core.postgres;

import static dev.comptoir.core.postgres.PgCustomerSqlSupport.call;
import static dev.comptoir.core.postgres.PgCustomerSqlSupport.date;
import static dev.comptoir.core.postgres.PgCustomerSqlSupport.instant;
import static dev.comptoir.core.postgres.PgCustomerSqlSupport.ts;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.customer.Customer;
import dev.comptoir.core.customer.CustomerId;
import dev.comptoir.core.customer.CustomerPage;
import dev.comptoir.core.customer.CustomerRepository;
import dev.comptoir.core.customer.CustomerService;
import dev.comptoir.core.customer.NewCustomer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * {@link CustomerRepository} on PostgreSQL (table {@code customers}); email uniqueness is a
 * unique constraint. Thread-safe.
 *
 * <pre>{@code
 * CustomerRepository customers = new PgCustomerRepository(database.jdbi());
 * }</pre>
 */
public final class PgCustomerRepository implements CustomerRepository {
    private static final String COLUMNS = "id, email, password_hash, nom, prenom, telephone, date_naissance, actif, "
            + "created_at, updated_at, derniere_connexion";

    private final Jdbi jdbi;

    public PgCustomerRepository(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public Customer create(NewCustomer c) {
        Objects.requireNonNull(c, "customer");
        try {
            long id = call("creating a customer", () -> jdbi.withHandle(h -> h.createQuery("""
                            INSERT INTO customers (email, password_hash, nom, prenom, telephone, date_naissance, actif,
                                                   created_at, updated_at)
                            VALUES (:email, :hash, :nom, :prenom, :tel, :dob, TRUE, :at, :at)
                            RETURNING id""")
                    .bind("email", c.email()).bind("hash", c.passwordHash()).bind("nom", c.nom())
                    .bind("prenom", c.prenom()).bind("tel", c.telephone()).bind("dob", c.dateOfBirth())
                    .bind("at", ts(c.createdAt()))
                    .mapTo(Long.class).one()));
            return c.withId(CustomerId.of(id));
        } catch (JdbiException e) {
            if (PgCustomerSqlSupport.isUniqueViolation(e)) {
                throw CustomerService.duplicateEmail(c.email());
            }
            throw e;
        }
    }

    @Override
    public Optional<Customer> findById(CustomerId id) {
        return call("reading a customer", () -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM customers WHERE id = :id")
                .bind("id", id.value()).map(PgCustomerRepository::map).findOne()));
    }

    @Override
    public Optional<Customer> findByEmail(String email) {
        return call("reading a customer", () -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM customers WHERE email = :email")
                .bind("email", email).map(PgCustomerRepository::map).findOne()));
    }

    @Override
    public Customer update(Customer c) {
        int n = call("updating a customer", () -> jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE customers SET password_hash = :hash, nom = :nom, prenom = :prenom, telephone = :tel,
                               date_naissance = :dob, actif = :actif, updated_at = :updated, derniere_connexion = :login
                        WHERE id = :id AND email = :email""")
                .bind("id", c.id().value()).bind("email", c.email()).bind("hash", c.passwordHash())
                .bind("nom", c.nom()).bind("prenom", c.prenom()).bind("tel", c.telephone())
                .bind("dob", c.dateOfBirth()).bind("actif", c.active()).bind("updated", ts(c.updatedAt()))
                .bind("login", ts(c.lastLoginAt()))
                .execute()));
        if (n == 0) {
            Optional<Customer> existing = findById(c.id());
            if (existing.isPresent()) {
                throw ComptoirException.invalid("email", "cannot be changed");
            }
            throw ComptoirException.notFound("customer", c.id());
        }
        return c;
    }

    @Override
    public CustomerPage listActive(int page, int perPage) {
        return call("listing customers", () -> jdbi.withHandle(h -> {
            long total = h.createQuery("SELECT count(*) FROM customers WHERE actif").mapTo(Long.class).one();
            List<Customer> items = h.createQuery("SELECT " + COLUMNS
                            + " FROM customers WHERE actif ORDER BY id LIMIT :limit OFFSET :offset")
                    .bind("limit", perPage).bind("offset", (long) (page - 1) * perPage)
                    .map(PgCustomerRepository::map).list();
            return new CustomerPage(items, page, perPage, total);
        }));
    }

    private static Customer map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Customer(CustomerId.of(rs.getLong("id")), rs.getString("email"), rs.getString("password_hash"),
                rs.getString("nom"), rs.getString("prenom"), rs.getString("telephone"), date(rs, "date_naissance"),
                rs.getBoolean("actif"), instant(rs, "created_at"), instant(rs, "updated_at"),
                instant(rs, "derniere_connexion"));
    }
}
