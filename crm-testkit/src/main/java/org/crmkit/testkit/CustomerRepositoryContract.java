package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmkit.testkit.fixtures.CustomerFixtures.aPerson;
import static org.crmkit.testkit.fixtures.CustomerFixtures.anOrganization;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.crmkit.core.common.ConcurrentUpdateException;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageCursor;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.ContactPoint;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerKind;
import org.crmkit.core.customer.CustomerOrder;
import org.crmkit.core.customer.CustomerQuery;
import org.crmkit.core.customer.CustomerRepository;
import org.crmkit.core.customer.EmailAddress;
import org.crmkit.core.customer.LifecycleStage;
import org.crmkit.core.customer.NameSearch;
import org.crmkit.core.customer.PhoneNumber;
import org.crmkit.core.customer.Tag;
import org.crmkit.core.spi.CrmStore;
import org.crmkit.testkit.fixtures.CustomerFixture;
import org.crmkit.testkit.fixtures.CustomerFixtures;
import org.crmkit.testkit.fixtures.CustomerGenerators;
import org.crmkit.testkit.fixtures.Describe;
import org.crmkit.testkit.fixtures.TestTenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link CustomerRepository} must have, whatever store is behind it: what is
 * saved is read back equal (property-tested over {@link CustomerGenerators#customers()}), a stale
 * write fails with {@link ConcurrentUpdateException} and changes nothing, {@code saveAll} stores all
 * or nothing, nothing of one tenant is visible or changeable through another, archived customers
 * leave lists but not lookups, keyset pages hand out every matching customer exactly once in the
 * order {@link CustomerOrder#comparator()} gives, and name search follows {@link NameSearch} with
 * every character of the query taken literally (no LIKE wildcards, no collation folding beyond
 * NameSearch's own).
 *
 * <p>A store runs it by extending it and supplying the store:
 *
 * <pre>{@code
 * class MemoryCustomerRepositoryTest extends CustomerRepositoryContract {
 *     @Override
 *     protected CrmStore newStore() {
 *         return MemoryCrmStore.create();
 *     }
 * }
 * }</pre>
 *
 * <p>{@link #newStore()} is called once before each test. Every test works in tenants of its own
 * with random ids ({@link TestTenants}), so a database store may hand out the same database, even
 * one with other data in it, every time. Property tests use a fixed seed and a modest number of
 * examples; see the package documentation for changing them. Not thread-safe: JUnit makes an
 * instance per test.
 */
public abstract class CustomerRepositoryContract {
    private static final List<Integer> PAGE_SIZES = List.of(1, 2, 7, 50);
    private static final PageRequest ALL_ON_ONE_PAGE = PageRequest.first(PageRequest.MAX_SIZE);

    private CrmStore store;
    private TenantId tenant;
    private CustomerRepository customers;

    /** Creates the contract; subclasses supply the store. */
    protected CustomerRepositoryContract() {}

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
    }

    // ---- round trips -------------------------------------------------------------------------

    @Test
    void save_anyValidCustomer_isReadBackEqualWithVersionOne() {
        Theories.qt(60).forAll(CustomerGenerators.customers()).checkAssert(generated -> {
            TenantId own = TestTenants.random("rt");
            CustomerRepository repo = store.customers(own);
            Customer customer = CustomerFixtures.copyOf(generated, own);
            Customer expected = customer.withVersion(1);

            assertSameCustomer(repo.save(customer), expected, "what save returned");
            assertSameCustomer(find(repo, customer.id()), expected, "what findById read");
            assertThat(repo.findAllById(List.of(customer.id()))).containsExactly(expected);
            for (EmailAddress email : expected.emails()) {
                assertThat(repo.findByEmail(email)).as("findByEmail(%s)", email).containsExactly(expected);
            }
            for (PhoneNumber phone : expected.phones()) {
                assertThat(repo.findByPhone(phone)).as("findByPhone(%s)", phone).containsExactly(expected);
            }
            CustomerQuery everyone = CustomerQuery.all().includingArchived();
            assertThat(repo.list(everyone, ALL_ON_ONE_PAGE).items()).containsExactly(expected);
            assertThat(repo.count(everyone)).isEqualTo(1);
            assertThat(repo.list(CustomerQuery.all(), ALL_ON_ONE_PAGE).items())
                    .as("active customers")
                    .isEqualTo(expected.isArchived() ? List.of() : List.of(expected));
            for (String name : List.of(expected.displayName(), expected.name().fullName())) {
                assertThat(repo.list(CustomerQuery.nameStartsWith(name).includingArchived(), ALL_ON_ONE_PAGE)
                                .items())
                        .as("search for '%s'", Describe.visible(name))
                        .containsExactly(expected);
            }
        });
    }

    @Test
    void save_changedCustomer_replacesEveryPartAndEveryLookup() {
        Theories.qt(40)
                .forAll(CustomerGenerators.customers(), CustomerGenerators.customers())
                .checkAssert((first, second) -> {
                    TenantId own = TestTenants.random("upd");
                    CustomerRepository repo = store.customers(own);
                    Customer before = repo.save(CustomerFixtures.copyOf(first, own));
                    Customer change = CustomerFixtures.copyOf(second, before.id(), own, before.version());
                    Customer expected = change.withVersion(2);

                    assertSameCustomer(repo.save(change), expected, "what save returned");
                    assertSameCustomer(find(repo, before.id()), expected, "what findById read");
                    for (EmailAddress email : before.emails()) {
                        assertThat(repo.findByEmail(email))
                                .as("findByEmail(%s) after the change", email)
                                .isEqualTo(expected.emails().contains(email) ? List.of(expected) : List.of());
                    }
                    for (PhoneNumber phone : before.phones()) {
                        assertThat(repo.findByPhone(phone))
                                .as("findByPhone(%s) after the change", phone)
                                .isEqualTo(expected.phones().contains(phone) ? List.of(expected) : List.of());
                    }
                    for (EmailAddress email : expected.emails()) {
                        assertThat(repo.findByEmail(email))
                                .as("findByEmail(%s)", email)
                                .containsExactly(expected);
                    }
                    for (PhoneNumber phone : expected.phones()) {
                        assertThat(repo.findByPhone(phone))
                                .as("findByPhone(%s)", phone)
                                .containsExactly(expected);
                    }
                    CustomerQuery oldName =
                            CustomerQuery.nameStartsWith(before.displayName()).includingArchived();
                    assertThat(repo.list(oldName, ALL_ON_ONE_PAGE).items())
                            .as("search for the old name '%s'", Describe.visible(before.displayName()))
                            .isEqualTo(oldName.matches(expected) ? List.of(expected) : List.of());
                    assertThat(repo.count(CustomerQuery.all())).isEqualTo(expected.isArchived() ? 0 : 1);
                });
    }

    @Test
    void findById_unknownId_isEmpty() {
        customers.save(aPerson().in(tenant).build());

        assertThat(customers.findById(CustomerFixtures.nextCustomerId())).isEmpty();
    }

    @Test
    void findAllById_returnsTheTenantsExistingCustomersOnly() {
        Customer anna = customers.save(aPerson().in(tenant).build());
        Customer acme = customers.save(anOrganization().in(tenant).build());
        TenantId other = TestTenants.random("b");
        Customer foreign = store.customers(other).save(aPerson().in(other).build());

        assertThat(customers.findAllById(
                        List.of(acme.id(), CustomerFixtures.nextCustomerId(), foreign.id(), anna.id())))
                .containsExactlyInAnyOrder(anna, acme);
        assertThat(customers.findAllById(List.of())).isEmpty();
    }

    @Test
    void existingIds_namesTheTenantsCustomersArchivedOrNot_acrossManyIds() {
        Customer anna = customers.save(aPerson().in(tenant).build());
        Customer archived = customers.save(anOrganization()
                .in(tenant)
                .archivedAt(Instant.parse("2024-06-01T00:00:00Z"))
                .build());
        TenantId other = TestTenants.random("b");
        Customer foreign = store.customers(other).save(aPerson().in(other).build());
        List<CustomerId> asked = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) { // more than one IN list holds
            asked.add(CustomerFixtures.nextCustomerId());
        }
        asked.add(1_200, anna.id());
        asked.add(foreign.id());
        asked.add(archived.id());
        asked.add(anna.id());

        assertThat(customers.existingIds(asked)).containsExactlyInAnyOrder(anna.id(), archived.id());
        assertThat(customers.existingIds(List.of())).isEmpty();
        assertThat(store.customers(other).existingIds(List.of(anna.id(), foreign.id())))
                .containsExactly(foreign.id());
    }

    // ---- versions and optimistic locking -----------------------------------------------------

    @Test
    void save_returnsTheCustomerWithItsVersionOneHigher() {
        Customer v0 = aPerson().in(tenant).build();

        Customer v1 = customers.save(v0);
        Customer v2 = customers.save(v1.withDisplayName("Anna L."));
        Customer v3 = customers.save(v2.withTags(List.of(Tag.of("vip"))));

        assertThat(List.of(v1.version(), v2.version(), v3.version())).containsExactly(1L, 2L, 3L);
        assertThat(v3).isEqualTo(v2.withTags(List.of(Tag.of("vip"))).withVersion(3));
        assertThat(customers.findById(v0.id())).contains(v3);
    }

    @Test
    void save_staleVersion_failsAndKeepsStoredCustomer() {
        Customer read = customers.save(
                aPerson().in(tenant).withEmail("anna@example.com").build());
        Customer current = customers.save(read.withDisplayName("Anna (first writer)"));
        Customer staleChange =
                read.withDisplayName("Anna (second writer)").withContactPoint(ContactPoint.email("stale@example.com"));

        assertThatThrownBy(() -> customers.save(staleChange))
                .isInstanceOfSatisfying(ConcurrentUpdateException.class, e -> {
                    assertThat(e.entity()).isEqualTo("Customer");
                    assertThat(e.id()).isEqualTo(read.id().toString());
                    assertThat(e.expectedVersion()).isEqualTo(1);
                });

        assertThat(customers.findById(read.id())).contains(current);
        assertThat(customers.findByEmail(EmailAddress.of("stale@example.com"))).isEmpty();
        assertThat(customers.findByEmail(EmailAddress.of("anna@example.com"))).containsExactly(current);
    }

    @Test
    void save_versionAheadOfStored_failsAndKeepsStoredCustomer() {
        Customer stored = customers.save(aPerson().in(tenant).build());

        assertThatThrownBy(() ->
                        customers.save(stored.withDisplayName("From the future").withVersion(5)))
                .isInstanceOf(ConcurrentUpdateException.class);

        assertThat(customers.findById(stored.id())).contains(stored);
    }

    @Test
    void save_insertWithTakenId_failsAndKeepsStoredCustomer() {
        Customer stored = customers.save(
                aPerson().in(tenant).withEmail("anna@example.com").build());
        Customer intruder = anOrganization()
                .in(tenant)
                .withId(stored.id())
                .withEmail("intruder@example.com")
                .build();

        assertThatThrownBy(() -> customers.save(intruder)).isInstanceOf(ConcurrentUpdateException.class);

        assertThat(customers.findById(stored.id())).contains(stored);
        assertThat(customers.findByEmail(EmailAddress.of("intruder@example.com")))
                .isEmpty();
        assertThat(customers.count(CustomerQuery.all().includingArchived())).isEqualTo(1);
    }

    @Test
    void save_updateOfUnknownCustomer_failsAndStoresNothing() {
        Customer neverStored = aPerson().in(tenant).atVersion(3).build();

        assertThatThrownBy(() -> customers.save(neverStored)).isInstanceOf(ConcurrentUpdateException.class);

        assertThat(customers.findById(neverStored.id())).isEmpty();
        assertThat(customers.count(CustomerQuery.all().includingArchived())).isZero();
    }

    @Test
    void save_concurrentWritersOfOneVersion_exactlyOneWins() throws Exception {
        Customer read = customers.save(aPerson().in(tenant).build());
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Customer>> results = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                Customer change = read.withDisplayName("Writer " + i);
                results.add(pool.submit(() -> {
                    start.await();
                    return customers.save(change);
                }));
            }
            start.countDown();
            List<Customer> winners = new ArrayList<>();
            List<Throwable> losers = new ArrayList<>();
            for (Future<Customer> result : results) {
                try {
                    winners.add(result.get(60, TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    losers.add(e.getCause());
                }
            }

            assertThat(winners).hasSize(1);
            assertThat(losers)
                    .hasSize(writers - 1)
                    .allSatisfy(e -> assertThat(e).isInstanceOf(ConcurrentUpdateException.class));
            assertThat(customers.findById(read.id())).contains(winners.get(0));
            assertThat(winners.get(0).version()).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void findById_afterSaveReturned_neverReadsAnOlderVersionWhileOthersRead() throws Exception {
        Customer stored = customers.save(aPerson().in(tenant).build());
        int readers = 3;
        ExecutorService pool = Executors.newFixedThreadPool(readers);
        AtomicBoolean writing = new AtomicBoolean(true);
        try {
            List<Future<?>> reading = new ArrayList<>();
            for (int i = 0; i < readers; i++) {
                reading.add(pool.submit(() -> {
                    while (writing.get()) {
                        customers.findById(stored.id());
                    }
                }));
            }
            Customer current = stored;
            for (int i = 0; i < 300; i++) {
                current = customers.save(current.withDisplayName("Anna, change " + i));
                long saved = current.version();
                assertThat(find(customers, stored.id()).version())
                        .as("the version findById reads right after save returned version %d", saved)
                        .isEqualTo(saved);
            }
            writing.set(false);
            for (Future<?> r : reading) {
                r.get(60, TimeUnit.SECONDS);
            }
        } finally {
            writing.set(false);
            pool.shutdownNow();
        }
    }

    // ---- saveAll -----------------------------------------------------------------------------

    @Test
    void saveAll_storesEveryCustomerAndReturnsThemInOrder() {
        Customer existing = customers.save(aPerson().in(tenant).build());
        List<Customer> batch = List.of(
                anOrganization().in(tenant).build(),
                existing.withDisplayName("Anna L."),
                aPerson().named("Иван", "Иванов").in(tenant).build());

        List<Customer> saved = customers.saveAll(batch);

        assertThat(saved)
                .containsExactly(
                        batch.get(0).withVersion(1),
                        batch.get(1).withVersion(2),
                        batch.get(2).withVersion(1));
        assertThat(customers.findAllById(batch.stream().map(Customer::id).toList()))
                .containsExactlyInAnyOrderElementsOf(saved);
    }

    @Test
    void saveAll_oneStaleCustomer_storesNone() {
        Customer read = customers.save(aPerson().in(tenant).build());
        Customer current = customers.save(read.withDisplayName("Anna (current)"));
        Customer first =
                anOrganization().in(tenant).withEmail("first@example.com").build();
        Customer last = aPerson().named("Last", "One").in(tenant).build();

        assertThatThrownBy(() -> customers.saveAll(List.of(first, read.withDisplayName("Anna (stale)"), last)))
                .isInstanceOf(ConcurrentUpdateException.class);

        assertThat(customers.findById(first.id())).isEmpty();
        assertThat(customers.findById(last.id())).isEmpty();
        assertThat(customers.findByEmail(EmailAddress.of("first@example.com"))).isEmpty();
        assertThat(customers.findById(read.id())).contains(current);
        assertThat(customers.count(CustomerQuery.all().includingArchived())).isEqualTo(1);
    }

    @Test
    void saveAll_oneTakenId_storesNone() {
        Customer stored = customers.save(aPerson().in(tenant).build());
        Customer first = anOrganization().in(tenant).build();
        Customer taken = anOrganization()
                .named("Taken Id Ltd")
                .in(tenant)
                .withId(stored.id())
                .build();

        assertThatThrownBy(() -> customers.saveAll(List.of(first, taken)))
                .isInstanceOf(ConcurrentUpdateException.class);

        assertThat(customers.findById(first.id())).isEmpty();
        assertThat(customers.findById(stored.id())).contains(stored);
    }

    @Test
    void saveAll_customerOfAnotherTenant_failsAndStoresNone() {
        TenantId other = TestTenants.random("b");
        Customer own = aPerson().in(tenant).build();
        Customer foreign = aPerson().in(other).build();

        assertThatThrownBy(() -> customers.saveAll(List.of(own, foreign))).isInstanceOf(ValidationException.class);

        assertThat(customers.findById(own.id())).isEmpty();
        assertThat(store.customers(other).findById(foreign.id())).isEmpty();
    }

    @Test
    void saveAll_emptyList_storesNothing() {
        assertThat(customers.saveAll(List.of())).isEmpty();
        assertThat(customers.count(CustomerQuery.all().includingArchived())).isZero();
    }

    // ---- tenants -----------------------------------------------------------------------------

    @Test
    void tenants_customersOfOneTenant_areInvisibleToAnother() {
        Customer anna = customers.save(aPerson()
                .in(tenant)
                .withEmail("anna@example.com")
                .withPhone("+46 70 123 45 67")
                .build());
        Customer archived = customers.save(anOrganization()
                .in(tenant)
                .archivedAt(Instant.parse("2024-06-01T00:00:00Z"))
                .build());
        CustomerRepository other = store.customers(TestTenants.random("b"));

        assertThat(other.findById(anna.id())).isEmpty();
        assertThat(other.findById(archived.id())).isEmpty();
        assertThat(other.findAllById(List.of(anna.id(), archived.id()))).isEmpty();
        assertThat(other.findByEmail(EmailAddress.of("anna@example.com"))).isEmpty();
        assertThat(other.findByPhone(PhoneNumber.of("+46701234567"))).isEmpty();
        for (CustomerQuery query : List.of(
                CustomerQuery.all(),
                CustomerQuery.all().includingArchived(),
                CustomerQuery.all().orderedBy(CustomerOrder.NAME).includingArchived(),
                CustomerQuery.nameStartsWith("anna"),
                CustomerQuery.nameStartsWith("acme").includingArchived())) {
            assertThat(other.list(query, ALL_ON_ONE_PAGE).items())
                    .as("%s", query)
                    .isEmpty();
            assertThat(other.count(query)).as("count(%s)", query).isZero();
        }
    }

    @Test
    void save_customerOfAnotherTenant_failsAndChangesNothing() {
        TenantId otherTenant = TestTenants.random("b");
        CustomerRepository other = store.customers(otherTenant);
        Customer anna = customers.save(
                aPerson().in(tenant).withEmail("anna@example.com").build());
        Customer newcomer = anOrganization().in(tenant).build();

        assertThatThrownBy(() -> other.save(anna.withDisplayName("Hijacked"))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> other.save(newcomer)).isInstanceOf(ValidationException.class);

        assertThat(customers.findById(anna.id())).contains(anna);
        assertThat(customers.findById(newcomer.id())).isEmpty();
        assertThat(other.count(CustomerQuery.all().includingArchived())).isZero();
        assertThat(other.findByEmail(EmailAddress.of("anna@example.com"))).isEmpty();
    }

    @Test
    void save_sameIdInTwoTenants_keepsTwoSeparateCustomers() {
        TenantId otherTenant = TestTenants.random("b");
        CustomerRepository other = store.customers(otherTenant);
        Customer ours = customers.save(
                aPerson().in(tenant).withEmail("shared@example.com").build());

        Customer theirs = other.save(CustomerFixtures.copyOf(
                anOrganization().withEmail("shared@example.com").build(), ours.id(), otherTenant, 0));
        Customer theirsChanged = other.save(theirs.withDisplayName("Theirs, changed"));

        assertThat(customers.findById(ours.id())).contains(ours);
        assertThat(other.findById(ours.id())).contains(theirsChanged);
        assertThat(customers.findByEmail(EmailAddress.of("shared@example.com"))).containsExactly(ours);
        assertThat(other.findByEmail(EmailAddress.of("shared@example.com"))).containsExactly(theirsChanged);
    }

    // ---- archive -----------------------------------------------------------------------------

    @Test
    void list_archivedCustomer_isHiddenUnlessIncludingArchived() {
        Customer active =
                customers.save(aPerson().named("Anna", "Active").in(tenant).build());
        Customer archived =
                customers.save(aPerson().named("Anna", "Archived").in(tenant).build());
        archived = customers.save(archived.archived(Instant.parse("2024-06-01T10:00:00Z")));

        for (CustomerQuery query : List.of(
                CustomerQuery.all(),
                CustomerQuery.all().orderedBy(CustomerOrder.NAME),
                CustomerQuery.nameStartsWith("anna"),
                CustomerQuery.all().withKind(CustomerKind.PERSON))) {
            assertThat(customers.list(query, ALL_ON_ONE_PAGE).items())
                    .as("%s", query)
                    .containsExactly(active);
            assertThat(customers.count(query)).as("count(%s)", query).isEqualTo(1);
            assertThat(customers
                            .list(query.includingArchived(), ALL_ON_ONE_PAGE)
                            .items())
                    .as("%s", query.includingArchived())
                    .containsExactlyInAnyOrder(active, archived);
            assertThat(customers.count(query.includingArchived())).isEqualTo(2);
        }
    }

    @Test
    void findById_archivedCustomer_isStillFoundByEveryLookup() {
        Customer stored = customers.save(aPerson()
                .in(tenant)
                .withEmail("archived@example.com")
                .withPhone("+84 91 234 56 78")
                .build());
        Customer archived = customers.save(stored.archived(Instant.parse("2024-06-01T10:00:00Z")));

        assertThat(customers.findById(stored.id())).contains(archived);
        assertThat(customers.findAllById(List.of(stored.id()))).containsExactly(archived);
        assertThat(customers.findByEmail(EmailAddress.of("archived@example.com")))
                .containsExactly(archived);
        assertThat(customers.findByPhone(PhoneNumber.of("+84912345678"))).containsExactly(archived);
    }

    @Test
    void save_restoredCustomer_isListedAgain() {
        Customer stored = customers.save(aPerson().in(tenant).build());
        Customer archived = customers.save(stored.archived(Instant.parse("2024-06-01T10:00:00Z")));

        Customer restored = customers.save(archived.unarchived());

        assertThat(restored.isArchived()).isFalse();
        assertThat(customers.list(CustomerQuery.all(), ALL_ON_ONE_PAGE).items()).containsExactly(restored);
        assertThat(customers.count(CustomerQuery.all())).isEqualTo(1);
    }

    // ---- exact lookups and filters -----------------------------------------------------------

    @Test
    void findByEmail_matchesTheWholeNormalisedAddressOnly() {
        Customer anna = customers.save(
                aPerson().in(tenant).withEmail("anna@example.com").build());
        Customer underscore = customers.save(aPerson()
                .named("A", "B")
                .in(tenant)
                .withEmail("a_b@example.com")
                .build());
        Customer jose = customers.save(aPerson()
                .named("José", "García")
                .in(tenant)
                .withEmail("josé@example.com")
                .build());

        assertThat(customers.findByEmail(EmailAddress.of(" ANNA@Example.COM "))).containsExactly(anna);
        assertThat(customers.findByEmail(EmailAddress.of("a_b@example.com"))).containsExactly(underscore);
        assertThat(customers.findByEmail(EmailAddress.of("josé@example.com"))).containsExactly(jose);
        for (String other : List.of(
                "nna@example.com",
                "anna@example.co",
                "anna@example.com.evil",
                "%@example.com",
                "a%@example.com",
                "axb@example.com",
                "jose@example.com",
                "josе@example.com")) { // the last 'е' is Cyrillic
            assertThat(customers.findByEmail(EmailAddress.of(other)))
                    .as("findByEmail(%s)", other)
                    .isEmpty();
        }
    }

    @Test
    void findByPhone_matchesTheWholeNumberOnly() {
        Customer anna = customers.save(
                aPerson().in(tenant).withPhone("+84 91 234 56 78").build());

        assertThat(customers.findByPhone(PhoneNumber.of("0084912345678"))).containsExactly(anna);
        for (String other : List.of("+8491234567", "+849123456789", "+84912345670", "+4912345678")) {
            assertThat(customers.findByPhone(new PhoneNumber(other)))
                    .as("findByPhone(%s)", other)
                    .isEmpty();
        }
    }

    @Test
    void findByEmail_sharedAddress_findsEveryCustomerWithIt() {
        Customer anna = customers.save(aPerson()
                .in(tenant)
                .withEmail("anna@example.com")
                .withEmail("family@example.com", "home")
                .build());
        Customer ivan = customers.save(aPerson()
                .named("Иван", "Иванов")
                .in(tenant)
                .withEmail("family@example.com")
                .build());

        assertThat(customers.findByEmail(EmailAddress.of("family@example.com"))).containsExactlyInAnyOrder(anna, ivan);
        assertThat(customers.findByEmail(EmailAddress.of("anna@example.com"))).containsExactly(anna);
    }

    @Test
    void list_tagAndOwnerFilters_compareExactly() {
        Customer accented = customers.save(aPerson()
                .named("A", "Accented")
                .in(tenant)
                .taggedWith("café")
                .ownedBy("Anna")
                .build());
        Customer plain = customers.save(aPerson()
                .named("B", "Plain")
                .in(tenant)
                .taggedWith("cafe")
                .ownedBy("anna")
                .build());
        Customer shouting = customers.save(aPerson()
                .named("C", "Shouting")
                .in(tenant)
                .taggedWith("CAFE ")
                .ownedBy("ANNA")
                .build());

        assertThat(listAll(CustomerQuery.all().withTag(Tag.of("café")))).containsExactly(accented);
        assertThat(listAll(CustomerQuery.all().withTag(Tag.of("cafe")))).containsExactlyInAnyOrder(plain, shouting);
        assertThat(listAll(CustomerQuery.all().withTag(Tag.of("caf")))).isEmpty();
        assertThat(listAll(CustomerQuery.all().withOwner(StaffId.of("Anna")))).containsExactly(accented);
        assertThat(listAll(CustomerQuery.all().withOwner(StaffId.of("anna")))).containsExactly(plain);
        assertThat(listAll(CustomerQuery.all().withOwner(StaffId.of("ANNA")))).containsExactly(shouting);
        assertThat(customers.count(CustomerQuery.all().withTag(Tag.of("cafe")))).isEqualTo(2);
    }

    // ---- keyset paging -----------------------------------------------------------------------

    @Test
    void list_walkingEveryPage_returnsEachMatchingCustomerOnceInOrder() {
        Theories.qt(8)
                .forAll(CustomerGenerators.populations(CustomerGenerators.GENERATED_TENANT, 30))
                .checkAssert(population -> {
                    TenantId own = TestTenants.random("page");
                    CustomerRepository repo = store.customers(own);
                    List<Customer> saved = population.stream()
                            .map(c -> repo.save(CustomerFixtures.copyOf(c, own)))
                            .toList();
                    for (CustomerQuery filter : filtersFor(saved)) {
                        for (CustomerOrder order : CustomerOrder.values()) {
                            CustomerQuery query = filter.orderedBy(order);
                            List<Customer> expected = saved.stream()
                                    .filter(query::matches)
                                    .sorted(order.comparator())
                                    .toList();
                            assertThat(repo.count(query)).as("count(%s)", query).isEqualTo(expected.size());
                            for (int size : PAGE_SIZES) {
                                assertThat(walk(repo, query, size, expected.size()))
                                        .as("%s in pages of %d", query, size)
                                        .containsExactlyElementsOf(expected);
                            }
                        }
                    }
                });
    }

    @Test
    void list_emptyTenant_isOneEmptyLastPage() {
        Page<Customer> page = customers.list(CustomerQuery.all(), PageRequest.first(10));

        assertThat(page.items()).isEmpty();
        assertThat(page.hasNext()).isFalse();
    }

    @Test
    void list_equalSortKeys_areOrderedByUnsignedId() {
        // the unsigned order of these ids differs from UUID.compareTo, which reads the halves as signed
        UUID lowest = new UUID(0x0000_0000_0000_7000L, 0x8000_0000_0000_0001L);
        UUID lower = new UUID(0x7FFF_FFFF_FFFF_7FFFL, 0x8000_0000_0000_0001L);
        UUID higher = new UUID(0x8000_0000_0000_7000L, 0x8000_0000_0000_0001L);
        UUID highest = new UUID(0xFFFF_FFFF_FFFF_7FFFL, 0xBFFF_FFFF_FFFF_FFFFL);
        List<Customer> expected = new ArrayList<>();
        List<String> names = List.of("Nguyễn\u00A0An", "NGUYEN AN", "nguyen an", "Nguyễn  An");
        List<UUID> ids = List.of(lowest, lower, higher, highest);
        for (int i = 0; i < ids.size(); i++) {
            expected.add(anOrganization()
                    .named(names.get(i))
                    .in(tenant)
                    .withId(new CustomerId(ids.get(i)))
                    .build()
                    .withVersion(1));
        }
        List<Customer> shuffled = new ArrayList<>(expected);
        Collections.shuffle(shuffled, new Random(7));
        shuffled.forEach(c -> customers.save(c.withVersion(0)));

        for (CustomerQuery query : List.of(
                CustomerQuery.all(),
                CustomerQuery.all().orderedBy(CustomerOrder.NAME),
                CustomerQuery.nameStartsWith("nguyen an"))) {
            assertThat(walk(customers, query, 1, expected.size()))
                    .as("%s", query)
                    .containsExactlyElementsOf(expected);
        }
    }

    @Test
    void list_cursorOfCustomerArchivedSince_continuesAfterIt() {
        List<CustomerId> five = new ArrayList<>();
        for (String name : List.of("Anna A", "Anna B", "Anna C", "Anna D", "Anna E")) {
            five.add(customers
                    .save(anOrganization().named(name).in(tenant).build())
                    .id());
        }
        for (CustomerOrder order : CustomerOrder.values()) {
            CustomerQuery query = CustomerQuery.all().orderedBy(order);
            Page<Customer> first = customers.list(query, PageRequest.first(2));
            assertThat(first.items()).extracting(Customer::id).containsExactly(five.get(0), five.get(1));
            Customer archived =
                    customers.save(find(customers, five.get(1)).archived(Instant.parse("2024-06-01T10:00:00Z")));

            Page<Customer> second =
                    customers.list(query, PageRequest.after(first.next().orElseThrow(), 2));

            assertThat(second.items())
                    .extracting(Customer::id)
                    .as("%s", query)
                    .containsExactly(five.get(2), five.get(3));
            customers.save(archived.unarchived());
        }
    }

    @Test
    void list_customersAddedWhilePaging_areNeitherRepeatedNorSkippedAfterTheCursor() {
        List<Customer> five = new ArrayList<>();
        for (String name : List.of("B one", "B two", "B three", "B four", "B five")) {
            five.add(customers.save(anOrganization().named(name).in(tenant).build()));
        }
        Page<Customer> first = customers.list(CustomerQuery.all(), PageRequest.first(2));
        Customer before = customers.save(anOrganization()
                .named("B zero")
                .in(tenant)
                .withId(new CustomerId(new UUID(0x0000_0000_0000_7000L, 0x8000_0000_0000_0000L)))
                .build());
        Customer after =
                customers.save(anOrganization().named("B six").in(tenant).build());

        List<Customer> rest = new ArrayList<>();
        Page<Customer> page = customers.list(
                CustomerQuery.all(), PageRequest.after(first.next().orElseThrow(), 2));
        rest.addAll(page.items());
        while (page.hasNext()) {
            page = customers.list(
                    CustomerQuery.all(), PageRequest.after(page.next().orElseThrow(), 2));
            rest.addAll(page.items());
        }

        assertThat(first.items()).containsExactly(five.get(0), five.get(1));
        assertThat(rest)
                .containsExactly(five.get(2), five.get(3), five.get(4), after)
                .doesNotContain(before);
    }

    @Test
    void list_cursorOfAnotherOrderOrForged_isRejected() {
        customers.save(aPerson().in(tenant).build());
        customers.save(anOrganization().in(tenant).build());
        PageCursor byCreation =
                customers.list(CustomerQuery.all(), PageRequest.first(1)).next().orElseThrow();

        assertThatThrownBy(() -> customers.list(
                        CustomerQuery.all().orderedBy(CustomerOrder.NAME), PageRequest.after(byCreation, 1)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> customers.list(CustomerQuery.all(), PageRequest.after(new PageCursor("%%%"), 1)))
                .isInstanceOf(ValidationException.class);
    }

    // ---- name search -------------------------------------------------------------------------

    @Test
    void nameSearch_vietnamese_ignoresCaseAndAccents() {
        save(aPerson().named("Thị Ngọc", "Đặng").displayName("Đặng Thị Ngọc"));
        save(aPerson().named("Văn An", "Nguyễn").displayName("Nguyễn Văn An"));
        save(aPerson().named("Bảo Châu", "Ngô").displayName("Ngô Bảo Châu"));

        for (String query : List.of("ngoc", "NGỌC", "thi ng", "Thị  Ngọc", "đặng thị", "DANG THI NGOC", "thi ngoc d")) {
            assertThat(search(query)).as("search '%s'", query).containsExactly("Đặng Thị Ngọc");
        }
        assertThat(search("ng")).containsExactlyInAnyOrder("Đặng Thị Ngọc", "Nguyễn Văn An", "Ngô Bảo Châu");
        assertThat(search("ngoc thi")).isEmpty();
        assertThat(search("goc")).isEmpty();
    }

    @Test
    void nameSearch_cyrillic_ignoresCaseAndYo() {
        save(aPerson().named("Иван", "Иванов").displayName("Иванов Иван"));
        save(aPerson().named("Пётр", "Петров"));
        save(aPerson().named("Алёна", "Ёлкина"));

        assertThat(search("иван")).containsExactly("Иванов Иван");
        assertThat(search("ИВАНОВ")).containsExactly("Иванов Иван");
        assertThat(search("петр")).containsExactly("Пётр Петров");
        assertThat(search("елк")).containsExactly("Алёна Ёлкина");
        assertThat(search("ivan")).isEmpty();
    }

    @Test
    void nameSearch_cjk_matchesPrefixesOnlyAndIgnoresWidth() {
        save(aPerson().named("太郎", "山田").displayName("山田太郎"));
        save(anOrganization().named("山田商事株式会社"));
        save(anOrganization().named("田中電機"));
        save(anOrganization().named("삼성전자"));
        save(anOrganization().named("ｱｲｺ商店"));
        save(anOrganization().named("𠮷野家"));

        assertThat(search("山田")).containsExactlyInAnyOrder("山田太郎", "山田商事株式会社");
        assertThat(search("山田太")).containsExactly("山田太郎");
        assertThat(search("太郎")).containsExactly("山田太郎");
        assertThat(search("田")).containsExactly("田中電機");
        assertThat(search("田太郎")).isEmpty();
        assertThat(search("삼성")).containsExactly("삼성전자");
        assertThat(search("アイコ")).containsExactly("ｱｲｺ商店");
        assertThat(search("𠮷")).containsExactly("𠮷野家");
        assertThat(search("吉")).isEmpty();
    }

    @Test
    void nameSearch_arabicAndEmoji_matchAsWritten() {
        save(aPerson().named("مُحَمَّد", "العلي"));
        save(anOrganization().named("🍕 Pizza Place"));
        save(anOrganization().named("👨‍👩‍👧 Family Store"));

        assertThat(search("محمد")).containsExactly("مُحَمَّد العلي");
        assertThat(search("العلي")).containsExactly("مُحَمَّد العلي");
        assertThat(search("🍕")).containsExactly("🍕 Pizza Place");
        assertThat(search("pizza")).containsExactly("🍕 Pizza Place");
        assertThat(search("👨‍👩‍👧")).containsExactly("👨‍👩‍👧 Family Store");
        assertThat(search("🍔")).isEmpty();
    }

    @Test
    void nameSearch_latin_foldsLettersWithoutDecomposition() {
        save(anOrganization().named("Müller & Söhne GmbH"));
        save(anOrganization().named("Straße & Co. KG"));
        save(anOrganization().named("Øresund Logistik ApS"));
        save(anOrganization().named("Łódź Meble Sp. z o.o."));
        save(anOrganization().named("Ærø Invest"));

        assertThat(search("muller")).containsExactly("Müller & Söhne GmbH");
        assertThat(search("MÜLLER & S")).containsExactly("Müller & Söhne GmbH");
        assertThat(search("strasse")).containsExactly("Straße & Co. KG");
        assertThat(search("oresund")).containsExactly("Øresund Logistik ApS");
        assertThat(search("lodz")).containsExactly("Łódź Meble Sp. z o.o.");
        assertThat(search("aero")).containsExactly("Ærø Invest");
    }

    @Test
    void nameSearch_likeWildcardsQuotesAndBackslashes_areLiteral() {
        List<String> names = List.of(
                "%Percent GmbH",
                "100% Organic Ltd",
                "_Underscore AG",
                "a_c Trading",
                "abc Trading",
                "aXc Trading",
                "Back\\slash Ltd",
                "\\Root Ltd",
                "O'Brien & Sons",
                "Say \"Hi\" Inc",
                "[Bracket] Ltd",
                "Star* Ltd",
                "a.c Labs");
        names.forEach(name -> save(anOrganization().named(name)));

        assertThat(search("%")).containsExactly("%Percent GmbH");
        assertThat(search("%percent")).containsExactly("%Percent GmbH");
        assertThat(search("100%")).containsExactly("100% Organic Ltd");
        assertThat(search("_")).containsExactly("_Underscore AG");
        assertThat(search("a_c")).containsExactly("a_c Trading");
        assertThat(search("back\\")).containsExactly("Back\\slash Ltd");
        assertThat(search("back\\s")).containsExactly("Back\\slash Ltd");
        assertThat(search("\\")).containsExactly("\\Root Ltd");
        assertThat(search("o'b")).containsExactly("O'Brien & Sons");
        assertThat(search("say \"h")).containsExactly("Say \"Hi\" Inc");
        assertThat(search("[b")).containsExactly("[Bracket] Ltd");
        assertThat(search("star*")).containsExactly("Star* Ltd");
        assertThat(search("a.c")).containsExactly("a.c Labs");
        for (String nothing : List.of("%%", "a%c", "_%", "[a-z]", "s*", "*", "?", "'", "'; drop table customers; --")) {
            assertThat(search(nothing)).as("search '%s'", nothing).isEmpty();
            assertThat(customers.count(CustomerQuery.nameStartsWith(nothing))).isZero();
        }
        assertThat(customers.count(CustomerQuery.all())).isEqualTo(names.size());
    }

    @Test
    void nameSearch_count_countsTheSameCustomersAsTheList() {
        save(aPerson().named("Thị Ngọc", "Đặng").displayName("Đặng Thị Ngọc"));
        save(aPerson().named("Văn An", "Nguyễn"));
        save(anOrganization().named("Ngọc Trai Jewellery").archivedAt(Instant.parse("2024-06-01T00:00:00Z")));

        assertThat(customers.count(CustomerQuery.nameStartsWith("ngoc"))).isEqualTo(1);
        assertThat(customers.count(CustomerQuery.nameStartsWith("ngoc").includingArchived()))
                .isEqualTo(2);
        assertThat(customers.count(CustomerQuery.nameStartsWith("ng"))).isEqualTo(2);
    }

    // ---- helpers -----------------------------------------------------------------------------

    private Customer save(CustomerFixture fixture) {
        return customers.save(fixture.in(tenant).build());
    }

    /** The display names of the active customers a name search finds. */
    private List<String> search(String query) {
        return customers.list(CustomerQuery.nameStartsWith(query), ALL_ON_ONE_PAGE).items().stream()
                .map(Customer::displayName)
                .toList();
    }

    private List<Customer> listAll(CustomerQuery query) {
        return customers.list(query, ALL_ON_ONE_PAGE).items();
    }

    private static Customer find(CustomerRepository repo, CustomerId id) {
        return repo.findById(id).orElseThrow(() -> new AssertionError("customer " + id + " was not found"));
    }

    private static void assertSameCustomer(Customer actual, Customer expected, String what) {
        assertThat(Describe.customer(actual)).as(what).isEqualTo(Describe.customer(expected));
        assertThat(actual).as(what).isEqualTo(expected);
    }

    /**
     * Walks every page of {@code query} in pages of {@code size}, checking that no page is larger,
     * that a page with a next cursor is not empty and that the cursor stops once all {@code
     * expectedCount} matching customers were handed out.
     */
    private static List<Customer> walk(CustomerRepository repo, CustomerQuery query, int size, int expectedCount) {
        List<Customer> seen = new ArrayList<>();
        Page<Customer> page = repo.list(query, PageRequest.first(size));
        for (int number = 1; ; number++) {
            assertThat(page.items())
                    .as("page %d of %s in pages of %d", number, query, size)
                    .hasSizeLessThanOrEqualTo(size);
            seen.addAll(page.items());
            if (page.next().isEmpty()) {
                return seen;
            }
            assertThat(page.items())
                    .as("page %d of %s in pages of %d has a next cursor, so it must not be empty", number, query, size)
                    .isNotEmpty();
            assertThat(seen.size())
                    .as(
                            "%s in pages of %d: page %d has a next cursor although all %d matching customers were listed",
                            query, size, number, expectedCount)
                    .isLessThan(expectedCount);
            page = repo.list(query, PageRequest.after(page.next().get(), size));
        }
    }

    /** Filters that select sizeable parts of {@code saved}: fixed ones and ones taken from its first customers. */
    private static List<CustomerQuery> filtersFor(List<Customer> saved) {
        CustomerQuery all = CustomerQuery.all();
        List<CustomerQuery> filters = new ArrayList<>(List.of(
                all,
                all.includingArchived(),
                all.withTag(Tag.of("café")),
                all.withTag(Tag.of("cafe")).includingArchived(),
                all.withOwner(StaffId.of("Anna")),
                all.withOwner(StaffId.of("anna")),
                all.withKind(CustomerKind.PERSON),
                all.withKind(CustomerKind.ORGANIZATION).includingArchived(),
                all.withStage(LifecycleStage.CUSTOMER),
                all.withNamePrefix("nguyen"),
                all.withNamePrefix("%"),
                all.withNamePrefix("a_c").includingArchived()));
        for (Customer c : saved.subList(0, Math.min(2, saved.size()))) {
            String key = NameSearch.sortKey(c);
            filters.add(all.withStage(c.stage()).includingArchived());
            filters.add(all.withNamePrefix(codePoints(key, 1)));
            filters.add(all.withNamePrefix(codePoints(key, 3)).includingArchived());
            c.tags().stream()
                    .findFirst()
                    .ifPresent(t -> filters.add(all.withTag(t).withKind(c.kind())));
            c.owner()
                    .ifPresent(o ->
                            filters.add(all.withOwner(o).withStage(c.stage()).includingArchived()));
        }
        return filters;
    }

    private static String codePoints(String text, int count) {
        return text.substring(0, text.offsetByCodePoints(0, Math.min(count, text.codePointCount(0, text.length()))));
    }
}
