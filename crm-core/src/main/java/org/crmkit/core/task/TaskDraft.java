package org.crmkit.core.task;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.common.Priority;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.service.RequestId;

/**
 * What a host knows about a new task; {@link TaskService#create} validates it. A mutable builder, not
 * thread-safe:
 *
 * <pre>{@code
 * tasks.create(TaskDraft.of(TaskKind.CALL_BACK, "Call back about the invoice", due, StaffId.of("anna"))
 *         .customer(customerId).priority(Priority.HIGH).remindBefore(Duration.ofMinutes(15)));
 * }</pre>
 */
public final class TaskDraft {
    final TaskKind kind;
    final String title;
    final Instant due;
    final StaffId assignee;
    String notes;
    Priority priority = Priority.NORMAL;
    CustomerId customer;
    UUID opportunity;
    RequestId request;
    final List<Duration> reminders = new ArrayList<>();

    private TaskDraft(TaskKind kind, String title, Instant due, StaffId assignee) {
        this.kind = kind;
        this.title = title;
        this.due = due;
        this.assignee = assignee;
    }

    /** A task of {@code kind} for {@code assignee}, due at {@code due}. */
    public static TaskDraft of(TaskKind kind, String title, Instant due, StaffId assignee) {
        return new TaskDraft(kind, title, due, assignee);
    }

    /** Longer notes. */
    public TaskDraft notes(String notes) {
        this.notes = notes;
        return this;
    }

    /** How urgent it is; normal unless said. */
    public TaskDraft priority(Priority priority) {
        this.priority = priority;
        return this;
    }

    /** The customer it is for, who must be a customer of the tenant. */
    public TaskDraft customer(CustomerId customer) {
        this.customer = customer;
        return this;
    }

    /** The id of the sales opportunity it belongs to. */
    public TaskDraft opportunity(UUID opportunity) {
        this.opportunity = opportunity;
        return this;
    }

    /** The request it belongs to, which must be a request of the tenant. */
    public TaskDraft request(RequestId request) {
        this.request = request;
        return this;
    }

    /** Adds a reminder {@code beforeDue} before the due time ({@link Duration#ZERO} for at the due time). */
    public TaskDraft remindBefore(Duration beforeDue) {
        reminders.add(beforeDue);
        return this;
    }
}
