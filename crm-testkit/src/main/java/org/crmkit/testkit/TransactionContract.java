package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmkit.testkit.fixtures.CustomerFixtures.aPerson;
import static org.crmkit.testkit.fixtures.CustomerFixtures.aRelationship;
import static org.crmkit.testkit.fixtures.CustomerFixtures.anOrganization;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.crmkit.core.common.ConcurrentUpdateException;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerQuery;
import org.crmkit.core.customer.CustomerRepository;
import org.crmkit.core.customer.EmailAddress;
import org.crmkit.core.customer.Relationship;
import org.crmkit.core.customer.RelationshipRepository;
import org.crmkit.core.customer.Tag;
import org.crmkit.core.spi.CrmStore;
import org.crmkit.testkit.fixtures.TestTenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour of {@link CrmStore#inTransaction}, which every store must have: a unit of work
 * commits every write of every repository and tenant in it or, when the work throws, none; the
 * exception that escapes is the work's own, unwrapped; a nested call joins the outer unit, so the
 * outer unit's failure undoes the inner one's writes; reads inside a unit see its own writes, and
 * other threads never see writes of a unit that rolled back.
 *
 * <p>A store runs it by extending it and supplying the store:
 *
 * <pre>{@code
 * class MemoryTransactionTest extends TransactionContract {
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
public abstract class TransactionContract {
    private CrmStore store;
    private TenantId tenant;
    private CustomerRepository customers;
    private RelationshipRepository relationships;

    /** Creates the contract; subclasses supply the store. */
    protected TransactionContract() {}

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
    void inTransaction_success_commitsEveryWriteOfTheUnit() {
        TenantId otherTenant = TestTenants.random("b");
        Customer existing = customers.save(anOrganization().in(tenant).build());
        Customer anna = aPerson().in(tenant).withEmail("anna@example.com").build();
        Customer foreign = aPerson().in(otherTenant).build();

        Relationship link = store.inTransaction(() -> {
            customers.save(anna);
            customers.save(existing.withTags(List.of(Tag.of("vip"))));
            store.customers(otherTenant).save(foreign);
            return relationships.save(aRelationship(anna, existing).build());
        });

        assertThat(customers.findById(anna.id())).contains(anna.withVersion(1));
        assertThat(customers.findById(existing.id()))
                .contains(existing.withTags(List.of(Tag.of("vip"))).withVersion(2));
        assertThat(store.customers(otherTenant).findById(foreign.id())).contains(foreign.withVersion(1));
        assertThat(relationships.findById(link.id())).contains(link);
        assertThat(customers.findByEmail(EmailAddress.of("anna@example.com"))).containsExactly(anna.withVersion(1));
    }

    @Test
    void inTransaction_exception_rollsBackEveryWriteOfTheUnit() {
        TenantId otherTenant = TestTenants.random("b");
        Customer existing = customers.save(
                anOrganization().in(tenant).withEmail("acme@example.com").build());
        Customer colleague =
                customers.save(aPerson().named("Ivan", "Colleague").in(tenant).build());
        Relationship job = relationships.save(aRelationship(colleague, existing).build());
        Customer anna = aPerson().in(tenant).withEmail("anna@example.com").build();
        Customer foreign = aPerson().in(otherTenant).build();
        Relationship annasJob = aRelationship(anna, existing).build();
        IllegalStateException failure = new IllegalStateException("the work failed");

        assertThatThrownBy(() -> store.inTransaction(() -> {
                    customers.save(anna);
                    customers.save(existing.withContactPoints(List.of())
                            .withDisplayName("Renamed")
                            .withTags(List.of(Tag.of("vip"))));
                    store.customers(otherTenant).save(foreign);
                    relationships.save(annasJob);
                    relationships.save(job.endedOn(LocalDate.of(2024, 1, 31), job.audit()));
                    throw failure;
                }))
                .isSameAs(failure);

        assertThat(customers.findById(anna.id())).isEmpty();
        assertThat(customers.findById(existing.id())).contains(existing);
        assertThat(store.customers(otherTenant).findById(foreign.id())).isEmpty();
        assertThat(relationships.findById(annasJob.id())).isEmpty();
        assertThat(relationships.findById(job.id())).contains(job);
        assertThat(relationships.findByCustomer(existing.id())).containsExactly(job);
        assertThat(customers.findByEmail(EmailAddress.of("anna@example.com"))).isEmpty();
        assertThat(customers.findByEmail(EmailAddress.of("acme@example.com"))).containsExactly(existing);
        assertThat(customers.count(CustomerQuery.all())).isEqualTo(2);
        assertThat(customers
                        .list(CustomerQuery.nameStartsWith("renamed"), PageRequest.first(10))
                        .items())
                .isEmpty();
        assertThat(customers
                        .list(CustomerQuery.all().withTag(Tag.of("vip")), PageRequest.first(10))
                        .items())
                .isEmpty();
    }

    @Test
    void inTransaction_failingStoreWrite_rollsBackTheEarlierWritesAndEscapesUnchanged() {
        Customer read = customers.save(aPerson().in(tenant).build());
        customers.save(read.withDisplayName("Changed by someone else"));
        Customer newcomer = anOrganization().in(tenant).build();

        assertThatThrownBy(() -> store.inTransaction(() -> {
                    customers.save(newcomer);
                    return customers.save(read.withDisplayName("Stale change"));
                }))
                .isInstanceOf(ConcurrentUpdateException.class);

        assertThat(customers.findById(newcomer.id())).isEmpty();
    }

    @Test
    void inTransaction_error_rollsBackAndEscapesUnchanged() {
        Customer anna = aPerson().in(tenant).build();
        AssertionError error = new AssertionError("an error, not an exception");

        assertThatThrownBy(() -> store.inTransaction(() -> {
                    customers.save(anna);
                    throw error;
                }))
                .isSameAs(error);

        assertThat(customers.findById(anna.id())).isEmpty();
    }

    @Test
    void inTransaction_nestedUnitThenOuterFailure_rollsBackTheInnerWritesToo() {
        Customer inner = aPerson().named("Inner", "Unit").in(tenant).build();
        Customer outer = aPerson().named("Outer", "Unit").in(tenant).build();
        IllegalStateException failure = new IllegalStateException("the outer work failed");

        assertThatThrownBy(() -> store.inTransaction(() -> {
                    Customer saved = store.inTransaction(() -> customers.save(inner));
                    assertThat(saved.version()).isEqualTo(1);
                    customers.save(outer);
                    throw failure;
                }))
                .isSameAs(failure);

        assertThat(customers.findById(inner.id())).isEmpty();
        assertThat(customers.findById(outer.id())).isEmpty();
    }

    @Test
    void inTransaction_nestedFailure_rollsBackTheWholeUnit() {
        Customer outer = aPerson().named("Outer", "Unit").in(tenant).build();
        Customer inner = aPerson().named("Inner", "Unit").in(tenant).build();
        IllegalArgumentException failure = new IllegalArgumentException("the inner work failed");

        assertThatThrownBy(() -> store.inTransaction(() -> {
                    customers.save(outer);
                    return store.inTransaction(() -> {
                        customers.save(inner);
                        throw failure;
                    });
                }))
                .isSameAs(failure);

        assertThat(customers.findById(outer.id())).isEmpty();
        assertThat(customers.findById(inner.id())).isEmpty();
    }

    @Test
    void inTransaction_nestedUnits_commitTogether() {
        Customer inner = aPerson().named("Inner", "Unit").in(tenant).build();
        Customer outer = aPerson().named("Outer", "Unit").in(tenant).build();

        store.inTransaction(() -> {
            store.inTransaction(() -> {
                customers.save(inner);
            });
            customers.save(outer);
        });

        assertThat(customers.findById(inner.id())).contains(inner.withVersion(1));
        assertThat(customers.findById(outer.id())).contains(outer.withVersion(1));
    }

    @Test
    void inTransaction_returnsTheResultOfTheWork() {
        Customer anna = aPerson().in(tenant).build();

        Customer saved = store.inTransaction(() -> customers.save(anna));

        assertThat(saved).isEqualTo(anna.withVersion(1));
        assertThat(store.inTransaction(() -> 42)).isEqualTo(42);
    }

    @Test
    void inTransaction_readsInsideTheUnit_seeItsOwnWrites() {
        Customer acme = customers.save(anOrganization().in(tenant).build());
        Customer anna = aPerson()
                .in(tenant)
                .withEmail("anna@example.com")
                .taggedWith("vip")
                .build();

        store.inTransaction(() -> {
            customers.save(anna);
            Relationship job = relationships.save(aRelationship(anna, acme).build());
            Customer renamed = customers.save(acme.withDisplayName("Acme Renamed"));

            assertThat(customers.findById(anna.id())).contains(anna.withVersion(1));
            assertThat(customers.findById(acme.id())).contains(renamed);
            assertThat(customers.findByEmail(EmailAddress.of("anna@example.com")))
                    .containsExactly(anna.withVersion(1));
            assertThat(customers.count(CustomerQuery.all())).isEqualTo(2);
            assertThat(customers
                            .list(CustomerQuery.all().withTag(Tag.of("vip")), PageRequest.first(10))
                            .items())
                    .containsExactly(anna.withVersion(1));
            assertThat(customers
                            .list(CustomerQuery.nameStartsWith("acme ren"), PageRequest.first(10))
                            .items())
                    .containsExactly(renamed);
            assertThat(relationships.findByCustomer(acme.id())).containsExactly(job);
        });
    }

    @Test
    void inTransaction_writesOfARolledBackUnit_areNeverSeenByOtherThreads() throws Exception {
        Customer anna = aPerson().in(tenant).withEmail("anna@example.com").build();
        ExecutorService otherThread = Executors.newSingleThreadExecutor();
        try {
            AtomicReference<Future<List<Object>>> seen = new AtomicReference<>();
            IllegalStateException failure = new IllegalStateException("roll back");

            assertThatThrownBy(() -> store.inTransaction(() -> {
                        customers.save(anna);
                        seen.set(otherThread.submit(() -> List.of(
                                customers.findById(anna.id()),
                                customers.findByEmail(EmailAddress.of("anna@example.com")),
                                customers.count(CustomerQuery.all()))));
                        awaitBriefly(seen.get());
                        throw failure;
                    }))
                    .isSameAs(failure);

            // a store may make the reader wait for the unit to end; either way it must not see the write
            assertThat(seen.get().get(30, TimeUnit.SECONDS)).containsExactly(Optional.empty(), List.of(), 0L);
        } finally {
            otherThread.shutdownNow();
        }
    }

    @Test
    void inTransaction_afterRollback_theSameWritesSucceed() {
        Customer anna = aPerson().in(tenant).withEmail("anna@example.com").build();
        Customer acme = anOrganization().in(tenant).build();
        Relationship job = aRelationship(anna, acme).build();

        assertThatThrownBy(() -> store.inTransaction(() -> {
                    customers.save(anna);
                    customers.save(acme);
                    relationships.save(job);
                    throw new IllegalStateException("roll back");
                }))
                .isInstanceOf(IllegalStateException.class);
        store.inTransaction(() -> {
            customers.save(anna);
            customers.save(acme);
            relationships.save(job);
        });

        assertThat(customers.findById(anna.id())).contains(anna.withVersion(1));
        assertThat(relationships.findById(job.id())).contains(job.withVersion(1));
        assertThat(customers.findByEmail(EmailAddress.of("anna@example.com"))).containsExactly(anna.withVersion(1));
    }

    @Test
    void saveAll_insideAFailingUnit_isRolledBackWithIt() {
        Customer first = aPerson().in(tenant).build();
        Customer second = anOrganization().in(tenant).build();

        assertThatThrownBy(() -> store.inTransaction(() -> {
                    customers.saveAll(List.of(first, second));
                    throw new IllegalStateException("roll back");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(customers.findAllById(List.of(first.id(), second.id()))).isEmpty();
    }

    /** Waits a little for {@code future}, which a store may hold back until the current unit ends. */
    private static void awaitBriefly(Future<?> future) {
        try {
            future.get(200, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // the store makes readers wait for the unit of work; the result is checked after it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new AssertionError("a read on another thread failed", e.getCause());
        }
    }
}
