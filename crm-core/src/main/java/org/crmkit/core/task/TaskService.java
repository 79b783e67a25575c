package org.crmkit.core.task;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.common.Audit;
import org.crmkit.core.common.Cancellation;
import org.crmkit.core.common.Ids;
import org.crmkit.core.common.NotFoundException;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.ProgressListener;
import org.crmkit.core.common.ServiceContext;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerOrder;
import org.crmkit.core.customer.CustomerRepository;
import org.crmkit.core.interaction.InteractionRepository;
import org.crmkit.core.service.RequestRepository;
import org.crmkit.core.task.TaskEvent.TaskChanged;
import org.crmkit.core.task.TaskEvent.TaskCreated;

/**
 * The tasks of one tenant, for one actor: create, complete, cancel, reopen, reschedule and reassign
 * them, hand the host's scheduler its reminders once each, and run contact cadences. Obtain it from
 * {@code crm.forTenant(tenant).as(actor).tasks()}.
 *
 * <p>Every method is one unit of work (or joins the caller's), validates before writing and
 * publishes its events after commit; a change that meets a concurrent change of the same task is
 * run again from fresh data when the method started the unit of work. Thread-safe.
 */
public final class TaskService {
    /** How many customers (for cadences) or tasks (for reminders) are handled per unit of work. */
    public static final int BATCH_SIZE = 500;

    private final ServiceContext context;
    private final TaskRepository tasks;
    private final CustomerRepository customers;
    private final InteractionRepository interactions;
    private final RequestRepository requests;

    /** Creates the service; the {@code Crm} facade does this for hosts. */
    public TaskService(
            ServiceContext context,
            TaskRepository tasks,
            CustomerRepository customers,
            InteractionRepository interactions,
            RequestRepository requests) {
        this.context = Objects.requireNonNull(context, "context");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.customers = Objects.requireNonNull(customers, "customers");
        this.interactions = Objects.requireNonNull(interactions, "interactions");
        this.requests = Objects.requireNonNull(requests, "requests");
    }

    /**
     * Creates the task {@code draft} describes.
     *
     * @return the task as stored
     * @throws ValidationException naming the first invalid field: {@code task.customer} or {@code
     *     task.request} for a customer or request the tenant lacks, {@code task.reminders[i]} for a
     *     negative or repeated offset
     */
    public Task create(TaskDraft draft) {
        ValidationException.requireNonNull(draft, "draft");
        return context.transactions().inTransaction(() -> {
            Instant now = context.now();
            if (draft.customer != null && customers.findById(draft.customer).isEmpty()) {
                throw new ValidationException("task.customer", "the tenant has no customer " + draft.customer);
            }
            if (draft.request != null && requests.findById(draft.request).isEmpty()) {
                throw new ValidationException("task.request", "the tenant has no request " + draft.request);
            }
            ValidationException.requireNonNull(draft.due, "task.due");
            List<Reminder> reminders = new ArrayList<>();
            for (int i = 0; i < draft.reminders.size(); i++) {
                Duration offset =
                        ValidationException.requireNonNull(draft.reminders.get(i), "task.reminders[" + i + "]");
                if (offset.isNegative()) {
                    throw new ValidationException("task.reminders[" + i + "]", "must not be negative, was " + offset);
                }
                reminders.add(Reminder.before(draft.due, offset));
            }
            Task task = Task.builder(
                            new TaskId(context.ids().next()),
                            context.tenant(),
                            draft.title,
                            draft.due,
                            draft.assignee,
                            Audit.created(now, context.actor()))
                    .kind(ValidationException.requireNonNull(draft.kind, "task.kind"))
                    .notes(draft.notes)
                    .priority(draft.priority)
                    .customer(draft.customer)
                    .opportunity(draft.opportunity)
                    .request(draft.request)
                    .reminders(reminders)
                    .build();
            Task stored = tasks.save(task);
            context.events().publish(new TaskCreated(context.tenant(), now, context.actor(), stored));
            return stored;
        });
    }

    /** Marks task {@code id} done. @throws org.crmkit.core.common.IllegalTransitionException unless it is open */
    public Task complete(TaskId id) {
        return change(id, (task, now) -> task.movedTo(TaskStatus.DONE, now, context.actor()));
    }

    /** Cancels task {@code id}. @throws org.crmkit.core.common.IllegalTransitionException unless it is open */
    public Task cancel(TaskId id) {
        return change(id, (task, now) -> task.movedTo(TaskStatus.CANCELLED, now, context.actor()));
    }

