package org.crmkit.core.task;

import java.time.Duration;
import java.time.Instant;
import org.crmkit.core.common.ValidationException;

/**
 * A reminder of a task: how long before the task is due it fires, when that is, and whether it was
 * delivered to the host's scheduler.
 *
 * @param beforeDue how long before the due time it fires, not negative
 * @param remindAt when it fires: the due time less {@code beforeDue}
 * @param delivered whether {@code dueReminders} handed it out already
 */
public record Reminder(Duration beforeDue, Instant remindAt, boolean delivered) {
    /** The furthest ahead of its task a reminder may fire. */
    public static final Duration MAX_BEFORE_DUE = Duration.ofDays(3650);

    /** Validates the reminder. */
    public Reminder {
        ValidationException.requireNonNull(beforeDue, "reminder.beforeDue");
        ValidationException.requireNonNull(remindAt, "reminder.remindAt");
        if (beforeDue.isNegative() || beforeDue.compareTo(MAX_BEFORE_DUE) > 0) {
            throw new ValidationException(
                    "reminder.beforeDue",
                    "must be between 0 and " + MAX_BEFORE_DUE.toDays() + " days, was " + beforeDue);
        }
    }

    /** The undelivered reminder {@code beforeDue} before {@code due}. */
    public static Reminder before(Instant due, Duration beforeDue) {
        ValidationException.requireNonNull(beforeDue, "reminder.beforeDue");
        if (beforeDue.compareTo(MAX_BEFORE_DUE) > 0) {
            throw new ValidationException(
                    "reminder.beforeDue", "must be at most " + MAX_BEFORE_DUE.toDays() + " days, was " + beforeDue);
        }
        return new Reminder(beforeDue, due.minus(beforeDue), false);
    }

    /** This reminder, delivered. */
    public Reminder markedDelivered() {
        return new Reminder(beforeDue, remindAt, true);
    }
}
