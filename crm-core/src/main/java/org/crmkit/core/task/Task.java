package org.crmkit.core.task;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.Audit;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.Priority;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.TimeBounds;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.service.RequestId;

/**
 * A to-do for a staff member: what to do, by when, for which customer, opportunity or request, and
 * when to be reminded. Immutable: every change returns a new instance, and the store checks {@link
 * #version()} when it is saved. Make one with {@link TaskService#create} or, in a store, with {@link
 * #builder}.
 */
public final class Task {
    /** The most reminders a task may have. */
    public static final int MAX_REMINDERS = 10;

    private static final Comparator<Reminder> REMINDER_ORDER =
            Comparator.comparing(Reminder::remindAt).thenComparing(Reminder::beforeDue);

    private final TaskId id;
    private final TenantId tenant;
    private final TaskKind kind;
    private final String title;
    private final String notes;
    private final Instant due;
    private final StaffId assignee;
    private final Priority priority;
    private final TaskStatus status;
    private final CustomerId customer;
    private final UUID opportunity;
    private final RequestId request;
    private final List<Reminder> reminders;
    private final String origin;
    private final Instant completedAt;
    private final Audit audit;
    private final long version;

    private Task(Builder b) {
        this.id = ValidationException.requireNonNull(b.id, "task.id");
        this.tenant = ValidationException.requireNonNull(b.tenant, "task.tenant");
        this.kind = ValidationException.requireNonNull(b.kind, "task.kind");
        this.title = ValidationException.requireText(b.title, "task.title", 300);
        this.notes = b.notes == null ? null : ValidationException.requireText(b.notes, "task.notes", 4000);
        this.due = TimeBounds.require(b.due, "task.due");
        this.assignee = ValidationException.requireNonNull(b.assignee, "task.assignee");
        this.priority = ValidationException.requireNonNull(b.priority, "task.priority");
        this.status = ValidationException.requireNonNull(b.status, "task.status");
        this.customer = b.customer;
        this.opportunity = b.opportunity;
        this.request = b.request;
        this.origin = b.origin == null ? null : ValidationException.requireText(b.origin, "task.origin", 200);
        this.completedAt = TimeBounds.requireIfPresent(b.completedAt, "task.completedAt");
        this.audit = ValidationException.requireNonNull(b.audit, "task.audit");
        this.version = b.version;
        ValidationException.requireNonNull(b.reminders, "task.reminders");
        if (b.reminders.size() > MAX_REMINDERS) {
            throw new ValidationException(
                    "task.reminders", "must be at most " + MAX_REMINDERS + ", were " + b.reminders.size());
        }
        List<Reminder> sorted = new ArrayList<>(b.reminders.size());
        var offsets = new HashSet<Duration>();
        for (int i = 0; i < b.reminders.size(); i++) {
            Reminder reminder = ValidationException.requireNonNull(b.reminders.get(i), "task.reminders[" + i + "]");
            TimeBounds.require(reminder.remindAt(), "task.reminders[" + i + "].remindAt");
            if (!reminder.remindAt().equals(due.minus(reminder.beforeDue()))) {
                throw new ValidationException(
                        "task.reminders[" + i + "]",
                        "fires at " + reminder.remindAt() + ", not " + reminder.beforeDue() + " before " + due);
            }
            if (!offsets.add(reminder.beforeDue())) {
                throw new ValidationException(
                        "task.reminders[" + i + "]", "repeats the offset " + reminder.beforeDue());
            }
            sorted.add(reminder);
        }
        sorted.sort(REMINDER_ORDER);
        this.reminders = List.copyOf(sorted);
        if (version < 0) {
            throw new ValidationException("task.version", "must not be negative, was " + version);
        }
        if ((status == TaskStatus.OPEN) == (completedAt != null)) {
            throw new ValidationException("task.completedAt", "must be set exactly for a done or cancelled task");
        }
    }

    /**
     * Starts a task with what every task has; the rest defaults to an open follow-up of normal
     * priority without relations or reminders, version 0.
     */
    public static Builder builder(
            TaskId id, TenantId tenant, String title, Instant due, StaffId assignee, Audit audit) {
        Builder b = new Builder();
        b.id = id;
        b.tenant = tenant;
        b.title = title;
        b.due = due;
        b.assignee = assignee;
        b.audit = audit;
        return b;
    }