    /** Reopens done or cancelled task {@code id}. @throws org.crmkit.core.common.IllegalTransitionException when it is open */
    public Task reopen(TaskId id) {
        return change(id, (task, now) -> task.movedTo(TaskStatus.OPEN, now, context.actor()));
    }

    /** Moves task {@code id} to {@code due}; its reminders move with it and will be delivered again. */
    public Task reschedule(TaskId id, Instant due) {
        ValidationException.requireNonNull(due, "task.due");
        return change(id, (task, now) -> task.due().equals(due) ? task : task.rescheduled(due, now, context.actor()));
    }

    /** Gives task {@code id} to {@code assignee}. */
    public Task reassign(TaskId id, StaffId assignee) {
        ValidationException.requireNonNull(assignee, "task.assignee");
        return change(
                id,
                (task, now) ->
                        task.assignee().equals(assignee) ? task : task.reassigned(assignee, now, context.actor()));
    }

    /**
     * The reminders of open tasks that fire in [{@code from}, {@code to}) and were not delivered
     * before, earliest first; each is marked delivered as it is handed out, so a reminder is
     * delivered once however often or on however many host instances the scheduler polls (concurrent
     * polls split the reminders between them). A rescheduled task's reminders are delivered again.
     *
     * @throws ValidationException naming {@code to} when it is not after {@code from}
     */
    public List<DueReminder> dueReminders(Instant from, Instant to) {
        ValidationException.requireNonNull(from, "from");
        ValidationException.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            throw new ValidationException("to", "must be after from (" + from + "), was " + to);
        }
        List<DueReminder> due = new ArrayList<>();
        while (true) {
            List<DueReminder> batch = context.transactions().inTransactionRetryingConflicts(() -> {
                List<DueReminder> delivered = new ArrayList<>();
                for (Task task : tasks.withRemindersDue(from, to, BATCH_SIZE)) {
                    List<Reminder> firing = task.remindersDue(from, to);
                    if (firing.isEmpty()) {
                        continue;
                    }
                    Task stored = tasks.save(task.withRemindersDelivered(from, to));
                    for (Reminder reminder : firing) {
                        delivered.add(new DueReminder(stored, reminder.markedDelivered()));
                    }
                }
                return delivered;
            });
            due.addAll(batch);
            if (batch.isEmpty()) {
                break;
            }
        }
        due.sort(Comparator.comparing((DueReminder r) -> r.reminder().remindAt())
                .thenComparing(r -> r.task().id().value(), Ids.ORDER));
        return due;
    }

    /**
     * Runs {@code cadence} now: every customer of its audience who is lapsed and has no follow-up
     * for the current lapse gets one, due {@code followUp.dueIn()} from now, for the customer's owner
     * (else the fallback assignee). Reads the audience {@value #BATCH_SIZE} customers at a time, each
     * batch one unit of work; re-running, also concurrently, creates no second task for one lapse.
     *
     * @param progress hears, after each batch, how many customers were checked (total {@code -1})
     * @param cancellation checked before each batch; the batches done before stay done
     */
    public CadenceReport runCadence(ContactCadence cadence, ProgressListener progress, Cancellation cancellation) {
        ValidationException.requireNonNull(cadence, "cadence");
        ValidationException.requireNonNull(progress, "progress");
        ValidationException.requireNonNull(cancellation, "cancellation");
        Instant now = context.now();
        Instant lapsedBefore = now.minus(Duration.ofDays(cadence.days()));
        long checked = 0;
        long lapsed = 0;
        long created = 0;
        long planned = 0;
        PageRequest page = PageRequest.first(BATCH_SIZE);
        var audience = cadence.audience().orderedBy(CustomerOrder.CREATED);
        while (true) {
            cancellation.throwIfCancelled("Running contact cadence " + cadence.name());
            Page<Customer> batch = customers.list(audience, page);
            long[] counts = context.transactions()
                    .inTransactionRetryingConflicts(() -> followUps(cadence, batch.items(), now, lapsedBefore));
            checked += batch.items().size();
            lapsed += counts[0];
            created += counts[1];
            planned += counts[0] - counts[1];
            progress.onProgress(checked, -1);
            if (batch.next().isEmpty()) {
                break;
            }
            page = PageRequest.after(batch.next().get(), BATCH_SIZE);
        }
        return new CadenceReport(checked, lapsed, created, planned);
    }

    /** {@link #runCadence(ContactCadence, ProgressListener, Cancellation)} without progress or cancellation. */
    public CadenceReport runCadence(ContactCadence cadence) {
        return runCadence(cadence, ProgressListener.NONE, Cancellation.none());
    }

    private long[] followUps(ContactCadence cadence, List<Customer> batch, Instant now, Instant lapsedBefore) {
        Map<CustomerId, Instant> last =
                interactions.lastContacts(batch.stream().map(Customer::id).toList());
        Map<String, Customer> lapsedByOrigin = new LinkedHashMap<>();
        for (Customer customer : batch) {
            Instant contact = last.get(customer.id());
            Instant since = contact == null || contact.isBefore(customer.audit().createdAt())
                    ? customer.audit().createdAt()
                    : contact;
            if (since.isBefore(lapsedBefore)) {
                lapsedByOrigin.put(origin(cadence, customer.id(), contact), customer);
            }
        }
        Set<String> existing = lapsedByOrigin.isEmpty() ? Set.of() : tasks.existingOrigins(lapsedByOrigin.keySet());
        FollowUp followUp = cadence.followUp();
        Instant due = now.plus(followUp.dueIn());
        long created = 0;
        for (Map.Entry<String, Customer> entry : lapsedByOrigin.entrySet()) {
            if (existing.contains(entry.getKey())) {
                continue;
            }
            Customer customer = entry.getValue();
            Task task = Task.builder(
                            new TaskId(context.ids().next()),
                            context.tenant(),
                            followUp.title(),
                            due,
                            customer.owner().orElse(followUp.fallbackAssignee()),
                            Audit.created(now, context.actor()))
                    .kind(followUp.kind())
                    .priority(followUp.priority())
                    .customer(customer.id())
                    .reminders(followUp.reminders().stream()
                            .map(r -> Reminder.before(due, r))
                            .toList())
                    .origin(entry.getKey())
                    .build();
            Task stored = tasks.save(task);
            context.events().publish(new TaskCreated(context.tenant(), now, context.actor(), stored));
            created++;
        }
        return new long[] {lapsedByOrigin.size(), created};
    }

    /** The origin of a cadence's follow-up for one lapse: the rule, the customer and the last contact. */
    static String origin(ContactCadence cadence, CustomerId customer, Instant lastContact) {
        String since = lastContact == null
                ? "never"
                : Long.toString(Math.addExact(
                        Math.multiplyExact(lastContact.getEpochSecond(), 1_000_000L), lastContact.getNano() / 1000));
        return "cadence:" + cadence.name() + ":" + customer + ":" + since;
    }

    /** The task with {@code id}, if the tenant has it. */
    public Optional<Task> find(TaskId id) {
        return tasks.findById(ValidationException.requireNonNull(id, "taskId"));
    }

    /**
     * The task with {@code id}.
     *
     * @throws NotFoundException when the tenant has no such task
     */
    public Task get(TaskId id) {
        return find(id).orElseThrow(() -> new NotFoundException("Task", id));
    }

    /** The open tasks of {@code customer}, earliest due first, at most {@code limit} (1–1000). */
    public List<Task> openForCustomer(CustomerId customer, int limit) {
        ValidationException.requireNonNull(customer, "customerId");
        return tasks.openForCustomer(customer, PageRequest.requireLimit(limit, "limit"));
    }

    /** One page of the open tasks assigned to {@code assignee}, oldest first. */
    public Page<Task> openAssignedTo(StaffId assignee, PageRequest page) {
        ValidationException.requireNonNull(assignee, "assignee");
        ValidationException.requireNonNull(page, "page");
        return tasks.openAssignedTo(assignee, page);
    }

    private interface Change {
        Task apply(Task current, Instant now);
    }

    private Task change(TaskId id, Change change) {
        ValidationException.requireNonNull(id, "taskId");
        return context.transactions().inTransactionRetryingConflicts(() -> {
            Task current = tasks.findById(id).orElseThrow(() -> new NotFoundException("Task", id));
            Instant now = context.now();
            Task changed = change.apply(current, now);
            if (changed == current) {
                return current;
            }
            Task stored = tasks.save(changed);
            context.events().publish(new TaskChanged(context.tenant(), now, context.actor(), stored));
            return stored;
        });
    }
}
