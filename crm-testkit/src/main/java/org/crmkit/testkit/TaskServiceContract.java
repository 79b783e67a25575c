package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmkit.testkit.fixtures.CustomerFixtures.aPerson;
import static org.crmkit.testkit.fixtures.InteractionFixtures.anInteraction;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.crmkit.core.Crm;
import org.crmkit.core.CrmScope;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.Priority;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerQuery;
import org.crmkit.core.customer.LifecycleStage;
import org.crmkit.core.customer.Tag;
import org.crmkit.core.spi.CrmStore;
import org.crmkit.core.task.CadenceReport;
import org.crmkit.core.task.ContactCadence;
import org.crmkit.core.task.DueReminder;
import org.crmkit.core.task.FollowUp;
import org.crmkit.core.task.Task;
import org.crmkit.core.task.TaskDraft;
import org.crmkit.core.task.TaskEvent;
import org.crmkit.core.task.TaskKind;
import org.crmkit.core.task.TaskService;
import org.crmkit.core.task.TaskStatus;
import org.crmkit.testkit.fixtures.Concurrently;
import org.crmkit.testkit.fixtures.CustomerFixtures;
import org.crmkit.testkit.fixtures.RecordingListener;
import org.crmkit.testkit.fixtures.SteppingClock;
import org.crmkit.testkit.fixtures.TestTenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour of {@link TaskService} on a store, through the {@link Crm} facade: a task stores what
 * its draft says and a bad draft is refused with the field at fault; statuses move along legal
 * transitions only; {@code dueReminders} hands out each reminder of an open task once, however often
 * and however concurrently it is polled, and again after the task is rescheduled; and a contact
 * cadence creates one follow-up per lapsed customer and lapse, assigned to the owner or the
 * fallback, however often and however concurrently it runs. Everything persists: a second {@code
 * Crm} on the same store reads it.
 *
 * <p>A store runs it by extending it and supplying the store, as for {@link
 * InteractionServiceContract}. The {@code Crm} runs on a {@link SteppingClock}, and every test works
 * in a random tenant of its own.
 */
public abstract class TaskServiceContract {
    private static final Actor ANNA = Actor.user("anna");
    private static final StaffId AN = StaffId.of("an");
    private static final StaffId DESK = StaffId.of("desk");

    private CrmStore store;
    private SteppingClock clock;
    private RecordingListener events;
    private TenantId tenant;
    private CrmScope scope;

    /** Creates the contract; subclasses supply the store. */
    protected TaskServiceContract() {}

    /**
     * Returns the store under test, called once before each test. It may be new and empty or one
     * already used, as long as it holds no data of the random tenants the tests make.
     */
    protected abstract CrmStore newStore();

    @BeforeEach
    void setUpCrm() {
        store = newStore();
        clock = SteppingClock.create();
        events = new RecordingListener();
        tenant = TestTenants.random("k");
        scope = newScope();
    }

    // ---- tasks -------------------------------------------------------------------------------

    @Test
    void create_storesWhatTheDraftSays() {
        CustomerId customer = customer();
        Instant due = clock.peek().plus(Duration.ofDays(2));
        var request = scope.requests().open(org.crmkit.core.service.RequestDraft.of(customer, "Báo giá"));

        Task task = scope.tasks()
                .create(TaskDraft.of(TaskKind.SEND_OFFER, "Gửi báo giá", due, AN)
                        .notes("Giá sỉ")
                        .priority(Priority.HIGH)
                        .customer(customer)
                        .request(request.id())
                        .remindBefore(Duration.ofHours(1))
                        .remindBefore(Duration.ZERO));

        assertThat(task.version()).isEqualTo(1);
        assertThat(task.status()).isEqualTo(TaskStatus.OPEN);
        assertThat(task.reminders()).extracting(r -> r.remindAt()).containsExactly(due.minus(Duration.ofHours(1)), due);
        assertThat(reread().get(task.id())).isEqualTo(task);
        assertThat(reread().openForCustomer(customer, 10)).containsExactly(task);
        assertThat(reread().openAssignedTo(AN, PageRequest.first(10)).items()).containsExactly(task);
        assertThat(events.events(TaskEvent.TaskCreated.class))
                .singleElement()
                .satisfies(e -> assertThat(e.task()).isEqualTo(task));
    }

    @Test
    void create_refusesABadDraft_andRecordsNothing() {
        Instant due = clock.peek();
        TaskService tasks = scope.tasks();

        assertField(() -> tasks.create(TaskDraft.of(TaskKind.VISIT, " ", due, AN)), "task.title");
        assertField(() -> tasks.create(TaskDraft.of(TaskKind.VISIT, "x", null, AN)), "task.due");
        assertField(() -> tasks.create(TaskDraft.of(TaskKind.VISIT, "x", due, null)), "task.assignee");
        assertField(
                () -> tasks.create(
                        TaskDraft.of(TaskKind.VISIT, "x", due, AN).customer(CustomerFixtures.nextCustomerId())),
                "task.customer");
        assertField(
                () -> tasks.create(TaskDraft.of(TaskKind.VISIT, "x", due, AN).remindBefore(Duration.ofMinutes(-1))),
                "task.reminders[0]");
        assertField(
                () -> tasks.create(TaskDraft.of(TaskKind.VISIT, "x", due, AN)
                        .remindBefore(Duration.ofMinutes(5))
                        .remindBefore(Duration.ofMinutes(5))),
                "task.reminders[1]");
        assertThat(reread().openAssignedTo(AN, PageRequest.first(10)).items()).isEmpty();
        assertThat(events.events(TaskEvent.class)).isEmpty();
    }

