/**
 * Tasks and reminders: the to-dos that keep staff in touch with customers. A {@link
 * org.crmkit.core.task.Task} (call back, send an offer, visit) has a due time, an assignee, a
 * priority, a status and {@link org.crmkit.core.task.Reminder}s at chosen offsets before it is due,
 * and may relate to a customer, an opportunity and a request. {@code dueReminders(from, to)} hands
 * the host's scheduler each reminder once. A {@link org.crmkit.core.task.ContactCadence} ("customers
 * in this audience not contacted for 90 days") produces follow-up tasks, never twice for the same
 * lapse.
 *
 * <p>{@link org.crmkit.core.task.TaskService} is the entry point; {@link
 * org.crmkit.core.task.TaskRepository} is the port a store implements. This package depends on the
 * customer, interaction and service packages.
 */
package org.crmkit.core.task;
