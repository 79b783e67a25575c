package org.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmkit.testkit.fixtures.InteractionFixtures.anInteraction;
import static org.crmkit.testkit.fixtures.SalesFixtures.aPipeline;
import static org.crmkit.testkit.fixtures.SalesFixtures.anOpportunity;
import static org.crmkit.testkit.fixtures.SalesFixtures.anOrder;
import static org.crmkit.testkit.fixtures.WorkFixtures.aRequest;
import static org.crmkit.testkit.fixtures.WorkFixtures.aTask;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.crmkit.core.Crm;
import org.crmkit.core.CrmScope;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.ConcurrentUpdateException;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.interaction.Interaction;
import org.crmkit.core.interaction.InteractionId;
import org.crmkit.core.interaction.InteractionRepository;
import org.crmkit.core.interaction.TimelineQuery;
import org.crmkit.core.report.Customer360;
import org.crmkit.core.routing.Rotation;
import org.crmkit.core.routing.RotationRepository;
import org.crmkit.core.routing.TeamId;
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
import org.crmkit.testkit.db.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the JDBC store does with requests, tasks and rotations beyond their contract suites: the
 * statements a customer's whole picture (with its opportunities and orders) costs, whatever its
 * history; instants cut to the
 * microsecond; query bounds beyond what a database holds; refused saves inside a unit of work that
 * leave it usable; and last contacts read in one statement per chunk of customers. One subclass per
 * database.
 */
abstract class JdbcWorkTest {
    private static final Instant T0 = Instant.parse("2024-06-03T08:15:30.123456Z");

    JdbcCrmStore store;
    TenantId tenant;

    /** The database of the running subclass. */
    abstract TestDatabase database();

    @BeforeEach
    void setUp() {
        store = Fixtures.store(database());
        tenant = Fixtures.newTenant();
    }

    @Test
    void customer360_costsTheSameStatements_howeverLongTheHistory() {
        InstrumentedDataSource counting = new InstrumentedDataSource(database().dataSource());
        JdbcCrmStore counted =
                JdbcCrmStore.builder(counting).dialect(store.dialect()).build();
        CrmScope scope = Crm.builder().store(counted).build().forTenant(tenant).as(Fixtures.ANNA);
        Pipeline pipeline = store.pipelines(tenant).save(aPipeline(tenant));
        CustomerId quiet = history(3, 1, 1, pipeline, 1, 1);
        CustomerId busy = history(300, 70, 70, pipeline, 70, 70);
        CustomerId idle = history(3, 0, 0, pipeline, 0, 0);

        counting.reset();
        Customer360 small = scope.customer360(quiet);
        List<String> smallStatements = counting.executed();
        counting.reset();
        Customer360 large = scope.customer360(busy);
        List<String> largeStatements = counting.executed();
        counting.reset();
        Customer360 none = scope.customer360(idle);
        List<String> idleStatements = counting.executed();

        assertThat(small.interactionCount()).isEqualTo(3);
        assertThat(small.openRequests()).hasSize(1);
        assertThat(small.openTasks()).hasSize(1);
        assertThat(small.openOpportunities()).hasSize(1);
        assertThat(small.latestOrders()).hasSize(1);
        assertThat(large.interactionCount()).isEqualTo(300);
        assertThat(large.recentInteractions()).hasSize(20);
        assertThat(large.openRequests()).hasSize(Customer360.OPEN_WORK_LIMIT);
        assertThat(large.openTasks()).hasSize(Customer360.OPEN_WORK_LIMIT);
        assertThat(large.openTasks()).allSatisfy(t -> assertThat(t.reminders()).hasSize(2));
        assertThat(large.openOpportunities())
                .hasSize(Customer360.OPEN_WORK_LIMIT)
                .allSatisfy(o -> {
                    assertThat(o.lines()).hasSize(3);
                    assertThat(o.history()).hasSize(2);
                });
        assertThat(large.latestOrders())
                .hasSize(Customer360.LATEST_ORDERS)
                .allSatisfy(o -> assertThat(o.lines()).hasSize(2));
        assertThat(large.lastPurchaseAt()).contains(T0.plusSeconds(69));
        assertThat(none.openOpportunities()).isEmpty();
        assertThat(none.latestOrders()).isEmpty();
        assertThat(largeStatements)
                .as("customer (3), timeline (2), activity, open requests, open tasks and their reminders,"
                        + " open opportunities with their history and lines, latest orders and their lines")
                .hasSize(smallStatements.size())
                .hasSize(3 + 2 + 1 + 1 + 2 + 3 + 2);
        assertThat(idleStatements)
                .as("no tasks, opportunities or orders: no statement for their reminders, histories and lines")
                .hasSize(smallStatements.size() - 4);
    }