    @Test
    void statuses_moveAlongLegalTransitionsOnly() {
        TaskService tasks = scope.tasks();
        Task task = tasks.create(TaskDraft.of(TaskKind.CALL_BACK, "Gọi lại", clock.peek(), AN));

        Task done = tasks.complete(task.id());
        assertThatThrownBy(() -> tasks.complete(task.id())).isInstanceOf(IllegalTransitionException.class);
        Task reopened = tasks.reopen(task.id());
        Task cancelled = tasks.cancel(task.id());

        assertThat(done.completedAt()).isPresent();
        assertThat(reopened.completedAt()).isEmpty();
        assertThat(cancelled.status()).isEqualTo(TaskStatus.CANCELLED);
        assertThat(reread().get(task.id())).isEqualTo(cancelled);
        assertThat(reread().openAssignedTo(AN, PageRequest.first(10)).items()).isEmpty();
    }

    // ---- reminders ---------------------------------------------------------------------------

    @Test
    void dueReminders_handsOutEachReminderOnce_andAgainAfterARescheduling() {
        Instant due = clock.peek().plus(Duration.ofHours(3));
        TaskService tasks = scope.tasks();
        Task task = tasks.create(TaskDraft.of(TaskKind.CALL_BACK, "Gọi lại", due, AN)
                .remindBefore(Duration.ofHours(2))
                .remindBefore(Duration.ofMinutes(10)));
        Task done = tasks.complete(
                tasks.create(TaskDraft.of(TaskKind.VISIT, "Đã xong", due, AN).remindBefore(Duration.ofHours(2)))
                        .id());
        Instant from = due.minus(Duration.ofDays(1));

        List<DueReminder> first = tasks.dueReminders(from, due.minus(Duration.ofHours(1)));
        List<DueReminder> again = reread().dueReminders(from, due.minus(Duration.ofHours(1)));
        List<DueReminder> rest = tasks.dueReminders(from, due.plusSeconds(1));

        assertThat(first).singleElement().satisfies(r -> {
            assertThat(r.task().id()).isEqualTo(task.id());
            assertThat(r.reminder().beforeDue()).isEqualTo(Duration.ofHours(2));
            assertThat(r.reminder().delivered()).isTrue();
        });
        assertThat(again).isEmpty();
        assertThat(rest)
                .singleElement()
                .satisfies(r -> assertThat(r.reminder().beforeDue()).isEqualTo(Duration.ofMinutes(10)));
        assertThat(reread().get(task.id()).reminders())
                .allSatisfy(r -> assertThat(r.delivered()).isTrue());
        assertThat(done.status()).isEqualTo(TaskStatus.DONE);

        Instant later = due.plus(Duration.ofDays(1));
        tasks.reschedule(task.id(), later);
        assertThat(tasks.dueReminders(due, later.plusSeconds(1)))
                .extracting(r -> r.reminder().remindAt())
                .containsExactly(later.minus(Duration.ofHours(2)), later.minus(Duration.ofMinutes(10)));
    }

    @Test
    void dueReminders_pollsOnFourHostsAtOnce_deliverEachReminderOnce() throws Exception {
        Instant due = clock.peek().plus(Duration.ofHours(1));
        TaskService tasks = scope.tasks();
        List<Task> created = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            created.add(tasks.create(TaskDraft.of(TaskKind.CALL_BACK, "Gọi lại " + i, due, AN)
                    .remindBefore(Duration.ofMinutes(30))
                    .remindBefore(Duration.ofMinutes(5))));
        }

        List<List<DueReminder>> polls =
                Concurrently.run(4, i -> newScope().tasks().dueReminders(due.minus(Duration.ofHours(1)), due));

