package org.crmkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crmkit.testkit.fixtures.CustomerFixtures.aPerson;
import static org.crmkit.testkit.fixtures.InteractionFixtures.anInteraction;
import static org.crmkit.testkit.fixtures.SalesFixtures.aPipeline;
import static org.crmkit.testkit.fixtures.SalesFixtures.anOpportunity;
import static org.crmkit.testkit.fixtures.SalesFixtures.anOrder;
import static org.crmkit.testkit.fixtures.WorkFixtures.aRequest;
import static org.crmkit.testkit.fixtures.WorkFixtures.aTask;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.crmkit.core.Crm;
import org.crmkit.core.CrmScope;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.interaction.Interaction;
import org.crmkit.core.interaction.InteractionRepository;
import org.crmkit.core.interaction.LinkKind;
import org.crmkit.core.report.Customer360;
import org.crmkit.core.sales.LineItem;
import org.crmkit.core.sales.Opportunity;
import org.crmkit.core.sales.OpportunityRepository;
import org.crmkit.core.sales.OpportunityStatus;
import org.crmkit.core.sales.Order;
import org.crmkit.core.sales.Pipeline;
import org.crmkit.core.service.Request;
import org.crmkit.core.service.RequestRepository;
import org.crmkit.core.service.RequestStatus;
import org.crmkit.core.task.Reminder;
import org.crmkit.core.task.Task;
import org.crmkit.core.task.TaskRepository;
import org.crmkit.core.task.TaskStatus;
import org.crmkit.testkit.fixtures.TestTenants;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the JPA store promises for requests and tasks beyond the crm-testkit contracts: a customer's
 * 360° picture (opportunities with their lines and history, and orders with their lines, included)
 * in the same number of statements however long the customer's history, tasks read
 * with all their reminders in one more statement (no N+1), last contacts in one aggregate query,
 * a task that a writer changes between the two statements of its read read again whole, and tasks
 * whose instants and reminder offsets are finer than microseconds kept consistently to the
 * microsecond. Subclasses name the database.
 */
abstract class JpaWorkStoreContract {
    private static final Instant T0 = Instant.parse("2024-06-03T08:00:00Z");
    private static final StaffId ANNA = StaffId.of("anna");

    private JpaCrmStore store;
    private TenantId tenant;

    /** The database of the subclass. */
    abstract JpaDatabase db();

    @BeforeEach
    void setUp() {
        store = db().store();
        tenant = TestTenants.random("jpa-work");
    }

    @Test
    void customer360_takesAsManyStatementsForThreeHundredInteractionsAsForThree() {
        // both customers have open requests and tasks with reminders, linked interactions, open
        // opportunities with line items and orders with lines, so that every query of the picture
        // runs for both; only the amounts differ
        Pipeline pipeline = store.pipelines(tenant).save(aPipeline(tenant));
        CustomerId small = customer();
        interactions(small, 3);
        requests(small, 1);
        tasks(small, 1);
        opportunities(small, pipeline, 1);
        orders(small, 1);
        CustomerId large = customer();
        interactions(large, 300);
        requests(large, 8);
        tasks(large, 12);
        opportunities(large, pipeline, 14);
        orders(large, 40);
        CrmScope scope = Crm.builder().store(store).build().forTenant(tenant).as(Actor.user("desk"));
        Statistics statistics = db().statistics();

        statistics.clear();
        Customer360 smallPicture = scope.customer360(small);
        long forSmall = statistics.getPrepareStatementCount();
        statistics.clear();
        Customer360 largePicture = scope.customer360(large);
        long forLarge = statistics.getPrepareStatementCount();

        assertThat(smallPicture.recentInteractions()).hasSize(3);
        assertThat(smallPicture.openRequests()).hasSize(1);
        assertThat(smallPicture.openTasks())
                .hasSize(1)
                .allSatisfy(t -> assertThat(t.reminders()).hasSize(2));
        assertThat(largePicture.recentInteractions()).hasSize(20);
        assertThat(largePicture.interactionCount()).isEqualTo(300);
        assertThat(largePicture.openRequests()).hasSize(4);
        assertThat(largePicture.openTasks())
                .hasSize(6)
                .allSatisfy(t -> assertThat(t.reminders()).hasSize(2));
        assertThat(smallPicture.openOpportunities())
                .hasSize(1)
                .allSatisfy(o -> assertThat(o.lines()).hasSize(2));
        assertThat(largePicture.openOpportunities())
                .hasSize(7)
                .allSatisfy(o -> assertThat(o.lines()).hasSize(2))
                .allSatisfy(o -> assertThat(o.history()).hasSize(2));
        assertThat(smallPicture.latestOrders()).hasSize(1);
        assertThat(largePicture.latestOrders())
                .hasSize(Customer360.LATEST_ORDERS)
                .allSatisfy(o -> assertThat(o.lines()).hasSize(3));
        assertThat(largePicture.lastPurchaseAt()).contains(T0.minusSeconds(60));
        assertThat(forLarge)
                .as("statements for 300 interactions, 8 requests, 12 tasks, 14 opportunities and 40 orders"
                        + " against 3, 1, 1, 1 and 1")
                .isEqualTo(forSmall);
    }

