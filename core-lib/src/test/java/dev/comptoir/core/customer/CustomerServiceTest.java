package dev.comptoir.core.customer;

import dev.comptoir.saga.VirtualClock;
import static dev.comptoir.core.customer.Failures.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.ComptoirException.Kind;
import dev.comptoir.core.memory.InMemoryCustomerAddressRepository;
import dev.comptoir.core.memory.InMemoryCustomerRepository;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CustomerServiceTest {
    private final VirtualClock clock = VirtualClock.at("2026-01-15T10:00:00Z");
    private final InMemoryCustomerRepository repo = new InMemoryCustomerRepository();
    private final CustomerService service = new CustomerService(repo, new InMemoryCustomerAddressRepository(),
            PasswordHasher.pbkdf2(1_000, new SplittableRandom(3)), clock);

    private Customer jean() {
        return service.register(new RegisterCustomer(" Jean.Dupont@Email.COM ", "password123", "Dupont", "Jean",
                "514-555-0101", LocalDate.of(1985, 3, 15)));
    }

    @Test
    void register_validCommand_storesNormalisedEmailAndHashedPassword() {
        Customer c = jean();

        assertThat(c.email()).isEqualTo("jean.dupont@email.com");
        assertThat(c.passwordHash()).startsWith("pbkdf2-sha256$").doesNotContain("password123");
        assertThat(c.createdAt()).isEqualTo(clock.instant());
        assertThat(service.profile(c.id())).isEqualTo(c);
    }

    @Test
    void register_emailAlreadyUsedWithOtherCase_throwsConflictOnEmail() {
        jean();

        assertThatThrownBy(() -> service.register(new RegisterCustomer("JEAN.DUPONT@email.com", "another1", "D", "J", null, null)))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.CONFLICT, "email"))
                .hasMessageContaining("existe déjà");
    }

    @Test
    void registerCustomer_invalidFields_throwInvalidInputNamingTheField() {
        assertThatThrownBy(() -> new RegisterCustomer("not-an-email", "password123", "D", "J", null, null))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.INVALID_INPUT, "email"));
        assertThatThrownBy(() -> new RegisterCustomer("a@b", "password123", "D", "J", null, null))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.INVALID_INPUT, "email"));
        assertThatThrownBy(() -> new RegisterCustomer("a@b.ca", "12345", "D", "J", null, null))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.INVALID_INPUT, "password"));
        assertThatThrownBy(() -> new RegisterCustomer("a@b.ca", "123456", " ", "J", null, null))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.INVALID_INPUT, "nom"));
        assertThatThrownBy(() -> new RegisterCustomer("a@b.ca", "123456", "D", null, null, null))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.INVALID_INPUT, "prenom"));
        assertThatThrownBy(() -> RegisterCustomer.parseDate("15/03/1985"))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.INVALID_INPUT, "date_naissance"));
    }

    @Test
    void register_birthDateInTheFuture_throwsInvalidInput() {
        assertThatThrownBy(() -> service.register(new RegisterCustomer("a@b.ca", "123456", "D", "J", null,
                LocalDate.of(2030, 1, 1))))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.INVALID_INPUT, "date_naissance"));
        assertThat(repo.findByEmail("a@b.ca")).isEmpty();
    }

    @Test
    void login_rightCredentials_returnsCustomerAndRecordsLoginTime() {
        Customer c = jean();
        clock.advance(Duration.ofMinutes(5));

        LoginOutcome out = service.login("JEAN.dupont@email.com ", "password123");

        assertThat(out).isInstanceOfSatisfying(LoginOutcome.Authenticated.class, a -> {
            assertThat(a.customer().id()).isEqualTo(c.id());
            assertThat(a.customer().lastLoginAt()).isEqualTo(clock.instant());
        });
        assertThat(service.profile(c.id()).lastLoginAt()).isEqualTo(clock.instant());
    }

    @Test
    void login_wrongPasswordOrUnknownEmail_isRejectedWithSameMessage() {
        jean();

        LoginOutcome wrong = service.login("jean.dupont@email.com", "password124");
        LoginOutcome unknown = service.login("nobody@email.com", "password123");
        LoginOutcome malformed = service.login("nobody", "password123");

        assertThat(wrong).isEqualTo(new LoginOutcome.Rejected("Email ou mot de passe incorrect"));
        assertThat(unknown).isEqualTo(wrong);
        assertThat(malformed).isEqualTo(wrong);
    }

    @Test
    void login_deactivatedCustomer_isRejected() {
        Customer c = jean();
        service.deactivate(c.id());

        assertThat(service.login("jean.dupont@email.com", "password123")).isInstanceOf(LoginOutcome.Rejected.class);
        assertThat(service.list(1, 10).total()).isZero();
    }

    @Test
    void updateProfile_someFields_changesOnlyThose() {
        Customer c = jean();
        clock.advance(Duration.ofHours(1));

        Customer u = service.updateProfile(c.id(), new ProfileUpdate(null, "Jean-Paul", null, null));

        assertThat(u.prenom()).isEqualTo("Jean-Paul");
        assertThat(u.nom()).isEqualTo("Dupont");
        assertThat(u.telephone()).isEqualTo("514-555-0101");
        assertThat(u.updatedAt()).isEqualTo(clock.instant());
        assertThatThrownBy(() -> new ProfileUpdate("", null, null, null))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.INVALID_INPUT, "nom"));
    }

    @Test
    void profile_unknownCustomer_throwsNotFound() {
        assertThatThrownBy(() -> service.profile(CustomerId.of(42)))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.NOT_FOUND, "customer"));
        assertThatThrownBy(() -> service.addAddress(CustomerId.of(42), new AddressDetails(AddressType.LIVRAISON, "A", "B",
                null, "C", "QC", "H0H 0H0", null, false)))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.NOT_FOUND, "customer"));
    }

    @Test
    void addresses_defaultOfSameType_isUniquePerCustomer() {
        Customer c = jean();
        Address a = service.addAddress(c.id(), new AddressDetails(AddressType.LIVRAISON, "Jean", "1 rue A", null, "Montréal",
                "QC", "H2X 1Y4", null, true));
        Address b = service.addAddress(c.id(), new AddressDetails(AddressType.LIVRAISON, "Jean", "2 rue B", null, "Québec",
                "QC", "G1R 1A1", null, true));

        assertThat(service.addresses(c.id())).filteredOn(x -> x.details().isDefault()).extracting(Address::id)
                .containsExactly(b.id());
        service.deleteAddress(c.id(), a.id());
        assertThatThrownBy(() -> service.deleteAddress(c.id(), a.id()))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.NOT_FOUND, "address"));
    }

    @Test
    void addressDetails_missingRequiredField_throwsInvalidInputNamingIt() {
        assertThatThrownBy(() -> new AddressDetails(AddressType.LIVRAISON, "Jean", "1 rue A", null, "", "QC", "H2X", null, false))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.INVALID_INPUT, "ville"));
        assertThatThrownBy(() -> AddressType.parse("domicile"))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.INVALID_INPUT, "type"));
    }

    @Test
    void customerIdParse_integerAndPrefixedForms_giveSameId() {
        assertThat(CustomerId.parse("customer_7")).isEqualTo(CustomerId.of(7));
        assertThat(CustomerId.parse(" 7 ")).isEqualTo(CustomerId.of(7));
        assertThat(CustomerId.parse("CUSTOMER_7").asPrefixedString()).isEqualTo("customer_7");
        assertThatThrownBy(() -> CustomerId.parse("customer_x"))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.INVALID_INPUT, "customer_id"));
        assertThatThrownBy(() -> CustomerId.parse("0"))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.INVALID_INPUT, "customer_id"));
    }

    @Test
    void list_badPaging_throwsInvalidInput() {
        assertThatThrownBy(() -> service.list(0, 10))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.INVALID_INPUT, "page"));
        assertThatThrownBy(() -> service.list(1, 101))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.INVALID_INPUT, "per_page"));
    }

    @Test
    void customerSeed_loadedTwice_registersThreeCustomersOnceWhoCanLogIn() {
        List<Customer> first = CustomerSeed.load(service);
        List<Customer> second = CustomerSeed.load(service);

        assertThat(first).hasSize(3).isEqualTo(second);
        assertThat(service.list(1, 10).total()).isEqualTo(3);
        assertThat(service.login("marie.martin@email.com", CustomerSeed.PASSWORD)).isInstanceOf(LoginOutcome.Authenticated.class);
    }
}
