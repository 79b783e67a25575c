package org.crmkit.core.task;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.customer.CustomerId;

/**
 * The port through which the tasks of <em>one tenant</em> are kept. A store hands one out per tenant
 * ({@code CrmStore.tasks(tenant)}); nothing it returns or changes belongs to another tenant. No
 * argument may be null; nothing returned is null. Stores keep every part of a task exactly,
 * reminders in {@link Task#reminders()} order, instants and durations to at least the microsecond.
 *
 * <p>The {@code crm-testkit} contract {@code TaskRepositoryContract} states the behaviour every
 * implementation must have. Implementations are thread-safe and take part in the store's current
 * unit of work, if any.
 */
public interface TaskRepository {

    /** The task with {@code id}; empty when the tenant has none. */
    Optional<Task> findById(TaskId id);

    /** The task with {@link Task#origin()} {@code origin}, compared exactly; empty when there is none. */
    Optional<Task> findByOrigin(String origin);

    /** Which of {@code origins} a task of the tenant has; stores override it to look them up in few round trips. */
    default Set<String> existingOrigins(Collection<String> origins) {
        Set<String> found = new HashSet<>();
        for (String origin : origins) {
            findByOrigin(origin).ifPresent(t -> found.add(origin));
        }
        return found;
    }

    /**
     * Stores {@code task}: inserts it when its version is 0, otherwise replaces the stored task if
     * that still has the same version.
     *
     * @return the task as stored, with its version one higher
     * @throws org.crmkit.core.common.ConcurrentUpdateException when the stored version differs, when
     *     a task with its id is stored already (version 0), or when another task has its origin;
     *     nothing is written, and a SQL store's unit of work may be unusable after it
     * @throws org.crmkit.core.common.NotFoundException when a version above 0 is given for a task that
     *     is not stored
     * @throws org.crmkit.core.common.ValidationException when the task belongs to another tenant
     */
    Task save(Task task);

    /**
     * The {@linkplain TaskStatus#OPEN open} tasks with an undelivered reminder that fires in [{@code
     * from}, {@code to}), ordered by id, at most {@code limit} (1–1000, else {@link
     * org.crmkit.core.common.ValidationException} naming {@code limit}). A store that reads in several
     * statements may return fewer when tasks change meanwhile; callers poll until it returns none.
     */
    List<Task> withRemindersDue(Instant from, Instant to, int limit);

    /** The open tasks of {@code customer}, earliest due first (then by id), at most {@code limit} (1–1000). */
    List<Task> openForCustomer(CustomerId customer, int limit);

    /**
     * One page of the open tasks assigned to {@code assignee}, ordered by id, that is oldest first
     * (cursors of {@link org.crmkit.core.common.IdCursor}).
     */
    Page<Task> openAssignedTo(StaffId assignee, PageRequest page);
}