    @Test
    void tasks_areReadWithAllTheirRemindersInOneMoreStatement() {
        TaskRepository tasks = store.tasks(tenant);
        List<Task> saved = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Instant due = T0.plus(Duration.ofHours(i));
            saved.add(tasks.save(aTask(tenant, due)
                    .reminders(List.of(
                            Reminder.before(due, Duration.ofMinutes(10)), Reminder.before(due, Duration.ofDays(1))))
                    .build()));
        }
        Task bare = tasks.save(aTask(tenant, T0).build());
        Statistics statistics = db().statistics();

        Map<String, Supplier<Object>> reads = new LinkedHashMap<>();
        reads.put(
                "openAssignedTo",
                () -> tasks.openAssignedTo(ANNA, PageRequest.first(50)).items());
        reads.put(
                "withRemindersDue",
                () -> tasks.withRemindersDue(T0.minus(Duration.ofDays(1)), T0.plus(Duration.ofDays(9)), 100));
        reads.put("findById", () -> List.of(tasks.findById(saved.get(7).id()).orElseThrow()));
        Map<String, Long> statements = new LinkedHashMap<>();
        Map<String, Object> results = new LinkedHashMap<>();
        reads.forEach((what, read) -> {
            statistics.clear();
            results.put(what, read.get());
            statements.put(what, statistics.getPrepareStatementCount());
        });

