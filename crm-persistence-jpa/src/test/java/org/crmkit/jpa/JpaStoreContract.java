package org.crmkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmkit.testkit.fixtures.CustomerFixtures.aPerson;
import static org.crmkit.testkit.fixtures.CustomerFixtures.aRelationship;
import static org.crmkit.testkit.fixtures.CustomerFixtures.anOrganization;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.crmkit.core.common.ConcurrentUpdateException;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.StoreUnavailableException;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.AttributeValue;
import org.crmkit.core.customer.ContactPoint;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerOrder;
import org.crmkit.core.customer.CustomerQuery;
import org.crmkit.core.customer.CustomerRepository;
import org.crmkit.core.customer.NameSearch;
import org.crmkit.core.customer.PostalAddress;
import org.crmkit.core.customer.Relationship;
import org.crmkit.core.customer.Tag;
import org.crmkit.core.memory.MemoryCrmStore;
import org.crmkit.testkit.fixtures.TestTenants;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the JPA store promises beyond the crm-testkit contracts: a constant number of statements per
 * page, JDBC batches for {@code saveAll}, rollbacks that leave no row behind in any table, no lost
 * update under concurrent writers, code point order of names in every database, and work inside
 * the host's own transactions. Subclasses name the database.
 */
abstract class JpaStoreContract {
    private JpaCrmStore store;
    private TenantId tenant;
    private CustomerRepository customers;

    /** The database of the subclass. */
    abstract JpaDatabase db();

    @BeforeEach
    void setUp() {
        store = db().store();
        tenant = TestTenants.random("jpa");
        customers = store.customers(tenant);
    }

    // ---- statements --------------------------------------------------------------------------

    @Test
    void list_pageOfFiftyWithContactPointsAndTags_takesThreeStatements() {
        List<Customer> saved = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            saved.add(richCustomer(i));
        }
        customers.saveAll(saved);
        Statistics statistics = db().statistics();

        statistics.clear();
        Page<Customer> first = customers.list(CustomerQuery.all(), PageRequest.first(50));
        long firstPage = statistics.getPrepareStatementCount();
        statistics.clear();
        Page<Customer> rest = customers.list(
                CustomerQuery.all(), PageRequest.after(first.next().orElseThrow(), 50));
        long secondPage = statistics.getPrepareStatementCount();
        statistics.clear();
        Page<Customer> byName = customers.list(CustomerQuery.nameStartsWith("rich"), PageRequest.first(50));
        long searchPage = statistics.getPrepareStatementCount();
        statistics.clear();
        List<Customer> byId = customers.findAllById(
                saved.subList(0, 50).stream().map(Customer::id).toList());
        long findAll = statistics.getPrepareStatementCount();
        statistics.clear();
        customers.findById(saved.get(0).id()).orElseThrow();
        long findOne = statistics.getPrepareStatementCount();

