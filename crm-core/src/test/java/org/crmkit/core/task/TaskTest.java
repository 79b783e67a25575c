package org.crmkit.core.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.Audit;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerQuery;
import org.junit.jupiter.api.Test;

class TaskTest {
    private static final Instant DUE = Instant.parse("2026-12-03T15:00:00Z");
    private static final Actor AGENT = Actor.user("agent");

    @Test
    void reminders_areKeptEarliestFirst_andFireInHalfOpenWindows() {
        Task task = task(Reminder.before(DUE, Duration.ZERO), Reminder.before(DUE, Duration.ofHours(1)));

        assertThat(task.reminders())
                .extracting(Reminder::beforeDue)
                .containsExactly(Duration.ofHours(1), Duration.ZERO);
        assertThat(task.remindersDue(DUE.minus(Duration.ofHours(1)), DUE))
                .extracting(Reminder::beforeDue)
                .containsExactly(Duration.ofHours(1));
        Task delivered = task.withRemindersDelivered(DUE.minus(Duration.ofHours(1)), DUE);
        assertThat(delivered.remindersDue(DUE.minus(Duration.ofDays(1)), DUE.plusSeconds(1)))
                .extracting(Reminder::beforeDue)
                .containsExactly(Duration.ZERO);
        assertThat(delivered.movedTo(TaskStatus.DONE, DUE, AGENT).remindersDue(DUE, DUE.plusSeconds(1)))
                .isEmpty();
    }

    @Test
    void rescheduling_movesTheRemindersAndDeliversThemAgain() {
        Task task = task(Reminder.before(DUE, Duration.ofMinutes(10)).markedDelivered());
        Instant later = DUE.plus(Duration.ofDays(1));

        Task moved = task.rescheduled(later, DUE, AGENT);

        assertThat(moved.reminders()).containsExactly(Reminder.before(later, Duration.ofMinutes(10)));
    }

    @Test
    void statuses_openToDoneOrCancelled_andBack() {
        Task done = task().movedTo(TaskStatus.DONE, DUE, AGENT);

        assertThat(done.completedAt()).contains(DUE);
        assertThatThrownBy(() -> done.movedTo(TaskStatus.CANCELLED, DUE, AGENT))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(done.movedTo(TaskStatus.OPEN, DUE, AGENT).completedAt()).isEmpty();
    }

    @Test
    void inconsistentTasks_areRefused_namingTheField() {
        assertField(() -> task(new Reminder(Duration.ofMinutes(5), DUE, false)), "task.reminders[0]");
        assertField(
                () -> task(Reminder.before(DUE, Duration.ofMinutes(5)), Reminder.before(DUE, Duration.ofMinutes(5))),
                "task.reminders[1]");
        assertField(() -> task().toBuilder().status(TaskStatus.DONE).build(), "task.completedAt");
        assertField(() -> task().toBuilder().origin(" ").build(), "task.origin");
        assertField(() -> Reminder.before(DUE, Duration.ofSeconds(-1)), "reminder.beforeDue");
    }

    @Test
    void cadenceOrigins_nameTheRuleTheCustomerAndTheLapse() {
        ContactCadence cadence = new ContactCadence(
                "dormant",
                CustomerQuery.all(),
                90,
                FollowUp.of(TaskKind.FOLLOW_UP, "Call", Duration.ZERO, StaffId.of("desk")));
        CustomerId customer = new CustomerId(UUID.fromString("0190a5c4-0000-7000-8000-000000000003"));

        assertThat(TaskService.origin(cadence, customer, null)).isEqualTo("cadence:dormant:" + customer + ":never");
        assertThat(TaskService.origin(cadence, customer, Instant.parse("2026-01-01T00:00:00.000001Z")))
                .isEqualTo("cadence:dormant:" + customer + ":1767225600000001");
    }

    private static Task task(Reminder... reminders) {
        return Task.builder(
                        new TaskId(UUID.fromString("0190a5c4-0000-7000-8000-000000000004")),
                        TenantId.of("t"),
                        "Call back",
                        DUE,
                        StaffId.of("anna"),
                        Audit.created(DUE.minus(Duration.ofDays(1)), AGENT))
                .reminders(List.of(reminders))
                .build();
    }

    private static void assertField(Runnable call, String field) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