    /** This task as a builder, to change several things at once. */
    public Builder toBuilder() {
        Builder b = builder(id, tenant, title, due, assignee, audit);
        b.kind = kind;
        b.notes = notes;
        b.priority = priority;
        b.status = status;
        b.customer = customer;
        b.opportunity = opportunity;
        b.request = request;
        b.reminders = new ArrayList<>(reminders);
        b.origin = origin;
        b.completedAt = completedAt;
        b.version = version;
        return b;
    }

    /** The task's id. */
    public TaskId id() {
        return id;
    }

    /** The tenant it belongs to. */
    public TenantId tenant() {
        return tenant;
    }

    /** What to do. */
    public TaskKind kind() {
        return kind;
    }

    /** A line saying what to do. */
    public String title() {
        return title;
    }

    /** Longer notes. */
    public Optional<String> notes() {
        return Optional.ofNullable(notes);
    }

    /** When it is due. */
    public Instant due() {
        return due;
    }

    /** Who is to do it. */
    public StaffId assignee() {
        return assignee;
    }

    /** How urgent it is. */
    public Priority priority() {
        return priority;
    }

    /** Where it stands. */
    public TaskStatus status() {
        return status;
    }

    /** The customer it is for. */
    public Optional<CustomerId> customer() {
        return Optional.ofNullable(customer);
    }

    /** The id of the sales opportunity it belongs to. */
    public Optional<UUID> opportunity() {
        return Optional.ofNullable(opportunity);
    }

    /** The request it belongs to. */
    public Optional<RequestId> request() {
        return Optional.ofNullable(request);
    }

    /** Its reminders, earliest first. */
    public List<Reminder> reminders() {
        return reminders;
    }

    /**
     * What produced it, such as a contact cadence; each origin produces one task per tenant at most,
     * which is what makes re-running a cadence harmless.
     */
    public Optional<String> origin() {
        return Optional.ofNullable(origin);
    }

    /** When it was done or cancelled; empty while open. */
    public Optional<Instant> completedAt() {
        return Optional.ofNullable(completedAt);
    }

    /** When and by whom it was created and last changed. */
    public Audit audit() {
        return audit;
    }

    /** The stored version; 0 for a task not stored yet. */
    public long version() {
        return version;
    }

    /** Whether it is open and past due at {@code now}. */
    public boolean isOverdueAt(Instant now) {
        return status == TaskStatus.OPEN && due.isBefore(now);
    }

    /**
     * This task in {@code next} status since {@code at}.
     *
     * @throws IllegalTransitionException when the task is already in that status
     */
    public Task movedTo(TaskStatus next, Instant at, Actor by) {
        ValidationException.requireNonNull(next, "status");
        if (!status.canMoveTo(next)) {
            throw new IllegalTransitionException(
                    "Task " + id, status, next, status == TaskStatus.OPEN ? "DONE, CANCELLED" : "OPEN");
        }
        Builder b = toBuilder();
        b.status = next;
        b.completedAt = next == TaskStatus.OPEN ? null : at;
        b.audit = audit.changed(at, by);
        return b.build();
    }

    /** This task due at {@code newDue}, its reminders moved with it and to be delivered again. */
    public Task rescheduled(Instant newDue, Instant at, Actor by) {
        ValidationException.requireNonNull(newDue, "task.due");
        Builder b = toBuilder();
        b.due = newDue;
        b.reminders = reminders.stream()
                .map(r -> Reminder.before(newDue, r.beforeDue()))
                .toList();
        b.audit = audit.changed(at, by);
        return b.build();
    }

    /** This task for {@code assignee}. */
    public Task reassigned(StaffId assignee, Instant at, Actor by) {
        Builder b = toBuilder();
        b.assignee = ValidationException.requireNonNull(assignee, "task.assignee");
        b.audit = audit.changed(at, by);
        return b.build();
    }

