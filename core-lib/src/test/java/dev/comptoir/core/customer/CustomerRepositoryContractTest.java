package dev.comptoir.core.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.comptoir.core.ComptoirException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract every {@link CustomerRepository} must meet; subclass it and implement {@link #create()}. */
public abstract class CustomerRepositoryContractTest {
    protected static final Instant T0 = Instant.parse("2026-01-15T10:00:00Z");

    /** A fresh, empty repository. */
    protected abstract CustomerRepository create();

    private CustomerRepository repo;

    @BeforeEach
    void setUp() {
        repo = create();
    }

    private static NewCustomer customer(String email) {
        return new NewCustomer(email, "pbkdf2-sha256$1$c2FsdA$aGFzaA", "Dupont", "Jean", "514-555-0101",
                LocalDate.of(1985, 3, 15), T0);
    }

    @Test
    void create_newEmail_assignsIdAndStoresActiveCustomer() {
        Customer c = repo.create(customer("jean.dupont@email.com"));

        assertThat(c.id().value()).isPositive();
        assertThat(c.active()).isTrue();
        assertThat(c.lastLoginAt()).isNull();
        assertThat(repo.findById(c.id())).contains(c);
        assertThat(repo.findByEmail("jean.dupont@email.com")).contains(c);
    }

    @Test
    void create_twoCustomers_getDistinctIds() {
        Customer a = repo.create(customer("a@email.com"));
        Customer b = repo.create(customer("b@email.com"));

        assertThat(a.id()).isNotEqualTo(b.id());
    }

    @Test
    void create_duplicateEmail_throwsConflictOnEmail() {
        repo.create(customer("marie.martin@email.com"));

        assertThatThrownBy(() -> repo.create(customer("marie.martin@email.com")))
                .isInstanceOfSatisfying(ComptoirException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ComptoirException.Kind.CONFLICT);
                    assertThat(e.field()).isEqualTo("email");
                });
    }

    @Test
    void create_concurrentSameEmail_exactlyOneSucceeds() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        repo.create(customer("race@email.com"));
                        return true;
                    } catch (ComptoirException e) {
                        return false;
                    }
                }));
            }
            start.countDown();
            int ok = 0;
            for (Future<Boolean> f : results) {
                ok += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(ok).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void findById_unknown_isEmpty() {
        assertThat(repo.findById(CustomerId.of(987_654))).isEmpty();
        assertThat(repo.findByEmail("nobody@email.com")).isEmpty();
    }

    @Test
    void update_changedProfile_isVisibleOnFind() {
        Customer c = repo.create(customer("pierre@email.com"));
        Instant later = T0.plusSeconds(60);
        Customer changed = c.withProfile("Tremblay", "Pierre", null, null, later).withLastLogin(later);

        repo.update(changed);

        assertThat(repo.findById(c.id())).contains(changed);
    }

    @Test
    void update_unknownCustomer_throwsNotFound() {
        Customer ghost = customer("ghost@email.com").withId(CustomerId.of(424_242));

        assertThatThrownBy(() -> repo.update(ghost))
                .isInstanceOfSatisfying(ComptoirException.class,
                        e -> assertThat(e.kind()).isEqualTo(ComptoirException.Kind.NOT_FOUND));
    }

    @Test
    void listActive_mixedCustomers_pagesOnlyActiveOnesById() {
        Customer a = repo.create(customer("a@email.com"));
        Customer b = repo.create(customer("b@email.com"));
        Customer c = repo.create(customer("c@email.com"));
        repo.update(b.withActive(false, T0));

        CustomerPage first = repo.listActive(1, 1);
        CustomerPage second = repo.listActive(2, 1);
        CustomerPage third = repo.listActive(3, 1);

        assertThat(first.total()).isEqualTo(2);
        assertThat(first.items()).containsExactly(a);
        assertThat(second.items()).containsExactly(c);
        assertThat(third.items()).isEmpty();
    }
}