    /**
     * A stored customer with {@code interactions} interactions, {@code work} open and 5 resolved
     * requests, {@code work} open tasks with two reminders each and 5 done ones, {@code
     * opportunities} open opportunities with three lines and two stage changes each and 5 won ones,
     * and {@code orders} orders of two lines each.
     */
    private CustomerId history(
            int interactions, int work, int tasks, Pipeline pipeline, int opportunities, int orders) {
        CustomerId customer = store.customers(tenant)
                .save(Fixtures.person(tenant, "Anna", "Ivanova"))
                .id();
        List<Interaction> timeline = new ArrayList<>();
        for (int i = 0; i < interactions; i++) {
            timeline.add(
                    anInteraction(customer).in(tenant).at(T0.plusSeconds(i)).build());
        }
        store.interactions(tenant).appendAll(timeline);
        RequestRepository requests = store.requests(tenant);
        for (int i = 0; i < work; i++) {
            requests.save(aRequest(tenant, customer, T0.plusSeconds(i)).build());
        }
        for (int i = 0; i < (work == 0 ? 0 : 5); i++) {
            requests.save(aRequest(tenant, customer, T0)
                    .status(RequestStatus.RESOLVED)
                    .firstRespondedAt(T0)
                    .resolvedAt(T0)
                    .build());
        }
        TaskRepository taskRepository = store.tasks(tenant);
        for (int i = 0; i < tasks; i++) {
            Instant due = T0.plus(Duration.ofHours(i));
            taskRepository.save(aTask(tenant, due)
                    .customer(customer)
                    .reminders(List.of(
                            Reminder.before(due, Duration.ofMinutes(15)), Reminder.before(due, Duration.ofDays(1))))
                    .build());
        }
        for (int i = 0; i < (tasks == 0 ? 0 : 5); i++) {
            taskRepository.save(aTask(tenant, T0)
                    .customer(customer)
                    .status(TaskStatus.DONE)
                    .completedAt(T0)
                    .build());
        }
        OpportunityRepository deals = store.opportunities(tenant);
        for (int i = 0; i < opportunities + (opportunities == 0 ? 0 : 5); i++) {
            Opportunity deal = deals.save(anOpportunity(tenant, customer, pipeline)
                    .amount(null)
                    .lines(List.of(
                            LineItem.of("SKU-1", "1", Money.of("10.00", "EUR")),
                            LineItem.of("SKU-2", "2.5", Money.of("4.99", "EUR")).discounted("0.1"),
                            LineItem.of("SKU-3", "3", Money.of("0.01", "EUR"))))
                    .build());
            deal = deals.save(deal.movedTo(pipeline.stages().get(1), T0.plusSeconds(i), Fixtures.ANNA));
            if (i >= opportunities) {
                deals.save(deal.closed(OpportunityStatus.WON, "price", T0.plusSeconds(i), Fixtures.ANNA));
            }
        }
        List<Order> bought = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            Order one = anOrder(tenant, customer, T0.plusSeconds(i), "SKU-" + i);
            bought.add(Order.of(
                    one.id(),
                    tenant,
                    customer,
                    one.orderedAt(),
                    List.of(one.lines().get(0), LineItem.of("SKU-X", "1", Money.of("1.00", "EUR"))),
                    null,
                    Channel.WEB_FORM,
                    null,
                    "shop-" + UUID.randomUUID(),
                    one.audit()));
        }
        store.orders(tenant).appendAll(bought);
        return customer;
    }

    @Test
    void tasks_loadTheirRemindersInOneStatement() {
        InstrumentedDataSource counting = new InstrumentedDataSource(database().dataSource());
        TaskRepository tasks =
                JdbcCrmStore.builder(counting).dialect(store.dialect()).build().tasks(tenant);
        for (int i = 0; i < 30; i++) {
            store.tasks(tenant)
                    .save(aTask(tenant, T0)
                            .reminders(List.of(
                                    Reminder.before(T0, Duration.ofMinutes(i + 1)), Reminder.before(T0, Duration.ZERO)))
                            .build());
        }

        counting.reset();
        assertThat(tasks.openAssignedTo(StaffId.of("anna"), PageRequest.first(25))
                        .items())
                .hasSize(25);
        assertThat(counting.executed()).as("the tasks, then their reminders").hasSize(2);
        counting.reset();
        assertThat(tasks.withRemindersDue(T0.minus(Duration.ofHours(1)), T0, 100))
                .hasSize(30);
        assertThat(counting.executed())
                .as("the ids, the tasks, their reminders")
                .hasSize(3);
    }

    @Test
    void save_finerThanMicroseconds_isCutToTheMicrosecond_andReadBackAsReturned() {
        Instant precise = T0.plusNanos(789);
        Request request = aRequest(tenant, new CustomerId(UUID.randomUUID()), precise)
                .status(RequestStatus.ANSWERED)
                .firstRespondedAt(precise.plusNanos(5))
                .build();
        Task task = aTask(tenant, precise)
                .reminders(List.of(new Reminder(Duration.ofNanos(1_999), precise.minusNanos(1_999), false)))
                .completedAt(precise.plusNanos(1))
                .status(TaskStatus.DONE)
                .build();

        Request storedRequest = store.requests(tenant).save(request);
        Task storedTask = store.tasks(tenant).save(task);

        assertThat(storedRequest.openedAt()).isEqualTo(T0);
        assertThat(storedRequest.firstRespondedAt()).contains(T0);
        assertThat(store.requests(tenant).findById(request.id())).contains(storedRequest);
        assertThat(storedTask.due()).isEqualTo(T0);
        assertThat(storedTask.reminders())
                .containsExactly(new Reminder(Duration.ofNanos(1_000), T0.minusNanos(1_000), false));
        assertThat(store.tasks(tenant).findById(task.id())).contains(storedTask);
    }

    @Test
    void queryBoundsBeyondTheInstantsADatabaseHolds_selectAllOrNothing() {
        RequestRepository requests = store.requests(tenant);
        TaskRepository tasks = store.tasks(tenant);
        Request overdue = requests.save(
                aRequest(tenant, new CustomerId(UUID.randomUUID()), T0).build());
        Task reminded = tasks.save(aTask(tenant, T0)
                .reminders(List.of(Reminder.before(T0, Duration.ofMinutes(5))))
                .build());

        assertThat(requests.overdue(Instant.MAX, PageRequest.first(10)).items()).containsExactly(overdue);
        assertThat(requests.overdue(Instant.MIN, PageRequest.first(10)).items()).isEmpty();
        assertThat(tasks.withRemindersDue(Instant.MIN, Instant.MAX, 10)).containsExactly(reminded);
        assertThat(tasks.withRemindersDue(Instant.MIN, T0, 10)).containsExactly(reminded);
        assertThat(tasks.withRemindersDue(T0.minusSeconds(300), Instant.MAX, 10))
                .containsExactly(reminded);
        assertThat(tasks.withRemindersDue(Instant.MAX, Instant.MIN, 10)).isEmpty();
        assertThat(tasks.withRemindersDue(Instant.MIN, Instant.MIN.plusSeconds(1), 10))
                .isEmpty();
        assertThat(tasks.withRemindersDue(Instant.MAX.minusSeconds(1), Instant.MAX, 10))
                .isEmpty();
        assertThat(tasks.withRemindersDue(
                        T0.minusSeconds(300).minusNanos(1), T0.minusSeconds(300).plusNanos(1), 10))
                .as("a window of two nanoseconds around the reminder")
                .containsExactly(reminded);
    }

    @Test
    void aTaskDoneLater_hasNoRemindersDue() {
        TaskRepository tasks = store.tasks(tenant);
        Task open = tasks.save(aTask(tenant, T0)
                .reminders(List.of(Reminder.before(T0, Duration.ofMinutes(5))))
                .build());
        Instant from = T0.minus(Duration.ofHours(1));

        Task done = tasks.save(open.movedTo(TaskStatus.DONE, T0, Fixtures.ANNA));
        assertThat(tasks.withRemindersDue(from, T0, 10)).isEmpty();
        tasks.save(done.movedTo(TaskStatus.OPEN, T0, Fixtures.ANNA));
        assertThat(tasks.withRemindersDue(from, T0, 10)).extracting(Task::id).containsExactly(open.id());
    }

    @Test
    void refusedSavesInsideAUnitOfWork_leaveItUsable() {
        RequestRepository requests = store.requests(tenant);
        TaskRepository tasks = store.tasks(tenant);
        RotationRepository rotations = store.rotations(tenant);
        InteractionId call = new InteractionId(UUID.randomUUID());
        Request opened = requests.save(aRequest(tenant, new CustomerId(UUID.randomUUID()), T0)
                .openedBy(call)
                .build());
        Request other = requests.save(
                aRequest(tenant, new CustomerId(UUID.randomUUID()), T0).build());
        Task cadence = tasks.save(aTask(tenant, T0).origin("cadence:1").build());
        Task plain = tasks.save(aTask(tenant, T0).build());
        Rotation turn = rotations.save(new Rotation(TeamId.of("support"), StaffId.of("anna"), 0));
        Request after = aRequest(tenant, new CustomerId(UUID.randomUUID()), T0).build();

        store.inTransaction(() -> {
            assertThatThrownBy(() -> requests.save(opened.toBuilder().version(0).build()))
                    .isInstanceOf(ConcurrentUpdateException.class);
            assertThatThrownBy(() -> requests.save(aRequest(tenant, new CustomerId(UUID.randomUUID()), T0)
                            .openedBy(call)
                            .build()))
                    .isInstanceOf(ConcurrentUpdateException.class);
            assertThatThrownBy(
                            () -> requests.save(other.toBuilder().openedBy(call).build()))
                    .isInstanceOf(ConcurrentUpdateException.class);
            assertThatThrownBy(() ->
                            tasks.save(aTask(tenant, T0).origin("cadence:1").build()))
                    .isInstanceOf(ConcurrentUpdateException.class);
            assertThatThrownBy(() ->
                            tasks.save(plain.toBuilder().origin("cadence:1").build()))
                    .isInstanceOf(ConcurrentUpdateException.class);
            assertThatThrownBy(() -> rotations.save(new Rotation(TeamId.of("support"), StaffId.of("bảo"), 0)))
                    .isInstanceOf(ConcurrentUpdateException.class);
            assertThatThrownBy(() -> rotations.save(new Rotation(TeamId.of("support"), StaffId.of("bảo"), 5)))
                    .isInstanceOf(ConcurrentUpdateException.class);
            requests.save(after);
            return null;
        });

        assertThat(requests.findById(after.id())).isPresent();
        assertThat(requests.findById(other.id())).contains(other);
        assertThat(requests.findByOpeningInteraction(call)).contains(opened);
        assertThat(tasks.findById(plain.id())).contains(plain);
        assertThat(tasks.findByOrigin("cadence:1")).contains(cadence);
        assertThat(rotations.find(TeamId.of("support"))).contains(turn);
    }

    @Test
    void lastContacts_readsOneStatementPerChunk_andAgreesWithTheTimeline() {
        InstrumentedDataSource counting = new InstrumentedDataSource(database().dataSource());
        InteractionRepository interactions =
                JdbcCrmStore.builder(counting).dialect(store.dialect()).build().interactions(tenant);
        List<CustomerId> asked = new ArrayList<>();
        List<Interaction> recorded = new ArrayList<>();
        int contacted = 0;
        for (int i = 0; i < Sql.MAX_IN + 100; i++) {
            CustomerId customer = new CustomerId(UUID.randomUUID());
            asked.add(customer);
            if (i % 50 == 0) {
                contacted++;
                for (int k = 0; k < 3; k++) {
                    recorded.add(anInteraction(customer)
                            .in(tenant)
                            .at(T0.plusSeconds(i + k))
                            .build());
                }
            }
        }
        // corrected: the correction of a customer's latest contact took place earlier
        Interaction latest = recorded.get(2);
        recorded.add(anInteraction(latest.participants().get(0).customer())
                .in(tenant)
                .at(T0.minusSeconds(60))
                .superseding(latest.id())
                .build());
        store.interactions(tenant).appendAll(recorded);
        TenantId other = Fixtures.newTenant();
        store.interactions(other).append(anInteraction(asked.get(1)).in(other).build());
        Map<CustomerId, Instant> expected = new HashMap<>();
        for (Interaction i : recorded) {
            CustomerId customer = i.participants().get(0).customer();
            store.interactions(tenant).timeline(customer, TimelineQuery.all(), PageRequest.first(1)).items().stream()
                    .findFirst()
                    .ifPresent(newest -> expected.put(customer, newest.occurredAt()));
        }

        counting.reset();
        Map<CustomerId, Instant> last = interactions.lastContacts(asked);

        assertThat(last).isEqualTo(expected).hasSize(contacted);
        assertThat(last.get(asked.get(0))).isEqualTo(T0.plusSeconds(1));
        assertThat(counting.executed())
                .as("one statement per %d customers", Sql.MAX_IN)
                .hasSize(2);
        assertThat(interactions.lastContacts(List.of())).isEmpty();
    }
}
