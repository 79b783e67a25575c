package org.crmkit.core.task;

import java.time.Duration;
import java.util.List;
import org.crmkit.core.common.Priority;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.ValidationException;

/**
 * The task a {@link ContactCadence} creates for each lapsed customer: assigned to the customer's
 * owner, or to {@code fallbackAssignee} for a customer without one.
 *
 * @param kind what to do
 * @param title the task's title
 * @param dueIn how long after the cadence runs the task is due, not negative
 * @param priority how urgent it is
 * @param reminders the reminders' offsets before the due time
 * @param fallbackAssignee who gets the tasks of customers without owner
 */
public record FollowUp(
        TaskKind kind,
        String title,
        Duration dueIn,
        Priority priority,
        List<Duration> reminders,
        StaffId fallbackAssignee) {

    /** Validates the follow-up. */
    public FollowUp {
        ValidationException.requireNonNull(kind, "followUp.kind");
        title = ValidationException.requireText(title, "followUp.title", 300);
        ValidationException.requireNonNull(dueIn, "followUp.dueIn");
        if (dueIn.isNegative()) {
            throw new ValidationException("followUp.dueIn", "must not be negative, was " + dueIn);
        }
        ValidationException.requireNonNull(priority, "followUp.priority");
        ValidationException.requireNonNull(reminders, "followUp.reminders");
        reminders = List.copyOf(reminders);
        ValidationException.requireNonNull(fallbackAssignee, "followUp.fallbackAssignee");
    }

    /** A normal-priority follow-up of {@code kind} due {@code dueIn} after the run, without reminders. */
    public static FollowUp of(TaskKind kind, String title, Duration dueIn, StaffId fallbackAssignee) {
        return new FollowUp(kind, title, dueIn, Priority.NORMAL, List.of(), fallbackAssignee);
    }
}
