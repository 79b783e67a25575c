package org.crmkit.core.task;

import org.crmkit.core.common.ValidationException;

/**
 * A reminder handed to the host's scheduler, with its task.
 *
 * @param task the task, as stored after the reminder was marked delivered
 * @param reminder the reminder
 */
public record DueReminder(Task task, Reminder reminder) {

    /** Validates the entry. */
    public DueReminder {
        ValidationException.requireNonNull(task, "task");
        ValidationException.requireNonNull(reminder, "reminder");
    }
}