        assertThat((List<?>) results.get("openAssignedTo")).hasSize(50);
        assertThat(results.get("withRemindersDue")).isEqualTo(saved);
        assertThat(results.get("findById")).isEqualTo(List.of(saved.get(7)));
        assertThat(statements)
                .as("statements per read: one for the tasks, one for all their reminders")
                .allSatisfy((what, count) -> assertThat(count).as(what).isEqualTo(2L));
        statistics.clear();
        assertThat(tasks.findById(bare.id())).contains(bare);
        assertThat(statistics.getPrepareStatementCount())
                .as("a task without reminders skips their table")
                .isEqualTo(1);
    }

    @Test
    void findById_aTaskRescheduledBetweenItsRowAndItsReminders_isReadAgainWhole() throws Exception {
        TaskRepository tasks = store.tasks(tenant);
        Task v1 = tasks.save(aTask(tenant, T0)
                .reminders(List.of(Reminder.before(T0, Duration.ofHours(1)), Reminder.before(T0, Duration.ZERO)))
                .build());
        AtomicBoolean armed = new AtomicBoolean(true);
        AtomicReference<Task> written = new AtomicReference<>();
        // just before the reader asks for the reminders, another host reschedules the task and commits
        DataSource interrupted = beforePreparing(db().database().dataSource(), "crmkit_task_reminder", () -> {
            if (armed.getAndSet(false)) {
                written.set(CompletableFuture.supplyAsync(() ->
                                tasks.save(v1.rescheduled(T0.plus(Duration.ofDays(1)), T0, Actor.user("other host"))))
                        .get(30, TimeUnit.SECONDS));
            }
        });
        EntityManagerFactory factory = JpaDatabase.createFactory(db().database(), unit -> {
            unit.properties().remove(PersistenceConfiguration.JDBC_URL);
            unit.property(
                            "hibernate.connection.provider_class",
                            "org.hibernate.engine.jdbc.connections.internal.DataSourceConnectionProvider")
                    .property("hibernate.connection.datasource", interrupted);
        });
        try {
            Task read =
                    JpaCrmStore.create(factory).tasks(tenant).findById(v1.id()).orElseThrow();

            assertThat(written.get())
                    .as("the writer ran between the statements")
                    .isNotNull();
            assertThat(read).isEqualTo(written.get());
            assertThat(read.version()).isEqualTo(2);
        } finally {
            factory.close();
        }
    }

    @Test
    void lastContacts_isOneStatement() {
        CustomerId anna = customer();
        CustomerId ivan = customer();
        CustomerId never = customer();
        InteractionRepository interactions = store.interactions(tenant);
        Interaction early = interactions.append(
                anInteraction(anna).in(tenant).at(T0).withAttendees(ivan).build());
        Interaction late = interactions.append(
                anInteraction(anna).in(tenant).at(T0.plusSeconds(60)).build());
        // corrected to an earlier time: the correction counts, what it superseded does not
        interactions.append(anInteraction(anna)
                .in(tenant)
                .at(T0.plusSeconds(30))
                .superseding(late.id())
                .build());
        Statistics statistics = db().statistics();

        statistics.clear();
        Map<CustomerId, Instant> last = interactions.lastContacts(List.of(anna, ivan, never, anna));

        assertThat(statistics.getPrepareStatementCount()).isEqualTo(1);
        assertThat(last).containsOnly(Map.entry(anna, T0.plusSeconds(30)), Map.entry(ivan, early.occurredAt()));
    }

    @Test
    void save_finerThanMicroseconds_keepsTheTaskToTheMicrosecondWithItsRemindersInStep() {
        TaskRepository tasks = store.tasks(tenant);
        Instant due = T0.plusNanos(123_456_789);
        Duration offset = Duration.ofMinutes(5).plusNanos(1_999);
        Task fine = aTask(tenant, due)
                .reminders(List.of(Reminder.before(due, offset), Reminder.before(due, Duration.ZERO)))
                .build();

        Task stored = tasks.save(fine);

        assertThat(stored.due()).isEqualTo(T0.plusNanos(123_456_000));
        assertThat(stored.reminders())
                .containsExactly(
                        Reminder.before(stored.due(), Duration.ofMinutes(5).plusNanos(1_000)),
                        Reminder.before(stored.due(), Duration.ZERO));
        assertThat(tasks.findById(fine.id())).contains(stored);
        Task rescheduled = tasks.save(stored.rescheduled(due.plusSeconds(60), due, Actor.user("x")));
        assertThat(rescheduled.version()).isEqualTo(2);
        assertThat(tasks.findById(fine.id())).contains(rescheduled);
    }

    /** Work that a test thread runs and that may throw. */
    private interface Step {
        void run() throws Exception;
    }

    /** A data source over {@code target} whose connections run {@code step} before preparing SQL that names {@code table}. */
    private static DataSource beforePreparing(DataSource target, String table, Step step) {
        ClassLoader loader = JpaWorkStoreContract.class.getClassLoader();
        return (DataSource) Proxy.newProxyInstance(
                loader, new Class<?>[] {DataSource.class}, (ds, dsMethod, dsArgs) -> {
                    Object connection = invoke(target, dsMethod, dsArgs);
                    if (!(connection instanceof Connection real)) {
                        return connection;
                    }
                    return Proxy.newProxyInstance(loader, new Class<?>[] {Connection.class}, (c, method, args) -> {
                        if (method.getName().equals("prepareStatement") && ((String) args[0]).contains(table)) {
                            step.run();
                        }
                        return invoke(real, method, args);
                    });
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private CustomerId customer() {
        return store.customers(tenant).save(aPerson().in(tenant).build()).id();
    }

    private void interactions(CustomerId customer, int count) {
        List<Interaction> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            batch.add(anInteraction(customer)
                    .in(tenant)
                    .at(T0.minusSeconds(60L * i))
                    .linkedTo(LinkKind.CAMPAIGN, UUID.randomUUID())
                    .build());
        }
        store.interactions(tenant).appendAll(batch);
    }

    /** {@code count} requests of {@code customer}, every other one closed. */
    private void requests(CustomerId customer, int count) {
        RequestRepository requests = store.requests(tenant);
        for (int i = 0; i < count; i++) {
            Request.Builder b =
                    aRequest(tenant, customer, T0.minusSeconds(3600L * i)).assignee(ANNA);
            if (i % 2 == 1) {
                Instant at = T0.minusSeconds(3600L * i - 60);
                b.status(RequestStatus.CLOSED)
                        .firstRespondedAt(at)
                        .resolvedAt(at)
                        .closedAt(at);
            }
            requests.save(b.build());
        }
    }

    /**
     * {@code count} opportunities of {@code customer} with two line items each, moved to the second
     * stage; every other one lost.
     */
    private void opportunities(CustomerId customer, Pipeline pipeline, int count) {
        OpportunityRepository opportunities = store.opportunities(tenant);
        for (int i = 0; i < count; i++) {
            Opportunity o = opportunities.save(anOpportunity(tenant, customer, pipeline)
                    .amount(null)
                    .lines(List.of(
                            LineItem.of("SKU-" + i, "3", Money.of("19.90", "EUR")),
                            LineItem.of("Service", "1.5", Money.of("80.00", "EUR"))
                                    .discounted("0.1")))
                    .build());
            o = opportunities.save(o.movedTo(pipeline.stages().get(1), T0, Actor.user("rep")));
            if (i % 2 == 1) {
                opportunities.save(o.closed(OpportunityStatus.LOST, "price", T0.plusSeconds(60), Actor.user("rep")));
            }
        }
    }

    /** {@code count} orders of {@code customer} with three lines each, a minute apart, the latest a minute before T0. */
    private void orders(CustomerId customer, int count) {
        List<Order> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Order order = anOrder(tenant, customer, T0.minusSeconds(60L * (i + 1)), "SKU-" + i);
            batch.add(Order.of(
                    order.id(),
                    tenant,
                    customer,
                    order.orderedAt(),
                    List.of(
                            order.lines().get(0),
                            LineItem.of("Gift wrap", "1", Money.of("2.50", "EUR")),
                            LineItem.of("Shipping", "1", Money.of("4.90", "EUR"))),
                    Money.of("12.00", "EUR"),
                    null,
                    null,
                    "shop:" + order.id(),
                    order.audit()));
        }
        store.orders(tenant).appendAll(batch);
    }

    /** {@code count} tasks for {@code customer} with two reminders each, every other one done. */
    private void tasks(CustomerId customer, int count) {
        TaskRepository tasks = store.tasks(tenant);
        for (int i = 0; i < count; i++) {
            Instant due = T0.plus(Duration.ofHours(i));
            Task.Builder b = aTask(tenant, due)
                    .customer(customer)
                    .reminders(List.of(
                            Reminder.before(due, Duration.ofMinutes(15)), Reminder.before(due, Duration.ofHours(2))));
            if (i % 2 == 1) {
                b.status(TaskStatus.DONE).completedAt(due);
            }
            tasks.save(b.build());
        }
    }
}
