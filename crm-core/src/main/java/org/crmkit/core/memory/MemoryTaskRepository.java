package org.crmkit.core.memory;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.crmkit.core.common.ConcurrentUpdateException;
import org.crmkit.core.common.IdCursor;
import org.crmkit.core.common.Ids;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.task.Task;
import org.crmkit.core.task.TaskId;
import org.crmkit.core.task.TaskRepository;
import org.crmkit.core.task.TaskStatus;

/** {@link TaskRepository} over one tenant's tasks; queries scan them, as the reference answer. */
final class MemoryTaskRepository implements TaskRepository {
    private static final Comparator<Task> BY_ID = Comparator.comparing(t -> t.id().value(), Ids.ORDER);

    private final MemoryCrmStore store;
    private final TenantId tenant;
    private final VersionedTable<TaskId, Task> table;

    MemoryTaskRepository(MemoryCrmStore store, TenantId tenant, VersionedTable<TaskId, Task> table) {
        this.store = store;
        this.tenant = tenant;
        this.table = table;
    }

    @Override
    public Optional<Task> findById(TaskId id) {
        ValidationException.requireNonNull(id, "taskId");
        return store.read(() -> table.get(id));
    }

    @Override
    public Optional<Task> findByOrigin(String origin) {
        ValidationException.requireNonNull(origin, "origin");
        return store.read(() -> table.all().stream()
                .filter(t -> t.origin().filter(origin::equals).isPresent())
                .findFirst());
    }

    @Override
    public Task save(Task task) {
        ValidationException.requireNonNull(task, "task");
        if (!task.tenant().equals(tenant)) {
            throw new ValidationException("tenant", "task belongs to tenant " + task.tenant() + ", not " + tenant);
        }
        return table.save(store, task.id(), task.version(), task.withVersion(task.version() + 1), current -> {
            if (task.origin().isPresent()) {
                String origin = task.origin().get();
                boolean taken = table.all().stream()
                        .anyMatch(t -> !t.id().equals(task.id())
                                && t.origin().filter(origin::equals).isPresent());
                if (taken) {
                    throw new ConcurrentUpdateException("Task", task.id(), task.version());
                }
            }
        });
    }

    @Override
    public List<Task> withRemindersDue(Instant from, Instant to, int limit) {
        ValidationException.requireNonNull(from, "from");
        ValidationException.requireNonNull(to, "to");
        return store.read(() -> table.all().stream()
                .filter(t -> !t.remindersDue(from, to).isEmpty())
                .sorted(BY_ID)
                .limit(org.crmkit.core.common.PageRequest.requireLimit(limit, "limit"))
                .toList());
    }

    @Override
    public List<Task> openForCustomer(CustomerId customer, int limit) {
        ValidationException.requireNonNull(customer, "customerId");
        return store.read(() -> table.all().stream()
                .filter(t -> t.status() == TaskStatus.OPEN
                        && t.customer().filter(customer::equals).isPresent())
                .sorted(Comparator.comparing(Task::due).thenComparing(BY_ID))
                .limit(org.crmkit.core.common.PageRequest.requireLimit(limit, "limit"))
                .toList());
    }

    @Override
    public Page<Task> openAssignedTo(StaffId assignee, PageRequest page) {
        ValidationException.requireNonNull(assignee, "assignee");
        ValidationException.requireNonNull(page, "page");
        Optional<UUID> after = IdCursor.start(page);
        return store.read(() -> IdCursor.page(
                table.all().stream()
                        .filter(t ->
                                t.status() == TaskStatus.OPEN && t.assignee().equals(assignee))
                        .filter(t -> after.isEmpty() || Ids.ORDER.compare(t.id().value(), after.get()) > 0)
                        .sorted(BY_ID)
                        .limit(page.size() + 1L)
                        .toList(),
                page.size(),
                t -> t.id().value()));
    }
}
