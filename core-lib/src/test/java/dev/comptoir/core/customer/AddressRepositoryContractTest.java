package dev.comptoir.core.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract every {@link AddressRepository} must meet. */
public abstract class AddressRepositoryContractTest {

    /** A fresh, empty repository. */
    protected abstract AddressRepository create();

    /** A customer that exists (for adapters with referential integrity); a new one each call. */
    protected abstract CustomerId newCustomer();

    private AddressRepository repo;

    @BeforeEach
    void setUp() {
        repo = create();
    }

    static AddressDetails address(AddressType type, String city, boolean isDefault) {
        return new AddressDetails(type, "Jean Dupont", "123 rue Principale", null, city, "QC", "H2X 1Y4", null, isDefault);
    }

    @Test
    void add_newAddress_assignsIdAndListsIt() {
        CustomerId c = newCustomer();

        Address a = repo.add(c, address(AddressType.LIVRAISON, "Montréal", false));

        assertThat(a.id().value()).isPositive();
        assertThat(a.details().country()).isEqualTo("Canada");
        assertThat(repo.listFor(c)).containsExactly(a);
        assertThat(repo.find(c, a.id())).contains(a);
    }

    @Test
    void add_defaultAddress_clearsDefaultOfSameTypeOnly() {
        CustomerId c = newCustomer();
        Address oldDelivery = repo.add(c, address(AddressType.LIVRAISON, "Montréal", true));
        Address billing = repo.add(c, address(AddressType.FACTURATION, "Laval", true));

        Address newDelivery = repo.add(c, address(AddressType.LIVRAISON, "Québec", true));

        assertThat(repo.find(c, oldDelivery.id()).orElseThrow().details().isDefault()).isFalse();
        assertThat(repo.find(c, billing.id()).orElseThrow().details().isDefault()).isTrue();
        assertThat(repo.find(c, newDelivery.id()).orElseThrow().details().isDefault()).isTrue();
    }

    @Test
    void add_defaultAddress_leavesOtherCustomersDefaults() {
        CustomerId c1 = newCustomer();
        CustomerId c2 = newCustomer();
        Address other = repo.add(c2, address(AddressType.LIVRAISON, "Gatineau", true));

        repo.add(c1, address(AddressType.LIVRAISON, "Sherbrooke", true));

        assertThat(repo.find(c2, other.id()).orElseThrow().details().isDefault()).isTrue();
    }

    @Test
    void update_toDefault_clearsSiblingDefault() {
        CustomerId c = newCustomer();
        Address first = repo.add(c, address(AddressType.LIVRAISON, "Montréal", true));
        Address second = repo.add(c, address(AddressType.LIVRAISON, "Québec", false));

        Address updated = repo.update(c, second.id(), address(AddressType.LIVRAISON, "Lévis", true)).orElseThrow();

        assertThat(updated.details().city()).isEqualTo("Lévis");
        assertThat(repo.find(c, first.id()).orElseThrow().details().isDefault()).isFalse();
        assertThat(repo.find(c, second.id())).contains(updated);
    }

    @Test
    void find_addressOfAnotherCustomer_isEmpty() {
        CustomerId owner = newCustomer();
        CustomerId stranger = newCustomer();
        Address a = repo.add(owner, address(AddressType.FACTURATION, "Québec", false));

        assertThat(repo.find(stranger, a.id())).isEmpty();
        assertThat(repo.update(stranger, a.id(), address(AddressType.FACTURATION, "X", false))).isEmpty();
        assertThat(repo.delete(stranger, a.id())).isFalse();
        assertThat(repo.find(owner, a.id())).contains(a);
    }

    @Test
    void delete_existingAddress_removesItOnce() {
        CustomerId c = newCustomer();
        Address a = repo.add(c, address(AddressType.LIVRAISON, "Montréal", false));

        assertThat(repo.delete(c, a.id())).isTrue();
        assertThat(repo.delete(c, a.id())).isFalse();
        assertThat(repo.listFor(c)).isEmpty();
    }
}