        List<String> delivered = polls.stream()
                .flatMap(List::stream)
                .map(r -> r.task().id() + "/" + r.reminder().beforeDue())
                .toList();
        assertThat(delivered).hasSize(80).doesNotHaveDuplicates();
        assertThat(new HashSet<>(polls.stream()
                        .flatMap(List::stream)
                        .map(r -> r.task().id())
                        .toList()))
                .containsExactlyInAnyOrderElementsOf(
                        created.stream().map(Task::id).toList());
    }

    @Test
    void dueReminders_refusesAnEmptyWindow() {
        Instant at = clock.peek();

        assertField(() -> scope.tasks().dueReminders(at, at), "to");
    }

    // ---- contact cadence ---------------------------------------------------------------------

    @Test
    void cadence_createsOneFollowUpPerLapse_forTheOwnerOrTheFallback() {
        CustomerId lapsed = vip(aPerson().ownedBy("owner-1"));
        CustomerId recent = vip(aPerson());
        CustomerId contactedLongAgo = vip(aPerson());
        CustomerId notVip = scope.customers()
                .create(aPerson().inStage(LifecycleStage.CUSTOMER).draft())
                .id();
        contact(contactedLongAgo, clock.peek().plus(Duration.ofDays(1)));
        clock.advance(Duration.ofDays(100));
        contact(recent, clock.peek().minus(Duration.ofDays(10)));
        ContactCadence cadence = dormantVips();

        CadenceReport first = scope.tasks().runCadence(cadence);
        CadenceReport second = newScope().tasks().runCadence(cadence);

        assertThat(first).isEqualTo(new CadenceReport(3, 2, 2, 0));
        assertThat(second).isEqualTo(new CadenceReport(3, 2, 0, 2));
        assertThat(reread().openForCustomer(lapsed, 10)).singleElement().satisfies(t -> {
            assertThat(t.assignee()).isEqualTo(StaffId.of("owner-1"));
            assertThat(t.kind()).isEqualTo(TaskKind.FOLLOW_UP);
            assertThat(t.reminders()).hasSize(1);
            assertThat(t.origin()).isPresent();
        });
        assertThat(reread().openForCustomer(contactedLongAgo, 10))
                .singleElement()
                .satisfies(t -> assertThat(t.assignee()).isEqualTo(DESK));
        assertThat(reread().openForCustomer(recent, 10)).isEmpty();
        assertThat(reread().openForCustomer(notVip, 10)).isEmpty();

        // contact, then a new lapse: a new follow-up, and still none twice for the old lapse
        contact(lapsed, clock.peek());
        clock.advance(Duration.ofDays(100));
        CadenceReport third = scope.tasks().runCadence(cadence);

        assertThat(third).isEqualTo(new CadenceReport(3, 3, 2, 1));
        assertThat(reread().openForCustomer(lapsed, 10)).hasSize(2);
        assertThat(reread().openForCustomer(contactedLongAgo, 10)).hasSize(1);
    }

    @Test
    void cadence_runOnFourHostsAtOnce_createsNoDuplicate() throws Exception {
        List<CustomerId> lapsed = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            lapsed.add(vip(aPerson()));
        }
        clock.advance(Duration.ofDays(100));

        List<CadenceReport> runs = Concurrently.run(4, i -> newScope().tasks().runCadence(dormantVips()));

        assertThat(runs.stream().mapToLong(CadenceReport::tasksCreated).sum()).isEqualTo(30);
        assertThat(lapsed)
                .allSatisfy(c -> assertThat(reread().openForCustomer(c, 10)).hasSize(1));
    }

    @Test
    void cadence_refusesABadRule() {
        FollowUp followUp = FollowUp.of(TaskKind.FOLLOW_UP, "x", Duration.ZERO, DESK);

        assertField(() -> new ContactCadence("no spaces", CustomerQuery.all(), 90, followUp), "cadence.name");
        assertField(() -> new ContactCadence("ok", CustomerQuery.all(), 0, followUp), "cadence.days");
        assertField(
                () -> new ContactCadence("ok", CustomerQuery.nameStartsWith("an"), 90, followUp), "cadence.audience");
        assertField(() -> new ContactCadence("ok", CustomerQuery.all(), 90, null), "cadence.followUp");
    }

    // ---- helpers -----------------------------------------------------------------------------

    private ContactCadence dormantVips() {
        return new ContactCadence(
                "dormant-vip",
                CustomerQuery.all().withStage(LifecycleStage.CUSTOMER).withTag(Tag.of("vip")),
                90,
                new FollowUp(
                        TaskKind.FOLLOW_UP,
                        "Hỏi thăm khách VIP",
                        Duration.ofDays(3),
                        Priority.HIGH,
                        List.of(Duration.ofHours(1)),
                        DESK));
    }

    private CustomerId vip(org.crmkit.testkit.fixtures.CustomerFixture customer) {
        return scope.customers()
                .create(customer.inStage(LifecycleStage.CUSTOMER)
                        .taggedWith("vip")
                        .draft())
                .id();
    }

    private void contact(CustomerId customer, Instant at) {
        scope.interactions().log(anInteraction(customer).at(at).draft());
    }

    private CrmScope newScope() {
        return Crm.builder()
                .store(store)
                .clock(clock)
                .listener(events)
                .build()
                .forTenant(tenant)
                .as(ANNA);
    }

    private CustomerId customer() {
        return scope.customers().create(aPerson().draft()).id();
    }

    /** The tasks of the test's tenant as a second {@code Crm} on the same store reads them. */
    private TaskService reread() {
        return Crm.builder()
                .store(store)
                .clock(clock)
                .build()
                .forTenant(tenant)
                .as(Actor.user("auditor"))
                .tasks();
    }

    private static void assertField(Runnable call, String field) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
