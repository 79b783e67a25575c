package org.crmkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmkit.testkit.fixtures.CustomerFixtures.aPerson;
import static org.crmkit.testkit.fixtures.CustomerFixtures.aRelationship;
import static org.crmkit.testkit.fixtures.CustomerFixtures.anOrganization;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.crmkit.core.Crm;
import org.crmkit.core.common.Actor;
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
import org.crmkit.core.customer.CustomerEvent;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerOrder;
import org.crmkit.core.customer.CustomerQuery;
import org.crmkit.core.customer.CustomerRepository;
import org.crmkit.core.customer.CustomerService;
import org.crmkit.core.customer.EmailAddress;
import org.crmkit.core.customer.NameSearch;
import org.crmkit.core.customer.PhoneNumber;
import org.crmkit.core.customer.PostalAddress;
import org.crmkit.core.customer.Relationship;
import org.crmkit.core.customer.Tag;
import org.crmkit.core.memory.MemoryCrmStore;
import org.crmkit.testkit.fixtures.RecordingListener;
import org.crmkit.testkit.fixtures.TestTenants;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the JPA store promises beyond the crm-testkit contracts: a constant number of statements per
 * page, JDBC batches for {@code saveAll}, rollbacks that leave no row behind in any table, no lost
 * update under concurrent writers, contact locks that make concurrent duplicate checks wait or
 * fail with {@code ConcurrentUpdateException}, code point order of names in every database, and
 * work inside the host's own transactions. Subclasses name the database.
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
                    customers.lockContacts(anna.emails(), anna.phones());
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
        assertThat(rowsOfTenant()).containsExactly(1L, 0L, 0L, (long) rowsOfNameKeys(bare), 0L, 0L);
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

    // ---- duplicate checks --------------------------------------------------------------------

    @Test
    void findByContacts_emailsAndPhones_findsEachMatchingCustomerOnceInOneStatementPlusTwo() {
        Customer anna = customers.save(aPerson()
                .named("Anna", "Both")
                .in(tenant)
                .withEmail("anna@example.com")
                .withPhone("+46701111111")
                .taggedWith("vip")
                .build());
        Customer bob = customers.save(aPerson()
                .named("Bob", "Mail")
                .in(tenant)
                .withEmail("bob@example.com")
                .build());
        Customer carl = customers.save(aPerson()
                .named("Carl", "Phone")
                .in(tenant)
                .withPhone("+46702222222")
                .build());
        customers.save(aPerson()
                .named("Dora", "Other")
                .in(tenant)
                .withEmail("dora@example.com")
                .build());
        TenantId other = TestTenants.random("other");
        store.customers(other)
                .save(aPerson().in(other).withEmail("bob@example.com").build());
        Statistics statistics = db().statistics();

        statistics.clear();
        List<Customer> found = customers.findByContacts(
                List.of(
                        EmailAddress.of("ANNA@example.com"),
                        EmailAddress.of("bob@example.com"),
                        EmailAddress.of("nobody@example.com")),
                List.of(PhoneNumber.of("+46 70 111 11 11"), PhoneNumber.of("+46702222222")));
        long statements = statistics.getPrepareStatementCount();

        assertThat(found).containsExactlyInAnyOrder(anna, bob, carl);
        assertThat(statements)
                .as("one for the customers, one for contact points, one for tags")
                .isEqualTo(3);
        assertThat(customers.findByContacts(List.of(EmailAddress.of("bob@example.com")), List.of()))
                .containsExactly(bob);
        assertThat(customers.findByContacts(List.of(), List.of(PhoneNumber.of("+46702222222"))))
                .containsExactly(carl);
        statistics.clear();
        assertThat(customers.findByContacts(List.of(), List.of())).isEmpty();
        assertThat(statistics.getPrepareStatementCount())
                .as("no statement for nothing")
                .isZero();
    }

    @Test
    void findByContacts_moreValuesThanOneChunk_findsThemAllInAStatementPerChunk() {
        Customer first = customers.save(
                aPerson().in(tenant).withEmail("wanted0@example.com").build());
        Customer last =
                customers.save(aPerson().in(tenant).withPhone("+46709999999").build());
        List<EmailAddress> emails = IntStream.range(0, 2 * JpaCustomerRepository.CHUNK)
                .mapToObj(i -> EmailAddress.of("wanted" + i + "@example.com"))
                .collect(Collectors.toList());
        Statistics statistics = db().statistics();

        statistics.clear();
        List<Customer> found = customers.findByContacts(emails, List.of(PhoneNumber.of("+46709999999")));

        assertThat(found).containsExactlyInAnyOrder(first, last);
        assertThat(statistics.getPrepareStatementCount()).isEqualTo(3 + 2);
    }

    @Test
    void lockContacts_insideUnitsOnly_insertsARowPerValueOnceAndKeepsIt() throws SQLException {
        List<EmailAddress> emails = List.of(
                EmailAddress.of("b@example.com"), EmailAddress.of("A@example.com"), EmailAddress.of("a@example.com"));
        List<PhoneNumber> phones = List.of(PhoneNumber.of("+46701234567"));

        customers.lockContacts(emails, phones);
        assertThat(lockRows())
                .as("outside a unit of work the lock would end at once")
                .isEmpty();

        store.inTransaction(() -> {
            customers.lockContacts(emails, phones);
            customers.lockContacts(emails.subList(0, 1), phones);
        });
        store.inTransaction(() -> customers.lockContacts(emails, List.of()));

        assertThat(lockRows()).containsExactly("EMAIL a@example.com", "EMAIL b@example.com", "PHONE +46701234567");
        assertThatThrownBy(() -> customers.lockContacts(null, phones)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> customers.findByContacts(Arrays.asList((EmailAddress) null), phones))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void lockContacts_valueLockedByAnotherUnit_waitsUntilThatUnitEnds() throws Exception {
        List<EmailAddress> held = List.of(EmailAddress.of("held@example.com"));
        store.inTransaction(() -> customers.lockContacts(held, List.of()));
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> holder = pool.submit(() -> store.inTransaction(() -> {
                customers.lockContacts(held, List.of());
                locked.countDown();
                await(release);
            }));
            await(locked);
            Future<?> waiter = pool.submit(() -> store.inTransaction(() -> customers.lockContacts(held, List.of())));
            awaitLockWaitOrEnd(waiter);
            assertThat(waiter.isDone())
                    .as("waits while another unit holds the lock")
                    .isFalse();

            release.countDown();
            holder.get(30, TimeUnit.SECONDS);
            waiter.get(30, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void lockContacts_newValueInsertedByAnotherUnitAtTheSameMoment_failsWithConcurrentUpdate() throws Exception {
        List<EmailAddress> fresh = List.of(EmailAddress.of("fresh@example.com"));
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = pool.submit(() -> store.inTransaction(() -> {
                customers.lockContacts(fresh, List.of());
                locked.countDown();
                await(release);
            }));
            await(locked);
            // the second unit finds no committed row, so it inserts one too and waits for the first unit to end
            Future<?> second = pool.submit(() -> store.inTransaction(() -> customers.lockContacts(fresh, List.of())));
            awaitLockWaitOrEnd(second);
            release.countDown();
            first.get(30, TimeUnit.SECONDS);

            assertThatThrownBy(() -> second.get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(ConcurrentUpdateException.class)
                    .hasMessageContaining("another writer checked the e-mail fresh@example.com at the same moment")
                    .hasMessageContaining("try again");
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
        store.inTransaction(() -> customers.lockContacts(fresh, List.of()));
        assertThat(lockRows()).containsExactly("EMAIL fresh@example.com");
    }

    @Test
    void lockContacts_lockNotGrantedAtOnce_failsWithConcurrentUpdate() throws Exception {
        List<PhoneNumber> held = List.of(PhoneNumber.of("+46703333333"));
        store.inTransaction(() -> customers.lockContacts(List.of(), held));
        // a persistence unit over connections whose database gives up waiting for a lock after 200 ms
        String url = db().database().jdbcUrl();
        String impatientUrl = db().isPostgres()
                ? url + (url.contains("?") ? "&" : "?") + "options=-c%20lock_timeout%3D200"
                : url + ";LOCK_TIMEOUT=200";
        EntityManagerFactory impatient = JpaDatabase.createFactory(
                db().database(), unit -> unit.property(PersistenceConfiguration.JDBC_URL, impatientUrl));
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(1);
        try {
            Future<?> holder = pool.submit(() -> store.inTransaction(() -> {
                customers.lockContacts(List.of(), held);
                locked.countDown();
                await(release);
            }));
            await(locked);
            JpaCrmStore other = JpaCrmStore.create(impatient);

            assertThatThrownBy(() ->
                            other.inTransaction(() -> other.customers(tenant).lockContacts(List.of(), held)))
                    .isInstanceOf(ConcurrentUpdateException.class)
                    .hasMessageContaining("phone +46703333333");
            release.countDown();
            holder.get(30, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            pool.shutdownNow();
            impatient.close();
        }
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
    void joinHostTransactions_withACommitHook_deliversEventsOnlyWhenTheHostCommits() {
        EntityManager hostEm = db().factory().createEntityManager();
        try {
            // the host's transaction manager: runs the registered actions after it commits, drops them on rollback
            List<Runnable> onCommit = new ArrayList<>();
            JpaCrmStore joined = JpaCrmStore.builder()
                    .joinHostTransactions(() -> hostEm, onCommit::add)
                    .build();
            RecordingListener events = new RecordingListener();
            CustomerService service = Crm.builder()
                    .store(joined)
                    .listener(events)
                    .build()
                    .forTenant(tenant)
                    .as(Actor.user("host"))
                    .customers();

            hostEm.getTransaction().begin();
            Customer created =
                    service.create(aPerson().named("Hosted", "Customer").draft());
            assertThat(events.events()).as("before the host commits").isEmpty();
            hostEm.getTransaction().commit();
            onCommit.forEach(Runnable::run);
            onCommit.clear();
            assertThat(events.events())
                    .singleElement()
                    .isInstanceOfSatisfying(
                            CustomerEvent.CustomerCreated.class,
                            e -> assertThat(e.customer().id()).isEqualTo(created.id()));

            hostEm.getTransaction().begin();
            service.tag(created.id(), "vip");
            hostEm.getTransaction().rollback();
            onCommit.clear(); // a rolled-back transaction runs none of its after-commit actions
            assertThat(events.events()).hasSize(1);
            assertThat(customers.findById(created.id()).orElseThrow().tags()).isEmpty();
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

    /** Rows of the tenant in customers, contact points, tags, name keys, relationships and contact locks. */
    List<Long> rowsOfTenant() throws SQLException {
        List<Long> counts = new ArrayList<>();
        try (Connection c = db().database().dataSource().getConnection()) {
            for (String table : List.of(
                    "crmkit_customer",
                    "crmkit_customer_contact",
                    "crmkit_customer_tag",
                    "crmkit_customer_name_key",
                    "crmkit_relationship",
                    "crmkit_contact_lock")) {
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

    /** The tenant's rows in {@code crmkit_contact_lock}, as {@code "KIND value"}, in key order. */
    List<String> lockRows() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db().database().dataSource().getConnection();
                PreparedStatement s = c.prepareStatement("select kind, contact_value from crmkit_contact_lock"
                        + " where tenant_id = ? order by kind, contact_value")) {
            s.setString(1, tenant.value());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(r.getString(1) + " " + r.getString(2));
                }
            }
        }
        return rows;
    }

    /**
     * Waits until some unit of work waits for a lock in {@code crmkit_contact_lock}, as the database
     * reports it, or until {@code work} ends.
     */
    void awaitLockWaitOrEnd(Future<?> work) throws SQLException, InterruptedException {
        String waiting = db().isPostgres()
                ? "select count(*) from pg_stat_activity where datname = current_database()"
                        + " and wait_event_type = 'Lock' and query like '%crmkit_contact_lock%'"
                : "select count(*) from information_schema.sessions where blocker_id is not null";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try (Connection c = db().database().dataSource().getConnection();
                PreparedStatement s = c.prepareStatement(waiting)) {
            while (!work.isDone()) {
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    if (r.getLong(1) > 0) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no unit of work waited for a contact lock within 30 s");
                }
                Thread.sleep(10);
            }
        }
    }

    /** Waits for {@code latch}, as a test thread may. */
    static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test thread waited 30 s in vain");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
