package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmkit.testkit.fixtures.CustomerFixtures.aPerson;
import static org.crmkit.testkit.fixtures.CustomerFixtures.aRelationship;
import static org.crmkit.testkit.fixtures.CustomerFixtures.anOrganization;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.ConcurrentUpdateException;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerRepository;
import org.crmkit.core.customer.Relationship;
import org.crmkit.core.customer.RelationshipRepository;
import org.crmkit.core.customer.RelationshipRole;
import org.crmkit.core.spi.CrmStore;
import org.crmkit.testkit.fixtures.CustomerFixture;
import org.crmkit.testkit.fixtures.CustomerFixtures;
import org.crmkit.testkit.fixtures.CustomerGenerators;
import org.crmkit.testkit.fixtures.Describe;
import org.crmkit.testkit.fixtures.TestTenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link RelationshipRepository} must have: what is saved is read back equal
 * (property-tested over {@link CustomerGenerators#relationships}), {@code findByCustomer} finds a
 * relationship from either side, oldest first, a stale write fails with {@link
 * ConcurrentUpdateException} and changes nothing, and nothing of one tenant is visible or
 * changeable through another. Both customers of a relationship are stored first, so a store may
 * enforce that they exist.
 *
 * <p>A store runs it by extending it and supplying the store:
 *
 * <pre>{@code
 * class MemoryRelationshipRepositoryTest extends RelationshipRepositoryContract {
 *     @Override
 *     protected CrmStore newStore() {
 *         return MemoryCrmStore.create();
 *     }
 * }
 * }</pre>
 *
 * <p>{@link #newStore()} is called once before each test; every test works in random tenants of its
 * own. Not thread-safe: JUnit makes an instance per test.
 */
public abstract class RelationshipRepositoryContract {
    private CrmStore store;
    private TenantId tenant;
    private CustomerRepository customers;
    private RelationshipRepository relationships;

    /** Creates the contract; subclasses supply the store. */
    protected RelationshipRepositoryContract() {}

    /**
     * Returns the store under test, called once before each test. It may be new and empty or one
     * already used, as long as it holds no data of the random tenants the tests make.
     */
    protected abstract CrmStore newStore();

    @BeforeEach
    void setUpStore() {
        store = newStore();
        tenant = TestTenants.random("a");
        customers = store.customers(tenant);
        relationships = store.relationships(tenant);
    }

    @Test
    void save_anyValidRelationship_isReadBackEqualWithVersionOne() {
        Theories.qt(50)
                .forAll(CustomerGenerators.relationships(
                        CustomerGenerators.GENERATED_TENANT,
                        CustomerFixtures.nextCustomerId(),
                        CustomerFixtures.nextCustomerId()))
                .checkAssert(generated -> {
                    TenantId own = TestTenants.random("rt");
                    Customer from = store.customers(own).save(aPerson().in(own).build());
                    Customer to =
                            store.customers(own).save(anOrganization().in(own).build());
                    RelationshipRepository repo = store.relationships(own);
                    Relationship relationship = CustomerFixtures.copyOf(generated, own, from.id(), to.id(), 0);
                    Relationship expected = relationship.withVersion(1);

                    assertSameRelationship(repo.save(relationship), expected, "what save returned");
                    assertSameRelationship(
                            repo.findById(relationship.id()).orElseThrow(), expected, "what findById read");
                    assertThat(repo.findByCustomer(from.id())).containsExactly(expected);
                    assertThat(repo.findByCustomer(to.id())).containsExactly(expected);
                });
    }

    @Test
    void findById_unknownId_isEmpty() {
        Customer anna = save(aPerson());
        Customer acme = save(anOrganization());
        relationships.save(aRelationship(anna, acme).build());

        assertThat(relationships.findById(CustomerFixtures.nextRelationshipId()))
                .isEmpty();
    }

    @Test
    void save_changedRelationship_storesTheChangeWithItsVersionOneHigher() {
        Customer anna = save(aPerson());
        Customer acme = save(anOrganization());
        Relationship v1 = relationships.save(
                aRelationship(anna, acme).from(LocalDate.of(2020, 1, 1)).build());

        Relationship v2 = relationships.save(v1.endedOn(
                LocalDate.of(2024, 6, 30),
                v1.audit().changed(CustomerFixture.DEFAULT_CREATED_AT.plus(Duration.ofDays(30)), Actor.user("hr"))));

        assertThat(v1.version()).isEqualTo(1);
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.validTo()).contains(LocalDate.of(2024, 6, 30));
        assertThat(relationships.findById(v1.id())).contains(v2);
        assertThat(relationships.findByCustomer(anna.id())).containsExactly(v2);
        assertThat(relationships.findByCustomer(acme.id())).containsExactly(v2);
    }

    @Test
    void findByCustomer_findsEitherSideOldestFirst() {
        Customer anna = save(aPerson());
        Customer acme = save(anOrganization());
        Customer globex = save(anOrganization().named("Globex Corporation"));
        Customer ivan = save(aPerson().named("Иван", "Иванов"));
        List<Relationship> made = new ArrayList<>();
        made.add(aRelationship(anna, acme).as(RelationshipRole.EMPLOYEE_OF).build());
        made.add(aRelationship(ivan, anna).as(RelationshipRole.FAMILY_OF).build());
        made.add(aRelationship(anna, globex).as(RelationshipRole.CONTACT_OF).build());
        made.add(aRelationship(acme, globex).as(RelationshipRole.SUBSIDIARY_OF).build());
        made.add(aRelationship(globex, anna).as(RelationshipRole.BILLS_FOR).build());
        List<Relationship> shuffled = new ArrayList<>(made);
        Collections.shuffle(shuffled, new Random(3));
        shuffled.forEach(relationships::save);
        List<Relationship> stored = made.stream().map(r -> r.withVersion(1)).toList();

        assertThat(relationships.findByCustomer(anna.id()))
                .containsExactly(stored.get(0), stored.get(1), stored.get(2), stored.get(4));
        assertThat(relationships.findByCustomer(globex.id()))
                .containsExactly(stored.get(2), stored.get(3), stored.get(4));
        assertThat(relationships.findByCustomer(ivan.id())).containsExactly(stored.get(1));
    }

    @Test
    void findByCustomer_customerWithoutRelationships_isEmpty() {
        Customer anna = save(aPerson());
        Customer acme = save(anOrganization());
        Customer loner = save(aPerson().named("Solo", "Loner"));
        relationships.save(aRelationship(anna, acme).build());

        assertThat(relationships.findByCustomer(loner.id())).isEmpty();
        assertThat(relationships.findByCustomer(CustomerFixtures.nextCustomerId()))
                .isEmpty();
    }

    @Test
    void save_staleVersion_failsAndKeepsStoredRelationship() {
        Customer anna = save(aPerson());
        Customer acme = save(anOrganization());
        Relationship read = relationships.save(aRelationship(anna, acme).build());
        Relationship current = relationships.save(read.endedOn(LocalDate.of(2024, 1, 31), read.audit()));

        assertThatThrownBy(() -> relationships.save(read.endedOn(LocalDate.of(2025, 1, 31), read.audit())))
                .isInstanceOfSatisfying(ConcurrentUpdateException.class, e -> {
                    assertThat(e.entity()).isEqualTo("Relationship");
                    assertThat(e.id()).isEqualTo(read.id().toString());
                    assertThat(e.expectedVersion()).isEqualTo(1);
                });

        assertThat(relationships.findById(read.id())).contains(current);
        assertThat(relationships.findByCustomer(anna.id())).containsExactly(current);
    }

    @Test
    void save_insertWithTakenId_failsAndKeepsStoredRelationship() {
        Customer anna = save(aPerson());
        Customer acme = save(anOrganization());
        Customer globex = save(anOrganization().named("Globex Corporation"));
        Relationship stored = relationships.save(aRelationship(anna, acme).build());

        assertThatThrownBy(() -> relationships.save(aRelationship(anna, globex)
                        .withId(stored.id())
                        .as(RelationshipRole.CONTACT_OF)
                        .build()))
                .isInstanceOf(ConcurrentUpdateException.class);

        assertThat(relationships.findById(stored.id())).contains(stored);
        assertThat(relationships.findByCustomer(globex.id())).isEmpty();
    }

    @Test
    void save_updateOfUnknownRelationship_failsAndStoresNothing() {
        Customer anna = save(aPerson());
        Customer acme = save(anOrganization());
        Relationship neverStored = aRelationship(anna, acme).atVersion(2).build();

        assertThatThrownBy(() -> relationships.save(neverStored)).isInstanceOf(ConcurrentUpdateException.class);

        assertThat(relationships.findById(neverStored.id())).isEmpty();
        assertThat(relationships.findByCustomer(anna.id())).isEmpty();
    }

    @Test
    void tenants_relationshipsOfOneTenant_areInvisibleToAnother() {
        Customer anna = save(aPerson());
        Customer acme = save(anOrganization());
        Relationship stored = relationships.save(aRelationship(anna, acme).build());
        RelationshipRepository other = store.relationships(TestTenants.random("b"));

        assertThat(other.findById(stored.id())).isEmpty();
        assertThat(other.findByCustomer(anna.id())).isEmpty();
        assertThat(other.findByCustomer(acme.id())).isEmpty();
    }

    @Test
    void save_relationshipOfAnotherTenant_failsAndChangesNothing() {
        TenantId otherTenant = TestTenants.random("b");
        RelationshipRepository other = store.relationships(otherTenant);
        Customer anna = save(aPerson());
        Customer acme = save(anOrganization());
        Relationship stored = relationships.save(aRelationship(anna, acme).build());
        Relationship fresh =
                aRelationship(acme, anna).as(RelationshipRole.BILLS_FOR).build();

        assertThatThrownBy(() -> other.save(stored.endedOn(LocalDate.of(2024, 1, 1), stored.audit())))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> other.save(fresh)).isInstanceOf(ValidationException.class);

        assertThat(relationships.findById(stored.id())).contains(stored);
        assertThat(relationships.findById(fresh.id())).isEmpty();
        assertThat(other.findByCustomer(anna.id())).isEmpty();
    }

    private Customer save(CustomerFixture fixture) {
        return customers.save(fixture.in(tenant).build());
    }

    private static void assertSameRelationship(Relationship actual, Relationship expected, String what) {
        assertThat(Describe.relationship(actual)).as(what).isEqualTo(Describe.relationship(expected));
        assertThat(actual).as(what).isEqualTo(expected);
    }
}
