package org.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.crmkit.testkit.fixtures.InteractionFixtures.anInteraction;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.crmkit.core.Crm;
import org.crmkit.core.common.Audit;
import org.crmkit.core.common.ConcurrentUpdateException;
import org.crmkit.core.common.CrmException;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.StoreUnavailableException;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.AttributeValue;
import org.crmkit.core.customer.ContactPoint;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerQuery;
import org.crmkit.core.customer.CustomerService;
import org.crmkit.core.customer.Relationship;
import org.crmkit.core.customer.RelationshipId;
import org.crmkit.core.customer.RelationshipRole;
import org.crmkit.core.customer.Tag;
import org.crmkit.core.interaction.Interaction;
import org.crmkit.core.interaction.LinkKind;
import org.crmkit.core.interaction.TimelineQuery;
import org.crmkit.testkit.db.TestDatabase;
import org.crmkit.testkit.fixtures.InteractionFixture;
import org.crmkit.testkit.fixtures.InteractionFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The JDBC store under faults and contention: a statement that fails or a connection that drops at
 * any point of a unit of work leaves no partial write and the next call works; concurrent writers
 * never lose an update silently. One subclass per database.
 */
abstract class JdbcRobustnessTest {
    private static final int THREADS = 8;
    private static final int UPDATES_PER_THREAD = 20;

    private JdbcCrmStore clean;
    private InstrumentedDataSource faulty;
    private JdbcCrmStore store;

    /** The database of the running subclass. */
    abstract TestDatabase database();

    @BeforeEach
    void setUp() {
        clean = Fixtures.store(database());
        faulty = new InstrumentedDataSource(database().dataSource());
        store = JdbcCrmStore.builder(faulty).dialect(clean.dialect()).build();
    }

    /** A unit of work to break: it prepares its data with the clean store and writes through {@code store}. */
    private interface Scenario {
        Consumer<JdbcCrmStore> prepare(TenantId tenant, JdbcCrmStore clean);
    }

    private final Scenario insert = (tenant, clean) -> {
        Customer rich = Fixtures.richPerson(tenant);
        return store -> store.customers(tenant).save(rich);
    };

    private final Scenario update = (tenant, clean) -> {
        Customer saved = clean.customers(tenant).save(Fixtures.richPerson(tenant));
        Customer changed = saved.withContactPoints(List.of(ContactPoint.email("changed@example.com")))
                .withTags(List.of(Tag.of("changed")))
                .withDisplayName("Changed Name");
        return store -> store.customers(tenant).save(changed);
    };

    private final Scenario saveAll = (tenant, clean) -> {
        List<Customer> saved = clean.customers(tenant).saveAll(Fixtures.population(tenant, 7, 12));
        List<Customer> batch = new ArrayList<>();
        saved.forEach(c -> batch.add(c.withTags(List.of(Tag.of("batched")))));
        batch.addAll(Fixtures.population(tenant, 8, 12));
        return store -> store.customers(tenant).saveAll(batch);
    };

    private final Scenario unitOfWork = (tenant, clean) -> {
        Customer saved = clean.customers(tenant).save(Fixtures.person(tenant, "Anna", "Ivanova"));
        Customer company = Fixtures.organization(tenant, "Acme");
        return store -> store.inTransaction(() -> {
            store.customers(tenant).save(company);
            store.customers(tenant).save(saved.withTags(List.of(Tag.of("employee"))));
            store.relationships(tenant)
                    .save(Relationship.of(
                            new RelationshipId(UUID.randomUUID()),
                            tenant,
                            saved.id(),
                            company.id(),
                            RelationshipRole.EMPLOYEE_OF,
                            LocalDate.of(2024, 1, 1),
                            null,
                            Audit.created(Fixtures.T0, Fixtures.ANNA),
                            0));
        });
    };

