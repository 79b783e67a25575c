package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmkit.testkit.fixtures.WorkFixtures.aTask;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.ConcurrentUpdateException;
import org.crmkit.core.common.NotFoundException;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.Priority;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.spi.CrmStore;
import org.crmkit.core.task.Reminder;
import org.crmkit.core.task.Task;
import org.crmkit.core.task.TaskKind;
import org.crmkit.core.task.TaskRepository;
import org.crmkit.core.task.TaskStatus;
import org.crmkit.testkit.fixtures.CustomerFixtures;
import org.crmkit.testkit.fixtures.TestTenants;
import org.crmkit.testkit.fixtures.WorkFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link TaskRepository} must have: a saved task reads back equal in every part
 * (reminders in order, instants and offsets to the microsecond), by id and by origin (compared
 * exactly); saves are optimistic (a stale version, a taken id or a taken origin fail with {@link
 * ConcurrentUpdateException} and write nothing); reminders due in a half-open window are found on
 * open tasks only; a customer's and an assignee's open tasks come in the port's order; nothing of
 * one tenant is visible through another; and a unit of work that rolls back leaves nothing behind.
 *
 * <p>A store runs it by extending it and supplying the store, as for {@link
 * InteractionRepositoryContract}. {@link #newStore()} is called once before each test; every test
 * works in random tenants of its own.
 */
public abstract class TaskRepositoryContract {
    private static final Instant DUE = Instant.parse("2024-06-07T14:00:00.654321Z");
    private static final StaffId BAO = StaffId.of("bảo");

    private CrmStore store;
    private TenantId tenant;
    private TaskRepository tasks;

    /** Creates the contract; subclasses supply the store. */
    protected TaskRepositoryContract() {}

    /**
     * Returns the store under test, called once before each test. It may be new and empty or one
     * already used, as long as it holds no data of the random tenants the tests make.
     */
    protected abstract CrmStore newStore();

    @BeforeEach
    void setUpStore() {
        store = newStore();
        tenant = TestTenants.random("t");
        tasks = store.tasks(tenant);
    }

    @Test
    void save_new_readsBackEqualInEveryPart() {
        Task task = aTask(tenant, DUE)
                .kind(TaskKind.SEND_OFFER)
                .notes("Gửi báo giá\nbản cuối")
                .priority(Priority.HIGH)
                .customer(CustomerFixtures.nextCustomerId())
                .opportunity(UUID.fromString("0190a5c4-2222-7000-8000-000000000002"))
                .request(WorkFixtures.nextRequestId())
                .reminders(List.of(
                        Reminder.before(DUE, Duration.ofMinutes(15)),
                        new Reminder(
                                Duration.ofDays(1).plusNanos(3000),
                                DUE.minus(Duration.ofDays(1).plusNanos(3000)),
                                true),
                        Reminder.before(DUE, Duration.ZERO)))
                .origin("cadence:dormant:Ω")
                .build();

        Task stored = tasks.save(task);

        assertThat(stored).isEqualTo(task.withVersion(1));
        assertThat(stored.reminders())
                .extracting(Reminder::beforeDue)
                .containsExactly(Duration.ofDays(1).plusNanos(3000), Duration.ofMinutes(15), Duration.ZERO);
        assertThat(tasks.findById(task.id())).contains(stored);
        assertThat(tasks.findByOrigin("cadence:dormant:Ω")).contains(stored);
    }

    @Test
    void save_doneTask_keepsItsCompletion() {
        Task done = aTask(tenant, DUE)
                .status(TaskStatus.DONE)
                .completedAt(DUE.minusSeconds(5))
                .build();

        assertThat(tasks.findById(tasks.save(done).id())).contains(done.withVersion(1));
    }

    @Test
    void save_update_replacesTheReminders_andAStaleVersionFails() {
        Task v1 = tasks.save(aTask(tenant, DUE)
                .reminders(
                        List.of(Reminder.before(DUE, Duration.ofHours(1)), Reminder.before(DUE, Duration.ofMinutes(5))))
                .build());
        Task v2 = tasks.save(v1.rescheduled(DUE.plus(Duration.ofDays(1)), DUE, Actor.user("x")).toBuilder()
                .reminders(List.of(Reminder.before(DUE.plus(Duration.ofDays(1)), Duration.ofMinutes(30))))
                .build());

        assertThat(v2.version()).isEqualTo(2);
        assertThat(tasks.findById(v1.id())).contains(v2);
        assertThatThrownBy(() -> tasks.save(v1.reassigned(BAO, DUE, Actor.user("y"))))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThat(tasks.findById(v1.id())).contains(v2);
    }

    @Test
    void save_takenId_orTakenOrigin_fails() {
        Task first = tasks.save(aTask(tenant, DUE).origin("cadence:a:1").build());
        Task sameId = first.toBuilder().version(0).origin(null).build();
        Task sameOrigin = aTask(tenant, DUE).origin("cadence:a:1").build();

        assertThatThrownBy(() -> tasks.save(sameId)).isInstanceOf(ConcurrentUpdateException.class);
        assertThatThrownBy(() -> tasks.save(sameOrigin)).isInstanceOf(ConcurrentUpdateException.class);
        assertThat(tasks.findById(sameOrigin.id())).isEmpty();
        assertThat(tasks.findById(first.id())).contains(first);
    }

    @Test
    void origins_compareExactly() {
        tasks.save(aTask(tenant, DUE).origin("cadence:Dormant:é").build());
        tasks.save(aTask(tenant, DUE).origin("cadence:dormant:é").build()); // differs in case: another origin

        assertThat(tasks.findByOrigin("cadence:DORMANT:é")).isEmpty();
        assertThat(tasks.findByOrigin("cadence:Dormant:e\u0301")).isEmpty();
        assertThat(tasks.findByOrigin("cadence:Dormant:%")).isEmpty();
        assertThat(tasks.existingOrigins(
                        List.of("cadence:Dormant:é", "cadence:dormant:é", "cadence:x", "cadence:Dormant:_")))
                .containsExactlyInAnyOrder("cadence:Dormant:é", "cadence:dormant:é");
    }

    @Test
    void save_missingTaskAboveVersionZero_isNotFound_andAForeignTaskIsRefused() {
        Task ghost = aTask(tenant, DUE).version(2).build();
        Task foreign = aTask(TestTenants.random("other"), DUE).build();

        assertThatThrownBy(() -> tasks.save(ghost)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> tasks.save(foreign)).isInstanceOf(ValidationException.class);
        assertThat(tasks.findById(ghost.id())).isEmpty();
        assertThat(tasks.findById(foreign.id())).isEmpty();
    }

    @Test
    void withRemindersDue_findsOpenTasksWithAnUndeliveredReminderInTheHalfOpenWindow() {
        Instant from = DUE.minus(Duration.ofHours(1));
        Instant to = DUE;
        Task atStart = tasks.save(aTask(tenant, DUE)
                .reminders(List.of(Reminder.before(DUE, Duration.ofHours(1))))
                .build());
        Task inside = tasks.save(aTask(tenant, DUE)
                .reminders(
                        List.of(Reminder.before(DUE, Duration.ofDays(1)), Reminder.before(DUE, Duration.ofMinutes(10))))
                .build());
        tasks.save(aTask(tenant, DUE)
                .reminders(List.of(Reminder.before(DUE, Duration.ZERO)))
                .build()); // at the end: out
        tasks.save(aTask(tenant, DUE)
                .reminders(List.of(Reminder.before(DUE, Duration.ofMinutes(10)).markedDelivered()))
                .build());
        tasks.save(aTask(tenant, DUE)
                .status(TaskStatus.DONE)
                .completedAt(from)
                .reminders(List.of(Reminder.before(DUE, Duration.ofMinutes(10))))
                .build());
        tasks.save(aTask(tenant, DUE).build());

        assertThat(tasks.withRemindersDue(from, to, 10))
                .containsExactlyElementsOf(sortedById(List.of(atStart, inside)));
        assertThat(tasks.withRemindersDue(from, to, 1))
                .containsExactly(sortedById(List.of(atStart, inside)).get(0));
        assertThat(store.tasks(TestTenants.random("other")).withRemindersDue(from, to, 10))
                .isEmpty();
    }

    @Test
    void openForCustomer_holdsTheCustomersOpenTasks_earliestDueFirst() {
        CustomerId customer = CustomerFixtures.nextCustomerId();
        Task later =
                tasks.save(aTask(tenant, DUE.plusSeconds(60)).customer(customer).build());
        Task tieA = tasks.save(aTask(tenant, DUE).customer(customer).build());
        Task tieB = tasks.save(aTask(tenant, DUE).customer(customer).build());
        tasks.save(aTask(tenant, DUE.minusSeconds(60))
                .customer(customer)
                .status(TaskStatus.CANCELLED)
                .completedAt(DUE)
                .build());
        tasks.save(
                aTask(tenant, DUE).customer(CustomerFixtures.nextCustomerId()).build());

        assertThat(tasks.openForCustomer(customer, 10)).containsExactly(tieA, tieB, later);
        assertThat(tasks.openForCustomer(customer, 1)).containsExactly(tieA);
        assertThat(store.tasks(TestTenants.random("other")).openForCustomer(customer, 10))
                .isEmpty();
    }

    @Test
    void openAssignedTo_holdsTheAssigneesOpenTasks_oldestFirst_onKeysetPages() {
        List<Task> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            expected.add(tasks.save(aTask(tenant, DUE.minusSeconds(i)).build()));
        }
        tasks.save(aTask(tenant, DUE).status(TaskStatus.DONE).completedAt(DUE).build());
        tasks.save(aTask(tenant, DUE).build().reassigned(BAO, DUE, Actor.user("x")));

        List<Task> seen = new ArrayList<>();
        Page<Task> page = tasks.openAssignedTo(StaffId.of("anna"), PageRequest.first(2));
        seen.addAll(page.items());
        while (page.next().isPresent()) {
            page = tasks.openAssignedTo(
                    StaffId.of("anna"), PageRequest.after(page.next().get(), 2));
            seen.addAll(page.items());
        }

        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(store.tasks(TestTenants.random("other"))
                        .openAssignedTo(StaffId.of("anna"), PageRequest.first(9))
                        .items())
                .isEmpty();
    }

    @Test
    void aUnitOfWorkThatFails_leavesNoTaskBehind() {
        Task task = aTask(tenant, DUE)
                .reminders(List.of(Reminder.before(DUE, Duration.ofMinutes(1))))
                .build();

        assertThatThrownBy(() -> store.inTransaction(() -> {
                    tasks.save(task);
                    throw new IllegalStateException("boom");
                }))
                .hasMessage("boom");
        assertThat(tasks.findById(task.id())).isEmpty();
        assertThat(tasks.withRemindersDue(DUE.minus(Duration.ofDays(1)), DUE, 10))
                .isEmpty();
    }

    private static List<Task> sortedById(List<Task> tasks) {
        List<Task> sorted = new ArrayList<>(tasks);
        sorted.sort(java.util.Comparator.comparing(t -> t.id().value(), org.crmkit.core.common.Ids.ORDER));
        return sorted;
    }
}