        assertThat(first.items()).hasSize(50).allSatisfy(c -> {
            assertThat(c.contactPoints()).hasSize(4);
            assertThat(c.tags()).hasSize(3);
        });
        assertThat(first.items())
                .containsExactlyElementsOf(
                        saved.subList(0, 50).stream().map(c -> c.withVersion(1)).toList());
        assertThat(rest.items()).hasSize(10);
        assertThat(byName.items()).hasSize(50);
        assertThat(byId).hasSize(50);
        assertThat(List.of(firstPage, secondPage, searchPage, findAll, findOne))
                .as("statements for: page 1, page 2, a name search page, findAllById of 50, findById")
                .containsOnly(3L);
    }

    @Test
    void saveAll_writesInJdbcBatches() {
        List<Customer> batch = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            batch.add(richCustomer(i));
        }
        Statistics statistics = db().statistics();
        statistics.clear();

        customers.saveAll(batch);

        // 200 customers hold 1,800+ rows in four tables; one prepared statement per batch of 50
        assertThat(statistics.getEntityInsertCount()).isEqualTo(200);
        assertThat(statistics.getPrepareStatementCount()).isLessThanOrEqualTo(1 + 4 * (200 / 50) + 4);
        assertThat(customers.count(CustomerQuery.all())).isEqualTo(200);
    }

    // ---- units of work -----------------------------------------------------------------------

    @Test
    void inTransaction_failure_leavesNoRowInAnyTable() throws SQLException {
        Customer anna = richCustomer(1);
        Customer acme = anOrganization()
                .in(tenant)
                .withEmail("acme@example.com")
                .taggedWith("b2b")
                .build();

        assertThatThrownBy(() -> store.inTransaction(() -> {
                    customers.saveAll(List.of(anna, acme));
                    store.relationships(tenant).save(aRelationship(anna, acme).build());
                    throw new IllegalStateException("roll back");
                }))
                .hasMessage("roll back");

        assertThat(rowsOfTenant()).containsOnly(0L);
    }

    @Test
    void save_fewerContactPointsAndTags_deletesTheirRows() throws SQLException {
        Customer stored = customers.save(richCustomer(1));

        Customer bare = customers.save(stored.withContactPoints(List.of()).withoutTags(stored.tags()));

        assertThat(customers.findById(stored.id())).contains(bare);
        assertThat(rowsOfTenant()).containsExactly(1L, 0L, 0L, (long) rowsOfNameKeys(bare), 0L);
    }

    @Test
    void save_unchangedCustomer_makesANewVersion() {
        Customer v1 = customers.save(richCustomer(1));

        Customer v2 = customers.save(v1);

        assertThat(v2.version()).isEqualTo(2);
        assertThat(customers.findById(v1.id())).contains(v2);
        assertThatThrownBy(() -> customers.save(v1)).isInstanceOf(ConcurrentUpdateException.class);
        Relationship link = store.relationships(tenant)
                .save(aRelationship(v1.id(), CustomerId.parse("0190a000-0000-7000-8000-000000000001"))
                        .in(tenant)
                        .build());
        assertThat(store.relationships(tenant).save(link).version()).isEqualTo(2);
    }

    @Test
    void save_staleChangeInsideAUnit_failsAtTheCallAndTheUnitGoesOn() {
        Customer read = customers.save(aPerson().in(tenant).build());
        Customer current = customers.save(read.withDisplayName("Current"));
        Customer newcomer = anOrganization().in(tenant).build();

        store.inTransaction(() -> {
            customers.save(newcomer);
            assertThatThrownBy(() -> customers.save(read.withDisplayName("Stale")))
                    .isInstanceOf(ConcurrentUpdateException.class);
        });

        assertThat(customers.findById(newcomer.id())).contains(newcomer.withVersion(1));
        assertThat(customers.findById(read.id())).contains(current);
    }

    @Test
    void concurrentWriters_everyUpdateLandsOrFailsWithConcurrentUpdate() throws Exception {
        List<CustomerId> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(customers
                    .save(aPerson()
                            .named("Busy", "Customer " + i)
                            .in(tenant)
                            .withAttribute("n", AttributeValue.of(0))
                            .build())
                    .id());
        }
        int threads = 8;
        int attemptsPerThread = 15;
        Map<CustomerId, AtomicInteger> landed = new ConcurrentHashMap<>();
        ids.forEach(id -> landed.put(id, new AtomicInteger()));
        AtomicInteger conflicts = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                workers.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < attemptsPerThread; i++) {
                        CustomerId id = ids.get((thread + i) % ids.size());
                        Customer read = customers.findById(id).orElseThrow();
                        long n = ((AttributeValue.Number) read.attribute("n").orElseThrow())
                                .value()
                                .longValueExact();
                        try {
                            customers.save(read.withAttribute("n", AttributeValue.of(n + 1))
                                    .withTags(List.of(Tag.of("t" + thread))));
                            landed.get(id).incrementAndGet();
                        } catch (ConcurrentUpdateException e) {
                            conflicts.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> worker : workers) {
                worker.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        int total = 0;
        for (CustomerId id : ids) {
            Customer last = customers.findById(id).orElseThrow();
            int updates = landed.get(id).get();
            total += updates;
            assertThat(last.version()).as("version of %s", id).isEqualTo(1 + updates);
            assertThat(last.attribute("n")).as("counter of %s", id).contains(AttributeValue.of(updates));
        }
        assertThat(total + conflicts.get()).isEqualTo(threads * attemptsPerThread);
        assertThat(total).isPositive();
        System.out.printf(
                "[%s] %d updates landed, %d failed with ConcurrentUpdateException%n",
                getClass().getSimpleName(), total, conflicts.get());
    }

    // ---- order -------------------------------------------------------------------------------

    @Test
    void list_byName_followsCodePointOrderAcrossEveryPlane() {
        MemoryCrmStore reference = MemoryCrmStore.create();
        List<String> names = List.of(
                "\uE000 Private Use",
                "\uD83D\uDE00 Smile",
                "\uFFFD Replacement",
                "\uD7FB Jamo",
                "\u4E00 One",
                "\uD840\uDFB7 Yoshinoya",
                "\uFB00 Ligature",
                "zeta",
                "\uF8FF Apple");
        for (String name : names) {
            Customer c = anOrganization().named(name).in(tenant).build();
            customers.save(c);
            reference.customers(tenant).save(c);
        }
        for (CustomerQuery query : List.of(
                CustomerQuery.all().orderedBy(CustomerOrder.NAME),
                CustomerQuery.nameStartsWith("\uE000"),
                CustomerQuery.nameStartsWith("\uD83D\uDE00"),
                CustomerQuery.nameStartsWith("\uD840\uDFB7"))) {
            for (int size : List.of(1, 3, 100)) {
                assertThat(walk(customers, query, size))
                        .as("%s in pages of %d", query, size)
                        .containsExactlyElementsOf(walk(reference.customers(tenant), query, size));
            }
        }
    }

    // ---- the host's transactions -------------------------------------------------------------

    @Test
    void joinHostTransactions_theHostCommitsOrRollsBack() {
        EntityManagerFactory factory = db().factory();
        EntityManager hostEm = factory.createEntityManager();
        try {
            JpaCrmStore joined =
                    JpaCrmStore.builder().joinHostTransactions(() -> hostEm).build();
            CustomerRepository hosted = joined.customers(tenant);
            Customer kept = aPerson().named("Kept", "Customer").in(tenant).build();
            Customer dropped = aPerson().named("Dropped", "Customer").in(tenant).build();

            hostEm.getTransaction().begin();
            Customer saved = joined.inTransaction(() -> hosted.save(kept));
            hostEm.getTransaction().commit();
            hostEm.getTransaction().begin();
            hosted.save(dropped);
            assertThat(hosted.findById(dropped.id())).isPresent();
            assertThatThrownBy(() -> hosted.save(kept.withDisplayName("Stale")))
                    .isInstanceOf(ConcurrentUpdateException.class);
            hostEm.getTransaction().rollback();

            assertThat(customers.findById(kept.id())).contains(saved);
            assertThat(customers.findById(dropped.id())).isEmpty();
            assertThatThrownBy(() -> hosted.save(dropped)).isInstanceOf(StoreUnavailableException.class);
        } finally {
            hostEm.close();
        }
    }

    @Test
    void findById_rootCachedInALongUnitWhileAnotherWriterCommits_readsOneWholeVersion() {
        Customer v1 = customers.save(aPerson()
                .in(tenant)
                .withEmail("old@example.com")
                .taggedWith("old")
                .build());
        EntityManager hostEm = db().factory().createEntityManager();
        try {
            CustomerRepository hosted = JpaCrmStore.builder()
                    .joinHostTransactions(() -> hostEm)
                    .build()
                    .customers(tenant);
            hostEm.getTransaction().begin();
            assertThat(hosted.findById(v1.id())).contains(v1);

            Customer v2 = customers.save(v1.withDisplayName("Changed meanwhile")
                    .withContactPoints(List.of(ContactPoint.email("new@example.com")))
                    .withoutTags(v1.tags())
                    .withTags(List.of(Tag.of("new"))));

            // the host's persistence context still holds version 1 of the row; its children are at version 2
            assertThat(hosted.findById(v1.id())).contains(v2);
            assertThat(hosted.list(CustomerQuery.all(), PageRequest.first(10)).items())
                    .containsExactly(v2);
            hostEm.getTransaction().commit();
        } finally {
            hostEm.close();
        }
    }

    // ---- errors and set-up -------------------------------------------------------------------

    @Test
    void closedFactory_failsWithStoreUnavailable() {
        EntityManagerFactory factory = JpaDatabase.createFactory(db().database(), c -> {});
        JpaCrmStore closed = JpaCrmStore.create(factory);
        factory.close();

        assertThatThrownBy(() ->
                        closed.customers(tenant).findById(CustomerId.parse("0190a000-0000-7000-8000-000000000001")))
                .isInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(() -> closed.inTransaction(() -> 1)).isInstanceOf(StoreUnavailableException.class);
    }

    @Test
    void migrate_again_appliesNothing() {
        assertThat(JpaCrmStore.migrate(db().database().dataSource())).isZero();
    }

    @Test
    void builder_needsExactlyOneSource() {
        assertThatThrownBy(() -> JpaCrmStore.builder().build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> JpaCrmStore.builder()
                        .entityManagerFactory(db().factory())
                        .joinHostTransactions(() -> null)
                        .build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> JpaCrmStore.builder()
                        .joinHostTransactions(() -> null)
                        .build()
                        .customers(tenant)
                        .count(CustomerQuery.all()))
                .isInstanceOf(StoreUnavailableException.class);
    }

    @Test
    void save_nameFoldingToAnUnindexableKey_isRefusedBeforeAnyWrite() {
        Customer newcomer = anOrganization().in(tenant).build();
        Customer stored = customers.save(
                anOrganization().named("Short Name Ltd").in(tenant).build());
        String expanding = "\uFDFA".repeat(200); // each folds to 18 characters of Arabic

        store.inTransaction(() -> {
            customers.save(newcomer);
            assertThatThrownBy(() -> customers.save(
                            anOrganization().named(expanding).in(tenant).build()))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("displayName");
            assertThatThrownBy(() -> customers.save(stored.withDisplayName(expanding)))
                    .isInstanceOf(ValidationException.class);
        });

        assertThat(customers.findById(newcomer.id())).contains(newcomer.withVersion(1));
        assertThat(customers.findById(stored.id())).contains(stored);
        assertThat(customers.count(CustomerQuery.all())).isEqualTo(2);
    }

    @Test
    void save_nullOrForeign_isRejectedBeforeTheDatabase() {
        assertThatThrownBy(() -> customers.save(null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> customers.findAllById(Arrays.asList((CustomerId) null)))
                .isInstanceOf(ValidationException.class);
    }

    // ---- helpers -----------------------------------------------------------------------------

    /** A customer with four contact points of three kinds, three tags and attributes. */
    Customer richCustomer(int i) {
        return aPerson()
                .named("Rich " + i, "Customer")
                .in(tenant)
                .withEmail("rich" + i + "@example.com")
                .withEmail("rich" + i + "@work.example.com", "work")
                .withPhone("+4670" + (1_000_000 + i))
                .withAddress(PostalAddress.of("Storgatan " + i, "111 22", "Stockholm", "SE"))
                .taggedWith("vip", "b2c", "tag" + (i % 7))
                .withAttribute("spend", AttributeValue.of(Money.of("1234.50", "SEK")))
                .withAttribute("since", AttributeValue.of(LocalDate.of(2020, 1, 1 + i % 28)))
                .build();
    }

    /** Rows of the tenant in customers, contact points, tags, name keys and relationships. */
    List<Long> rowsOfTenant() throws SQLException {
        List<Long> counts = new ArrayList<>();
        try (Connection c = db().database().dataSource().getConnection()) {
            for (String table : List.of(
                    "crmkit_customer",
                    "crmkit_customer_contact",
                    "crmkit_customer_tag",
                    "crmkit_customer_name_key",
                    "crmkit_relationship")) {
                try (PreparedStatement s =
                        c.prepareStatement("select count(*) from " + table + " where tenant_id = ?")) {
                    s.setString(1, tenant.value());
                    try (ResultSet r = s.executeQuery()) {
                        r.next();
                        counts.add(r.getLong(1));
                    }
                }
            }
        }
        return counts;
    }

    static int rowsOfNameKeys(Customer c) {
        return NameSearch.keys(c).size();
    }

    static List<Customer> walk(CustomerRepository repo, CustomerQuery query, int size) {
        List<Customer> seen = new ArrayList<>();
        Page<Customer> page = repo.list(query, PageRequest.first(size));
        seen.addAll(page.items());
        while (page.hasNext()) {
            page = repo.list(query, PageRequest.after(page.next().orElseThrow(), size));
            seen.addAll(page.items());
        }
        return seen;
    }
}