    private final Scenario appendAll = (tenant, clean) -> {
        List<Customer> people = clean.customers(tenant).saveAll(Fixtures.population(tenant, 9, 3));
        Interaction original = clean.interactions(tenant)
                .append(anInteraction(people.get(0).id()).in(tenant).build());
        List<Interaction> batch = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            InteractionFixture call = anInteraction(people.get(i % 3).id())
                    .in(tenant)
                    .at(Fixtures.T0.plusSeconds(i))
                    .withAttendees(people.get((i + 1) % 3).id())
                    .withExternalId("call-" + i)
                    .about("Gọi lại 🌸 #" + i);
            if (i % 10 == 0) {
                call.linkedTo(LinkKind.OPPORTUNITY, UUID.randomUUID());
            }
            batch.add(call.build());
        }
        batch.add(anInteraction(people.get(1).id())
                .in(tenant)
                .superseding(original.id())
                .build());
        return store -> store.interactions(tenant).appendAll(batch);
    };

    @Test
    void insert_failingAnywhere_leavesNothing() {
        breakEveryStatement(insert);
    }

    @Test
    void update_failingAnywhere_leavesTheOldVersion() {
        breakEveryStatement(update);
    }

    @Test
    void saveAll_failingAnywhere_writesNone() {
        breakEveryStatement(saveAll);
    }

    @Test
    void unitOfWork_failingAnywhere_writesNone() {
        breakEveryStatement(unitOfWork);
    }

    @Test
    void appendAll_failingAnywhere_recordsNone() {
        breakEveryStatement(appendAll);
    }

    @Test
    void aFailureCaughtInsideTheUnit_stillRollsItBack() {
        TenantId tenant = Fixtures.newTenant();
        Customer first = Fixtures.person(tenant, "First", "One");
        Customer second = Fixtures.person(tenant, "Second", "One");

        assertThatThrownBy(() -> store.inTransaction(() -> {
                    store.customers(tenant).save(first);
                    faulty.failExecution(1, InstrumentedDataSource.Fault.SQL_ERROR);
                    assertThatThrownBy(() -> store.customers(tenant).save(second))
                            .isInstanceOf(StoreUnavailableException.class);
                    // the work swallows the failure and carries on: the store must not commit half
                    assertThatThrownBy(() -> store.customers(tenant).findById(first.id()))
                            .isInstanceOf(StoreUnavailableException.class);
                    return null;
                }))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("rolled back");
        assertThat(snapshot(tenant)).isEmpty();
    }

    @Test
    void concurrentUpdates_eachLandsOrFails_noneIsLost() throws Exception {
        TenantId tenant = Fixtures.newTenant();
        List<CustomerId> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(clean.customers(tenant)
                    .save(Fixtures.person(tenant, "Shared", "Customer " + i)
                            .withAttribute("count", AttributeValue.of(0)))
                    .id());
        }
        CustomerService service = Crm.builder()
                .store(clean)
                .build()
                .forTenant(tenant)
                .as(Fixtures.ANNA)
                .customers();
        Map<CustomerId, AtomicInteger> landed = new ConcurrentHashMap<>();
        ids.forEach(id -> landed.put(id, new AtomicInteger()));
        AtomicInteger refused = new AtomicInteger();
        List<Throwable> unexpected = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                boolean throughService = t % 2 == 0;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < UPDATES_PER_THREAD; i++) {
                        CustomerId id = ids.get(i % ids.size());
                        try {
                            if (throughService) {
                                service.modify(id, c -> c.withAttribute("count", increment(c)));
                            } else {
                                Customer c =
                                        clean.customers(tenant).findById(id).orElseThrow();
                                clean.customers(tenant).save(c.withAttribute("count", increment(c)));
                            }
                            landed.get(id).incrementAndGet();
                        } catch (ConcurrentUpdateException e) {
                            refused.incrementAndGet();
                        } catch (RuntimeException e) {
                            unexpected.add(e);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(unexpected).isEmpty();
        int total = 0;
        for (CustomerId id : ids) {
            Customer c = clean.customers(tenant).findById(id).orElseThrow();
            int n = landed.get(id).get();
            total += n;
            assertThat(c.attribute("count")).contains(AttributeValue.of(n));
            assertThat(c.version()).isEqualTo(1 + n);
        }
        assertThat(total + refused.get()).isEqualTo(THREADS * UPDATES_PER_THREAD);
        System.out.printf(
                "[%s] concurrent updates: %d landed, %d refused as stale%n", clean.dialect(), total, refused.get());
        assertThat(total).isPositive();
    }

    private static AttributeValue increment(Customer c) {
        AttributeValue.Number n = (AttributeValue.Number) c.attribute("count").orElseThrow();
        return AttributeValue.of(n.value().longValueExact() + 1);
    }

    /** Fails each statement of the scenario in turn, each way a statement can fail. */
    private void breakEveryStatement(Scenario scenario) {
        int statements = statementsOf(scenario);
        assertThat(statements).isGreaterThan(1);
        for (InstrumentedDataSource.Fault fault : InstrumentedDataSource.Fault.values()) {
            for (int n = 1; n <= statements; n++) {
                TenantId tenant = Fixtures.newTenant();
                Consumer<JdbcCrmStore> work = scenario.prepare(tenant, clean);
                Map<String, Object> before = snapshot(tenant);
                faulty.failExecution(n, fault);
                try {
                    work.accept(store);
                    fail("statement " + n + " of " + statements + " failed with " + fault + ", yet the work succeeded");
                } catch (CrmException e) {
                    assertThat(e)
                            .as("failure of statement %d with %s", n, fault)
                            .isNotNull();
                } catch (RuntimeException e) {
                    throw new AssertionError("statement " + n + " with " + fault + " leaked " + e, e);
                }
                assertThat(snapshot(tenant))
                        .as("data after statement %d of %d failed with %s", n, statements, fault)
                        .isEqualTo(before);
                faulty.heal();
                work.accept(store); // the next call works
                assertThat(snapshot(tenant)).isNotEqualTo(before);
            }
        }
    }

    private int statementsOf(Scenario scenario) {
        TenantId tenant = Fixtures.newTenant();
        Consumer<JdbcCrmStore> work = scenario.prepare(tenant, clean);
        faulty.reset();
        work.accept(store);
        return faulty.executed().size();
    }

    /** Everything the tenant has, read through the clean store. */
    private Map<String, Object> snapshot(TenantId tenant) {
        return clean.inTransaction(() -> snapshotInUnit(tenant));
    }

    private Map<String, Object> snapshotInUnit(TenantId tenant) {
        Page<Customer> page =
                clean.customers(tenant).list(CustomerQuery.all().includingArchived(), PageRequest.first(1000));
        assertThat(page.hasNext()).isFalse();
        Map<String, Object> all = new java.util.TreeMap<>();
        for (Customer c : page.items()) {
            all.put("customer " + c.id(), c);
            for (Relationship r : clean.relationships(tenant).findByCustomer(c.id())) {
                all.put("relationship " + r.id(), r);
            }
            Page<Interaction> timeline = clean.interactions(tenant)
                    .timeline(
                            c.id(), TimelineQuery.all().includingSuperseded(), PageRequest.first(PageRequest.MAX_SIZE));
            assertThat(timeline.hasNext()).isFalse();
            for (Interaction i : timeline.items()) {
                all.put("interaction " + i.id(), i);
            }
            all.put("activity " + c.id(), clean.interactions(tenant).activity(c.id()));
        }
        return all;
    }

    @Test
    void noSqlExceptionLeaks_whenTheDatabaseIsGone() {
        TenantId tenant = Fixtures.newTenant();
        faulty.refuseConnections(true);
        List<Runnable> calls = List.of(
                () -> store.customers(tenant).findById(new CustomerId(UUID.randomUUID())),
                () -> store.customers(tenant).save(Fixtures.person(tenant, "A", "B")),
                () -> store.customers(tenant).saveAll(List.of(Fixtures.person(tenant, "A", "B"))),
                () -> store.customers(tenant).list(CustomerQuery.all(), PageRequest.first(5)),
                () -> store.customers(tenant).count(CustomerQuery.all()),
                () -> store.relationships(tenant).findByCustomer(new CustomerId(UUID.randomUUID())),
                () -> store.interactions(tenant).findById(InteractionFixtures.nextInteractionId()),
                () -> store.interactions(tenant).findByExternalId("pbx:1"),
                () -> store.interactions(tenant).existingExternalIds(List.of("pbx:1")),
                () -> store.interactions(tenant).findCorrection(InteractionFixtures.nextInteractionId()),
                () -> store.interactions(tenant)
                        .append(anInteraction(new CustomerId(UUID.randomUUID()))
                                .in(tenant)
                                .build()),
                () -> store.interactions(tenant)
                        .appendAll(List.of(anInteraction(new CustomerId(UUID.randomUUID()))
                                .in(tenant)
                                .build())),
                () -> store.interactions(tenant)
                        .timeline(new CustomerId(UUID.randomUUID()), TimelineQuery.all(), PageRequest.first(5)),
                () -> store.interactions(tenant).activity(new CustomerId(UUID.randomUUID())),
                () -> store.inTransaction(() -> null));
        for (Runnable call : calls) {
            assertThatThrownBy(call::run)
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasCauseInstanceOf(SQLException.class)
                    .hasMessageContaining("could not be reached");
        }
        faulty.heal();
        assertThat(store.customers(tenant).count(CustomerQuery.all())).isZero();
    }
}