    /** This task with the reminders that fire in [{@code from}, {@code to}) marked delivered (the audit is not touched). */
    public Task withRemindersDelivered(Instant from, Instant to) {
        Builder b = toBuilder();
        b.reminders = reminders.stream()
                .map(r -> firesIn(r, from, to) ? r.markedDelivered() : r)
                .toList();
        return b.build();
    }

    /** The undelivered reminders that fire in [{@code from}, {@code to}) while the task is open. */
    public List<Reminder> remindersDue(Instant from, Instant to) {
        if (status != TaskStatus.OPEN) {
            return List.of();
        }
        return reminders.stream()
                .filter(r -> !r.delivered() && firesIn(r, from, to))
                .toList();
    }

    private static boolean firesIn(Reminder reminder, Instant from, Instant to) {
        return !reminder.remindAt().isBefore(from) && reminder.remindAt().isBefore(to);
    }

    /** This task at {@code version}, as a store returns it after saving. */
    public Task withVersion(long version) {
        Builder b = toBuilder();
        b.version = version;
        return b.build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Task t
                && version == t.version
                && id.equals(t.id)
                && tenant.equals(t.tenant)
                && kind == t.kind
                && title.equals(t.title)
                && Objects.equals(notes, t.notes)
                && due.equals(t.due)
                && assignee.equals(t.assignee)
                && priority == t.priority
                && status == t.status
                && Objects.equals(customer, t.customer)
                && Objects.equals(opportunity, t.opportunity)
                && Objects.equals(request, t.request)
                && reminders.equals(t.reminders)
                && Objects.equals(origin, t.origin)
                && Objects.equals(completedAt, t.completedAt)
                && audit.equals(t.audit);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, version, status);
    }

    @Override
    public String toString() {
        return "Task[" + id + " " + status + " " + kind + " '" + title + "' due " + due + " for " + assignee + ", v"
                + version + "]";
    }

    /** Assembles a task; {@link #build} validates it. Not thread-safe. */
    public static final class Builder {
        private TaskId id;
        private TenantId tenant;
        private TaskKind kind = TaskKind.FOLLOW_UP;
        private String title;
        private String notes;
        private Instant due;
        private StaffId assignee;
        private Priority priority = Priority.NORMAL;
        private TaskStatus status = TaskStatus.OPEN;
        private CustomerId customer;
        private UUID opportunity;
        private RequestId request;
        private List<Reminder> reminders = List.of();
        private String origin;
        private Instant completedAt;
        private Audit audit;
        private long version;

        private Builder() {}

        /** What to do. */
        public Builder kind(TaskKind kind) {
            this.kind = kind;
            return this;
        }

        /** Longer notes; null for none. */
        public Builder notes(String notes) {
            this.notes = notes;
            return this;
        }

        /** How urgent it is. */
        public Builder priority(Priority priority) {
            this.priority = priority;
            return this;
        }

        /** Where it stands. */
        public Builder status(TaskStatus status) {
            this.status = status;
            return this;
        }

        /** The customer it is for; null for none. */
        public Builder customer(CustomerId customer) {
            this.customer = customer;
            return this;
        }

        /** The opportunity it belongs to; null for none. */
        public Builder opportunity(UUID opportunity) {
            this.opportunity = opportunity;
            return this;
        }

        /** The request it belongs to; null for none. */
        public Builder request(RequestId request) {
            this.request = request;
            return this;
        }

        /** Its reminders, in any order. */
        public Builder reminders(List<Reminder> reminders) {
            this.reminders = reminders == null ? null : new ArrayList<>(reminders);
            return this;
        }

        /** What produced it; null for a task made by hand. */
        public Builder origin(String origin) {
            this.origin = origin;
            return this;
        }

        /** When it was done or cancelled; null while open. */
        public Builder completedAt(Instant at) {
            this.completedAt = at;
            return this;
        }

        /** The stored version. */
        public Builder version(long version) {
            this.version = version;
            return this;
        }

        /**
         * Builds the task.
         *
         * @throws ValidationException naming the first field that is missing or inconsistent
         */
        public Task build() {
            return new Task(this);
        }
    }
}
