package org.crmkit.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.crmkit.core.common.ConcurrentUpdateException;
import org.crmkit.core.common.IdCursor;
import org.crmkit.core.common.NotFoundException;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.task.Reminder;
import org.crmkit.core.task.Task;
import org.crmkit.core.task.TaskId;
import org.crmkit.core.task.TaskRepository;
import org.crmkit.core.task.TaskStatus;
import org.crmkit.jpa.internal.TaskEntity;
import org.crmkit.jpa.internal.TaskKey;
import org.crmkit.jpa.internal.TaskReminderEntity;

/**
 * {@link TaskRepository} of one tenant over JPA. Every query names the tenant, and every key and
 * index of {@code crmkit_task} and {@code crmkit_task_reminder} leads with it: a customer's open
 * tasks are read along {@code (tenant_id, customer_id, status, due, id)}, an assignee's along {@code
 * (tenant_id, assignee_id, status, id)}, and the reminders due in a window are a range of {@code
 * (tenant_id, delivered, remind_at, task_id)}.
 *
 * <p>Tasks are read in a constant number of statements however many there are (up to {@value
 * #CHUNK} at a time): one for the rows and, when any has reminders, one for all their reminders.
 * That statement returns each task's version; should a writer commit between the two, the torn
 * tasks are read once more under a shared lock, so a read never mixes two versions of a task. A save
 * writes the task's row first (its version, also when only reminders changed) and then the
 * reminders that changed, position by position.
 *
 * <p>Saves look up the id and the origin before they insert, so that a taken one fails with {@link
 * ConcurrentUpdateException} without a failed statement; only a concurrent writer of the same value
 * makes the insert itself fail. Instants and reminder offsets are kept to the microsecond.
 * Thread-safe: holds no entity manager.
 */
final class JpaTaskRepository implements TaskRepository {
    /** The most values in one {@code IN} list. */
    static final int CHUNK = 500;

    private static final String ENTITY = "CrmkitTask";
    private static final String REMINDER = "CrmkitTaskReminder";

    private final JpaCrmStore store;
    private final TenantId tenant;

    JpaTaskRepository(JpaCrmStore store, TenantId tenant) {
        this.store = store;
        this.tenant = tenant;
    }

    @Override
    public Optional<Task> findById(TaskId id) {
        ValidationException.requireNonNull(id, "taskId");
        return store.run(em -> {
            try {
                TaskEntity entity = em.find(TaskEntity.class, key(id.value()));
                return entity == null
                        ? Optional.<Task>empty()
                        : Optional.of(assemble(em, List.of(entity)).get(0));
            } catch (RuntimeException e) {
                throw Errors.translate(e);
            }
        });
    }

    @Override
    public Optional<Task> findByOrigin(String origin) {
        ValidationException.requireNonNull(origin, "origin");
        return store.run(em -> {
            try {
                List<TaskEntity> roots = em.createQuery(
                                "select t from " + ENTITY + " t where t.tenantId = :tenant and t.origin = :origin",
                                TaskEntity.class)
                        .setParameter("tenant", tenant.value())
                        .setParameter("origin", origin)
                        .getResultList();
                return roots.isEmpty()
                        ? Optional.<Task>empty()
                        : Optional.of(assemble(em, roots).get(0));
            } catch (RuntimeException e) {
                throw Errors.translate(e);
            }
        });
    }

    @Override
    public Set<String> existingOrigins(Collection<String> origins) {
        ValidationException.requireNonNull(origins, "origins");
        Set<String> asked = new LinkedHashSet<>();
        for (String origin : origins) {
            asked.add(ValidationException.requireNonNull(origin, "origins"));
        }
        if (asked.isEmpty()) {
            return Set.of();
        }
        return store.run(em -> {
            try {
                return takenOrigins(em, asked);
            } catch (RuntimeException e) {
                throw Errors.translate(e);
            }
        });
    }

    @Override
    public Task save(Task task) {
        ValidationException.requireNonNull(task, "task");
        if (!task.tenant().equals(tenant)) {
            throw new ValidationException("tenant", "task belongs to tenant " + task.tenant() + ", not " + tenant);
        }
        Task stored = TaskMapper.normalised(task);
        return store.run(em -> {
            try {
                return save(em, stored);
            } catch (RuntimeException e) {
                throw Errors.onWrite(e, "Task", task.id(), task.version());
            }
        });
    }

    @Override
    public List<Task> withRemindersDue(Instant from, Instant to, int limit) {
        ValidationException.requireNonNull(from, "from");
        ValidationException.requireNonNull(to, "to");
        return list(
                "t.status = :open and exists (select 1 from " + REMINDER + " r where r.tenantId = :tenant"
                        + " and r.delivered = false and r.remindAt >= :from and r.remindAt < :to"
                        + " and r.taskId = t.id)",
                Map.of("open", TaskStatus.OPEN.name(), "from", from, "to", to),
                "t.id",
                limit);
    }

    @Override
    public List<Task> openForCustomer(CustomerId customer, int limit) {
        ValidationException.requireNonNull(customer, "customerId");
        return list(
                "t.customerId = :customer and t.status = :open",
                Map.of("customer", customer.value(), "open", TaskStatus.OPEN.name()),
                "t.due, t.id",
                limit);
    }

    @Override
    public Page<Task> openAssignedTo(StaffId assignee, PageRequest page) {
        ValidationException.requireNonNull(assignee, "assignee");
        ValidationException.requireNonNull(page, "page");
        Optional<UUID> after = IdCursor.start(page);
        Map<String, Object> params = new HashMap<>();
        params.put("assignee", assignee.value());
        params.put("open", TaskStatus.OPEN.name());
        after.ifPresent(id -> params.put("after", id));
        List<Task> rows = list(
                "t.assigneeId = :assignee and t.status = :open" + (after.isPresent() ? " and t.id > :after" : ""),
                params,
                "t.id",
                page.size() + 1);
        return IdCursor.page(rows, page.size(), t -> t.id().value());
    }

    @Override
    public String toString() {
        return "JpaTaskRepository[" + tenant + "]";
    }

    /** At most {@code limit} tasks whose row meets {@code condition}, in {@code order}. */
    private List<Task> list(String condition, Map<String, Object> params, String order, int limit) {
        return store.run(em -> {
            try {
                TypedQuery<TaskEntity> q = em.createQuery(
                        "select t from " + ENTITY + " t where t.tenantId = :tenant and " + condition + " order by "
                                + order,
                        TaskEntity.class);
                q.setParameter("tenant", tenant.value());
                params.forEach(q::setParameter);
                return assemble(em, q.setMaxResults(limit).getResultList());
            } catch (RuntimeException e) {
                throw Errors.translate(e);
            }
        });
    }

    private Task save(EntityManager em, Task task) {
        long expected = task.version();
        TaskEntity entity = em.find(TaskEntity.class, key(task.id().value()));
        if (entity == null) {
            if (expected != 0) {
                throw new NotFoundException("Task", task.id());
            }
            checkOrigin(em, task);
            entity = TaskMapper.newEntity(task);
            em.persist(entity);
            List<Reminder> reminders = task.reminders();
            for (int seq = 0; seq < reminders.size(); seq++) {
                TaskReminderEntity row = new TaskReminderEntity(entity, (short) seq);
                TaskMapper.apply(reminders.get(seq), row);
                em.persist(row);
            }
            em.flush();
            return task.withVersion(entity.getVersion() + 1);
        }
        if (expected == 0 || entity.getVersion() + 1 != expected) {
            throw new ConcurrentUpdateException("Task", task.id(), expected);
        }
        String origin = task.origin().orElse(null);
        if (origin != null && !origin.equals(entity.getOrigin())) {
            checkOrigin(em, task);
        }
        List<TaskReminderEntity> rows = entity.getReminderCount() == 0
                ? List.of()
                : em.createQuery(
                                "select r from " + REMINDER + " r where r.tenantId = :tenant and r.taskId = :task"
                                        + " order by r.seq",
                                TaskReminderEntity.class)
                        .setParameter("tenant", tenant.value())
                        .setParameter("task", entity.getId())
                        .getResultList();
        // the task's row first, so that a stale version fails before any reminder is written
        if (!TaskMapper.apply(task, entity)) {
            // nothing of the row changed, yet every save makes a new version
            em.lock(entity, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        }
        em.flush();
        List<Reminder> reminders = task.reminders();
        boolean changed = false;
        for (int seq = 0; seq < Math.max(rows.size(), reminders.size()); seq++) {
            if (seq >= reminders.size()) {
                em.remove(rows.get(seq));
                changed = true;
            } else if (seq >= rows.size()) {
                TaskReminderEntity row = new TaskReminderEntity(entity, (short) seq);
                TaskMapper.apply(reminders.get(seq), row);
                em.persist(row);
                changed = true;
            } else {
                changed |= TaskMapper.apply(reminders.get(seq), rows.get(seq));
            }
        }
        if (changed) {
            em.flush();
        }
        return task.withVersion(entity.getVersion() + 1);
    }

    /** Fails when another task of the tenant has the origin of {@code task}. */
    private void checkOrigin(EntityManager em, Task task) {
        if (task.origin().isEmpty()) {
            return;
        }
        List<UUID> taken = em.createQuery(
                        "select t.id from " + ENTITY + " t where t.tenantId = :tenant and t.origin = :origin",
                        UUID.class)
                .setParameter("tenant", tenant.value())
                .setParameter("origin", task.origin().get())
                .getResultList();
        if (taken.stream().anyMatch(id -> !id.equals(task.id().value()))) {
            throw new ConcurrentUpdateException("Task", task.id(), task.version());
        }
    }

    /** Which of {@code origins} the tenant's tasks hold: a query per {@value #CHUNK}. */
    private Set<String> takenOrigins(EntityManager em, Collection<String> origins) {
        Set<String> found = new HashSet<>();
        List<String> all = new ArrayList<>(origins);
        for (int i = 0; i < all.size(); i += CHUNK) {
            found.addAll(em.createQuery(
                            "select t.origin from " + ENTITY + " t where t.tenantId = :tenant and t.origin in :origins",
                            String.class)
                    .setParameter("tenant", tenant.value())
                    .setParameter("origins", all.subList(i, Math.min(all.size(), i + CHUNK)))
                    .getResultList());
        }
        return found;
    }

    /**
     * The tasks of {@code roots}, in their order, with the reminders of those that have any read in
     * one statement per {@value #CHUNK} tasks.
     */
    private List<Task> assemble(EntityManager em, List<TaskEntity> roots) {
        return WholeReads.inChunks(roots, CHUNK, chunk -> assembleChunk(em, chunk));
    }

    private List<Task> assembleChunk(EntityManager em, List<TaskEntity> roots) {
        Map<UUID, TaskEntity> byId = WholeReads.byId(roots, TaskEntity::getId);
        Reminders reminders = WholeReads.readWhole(em, byId, ids -> reminders(em, ids), "tasks");
        List<Task> tasks = new ArrayList<>(roots.size());
        for (TaskEntity root : roots) {
            TreeMap<Short, Reminder> rs = reminders.byTask.getOrDefault(root.getId(), new TreeMap<>());
            tasks.add(TaskMapper.toDomain(root, new ArrayList<>(rs.values())));
        }
        return tasks;
    }

    /**
     * The reminders of those of {@code roots} that have any, and which of the tasks changed since
     * their row was read: a reminder of another version, or another number of reminders.
     */
    private Reminders reminders(EntityManager em, Map<UUID, TaskEntity> roots) {
        Reminders reminders = new Reminders();
        List<UUID> ids = new ArrayList<>();
        for (TaskEntity root : roots.values()) {
            if (root.getReminderCount() > 0) {
                ids.add(root.getId());
            }
        }
        if (ids.isEmpty()) {
            return reminders;
        }
        for (Object[] row : em.createQuery(
                        "select r.taskId, t.version, r.seq, r.beforeDueMicros, r.remindAt, r.delivered"
                                + " from " + REMINDER + " r, " + ENTITY + " t"
                                + " where r.tenantId = :tenant and r.taskId in :ids"
                                + " and t.tenantId = :tenant and t.id = r.taskId",
                        Object[].class)
                .setParameter("tenant", tenant.value())
                .setParameter("ids", ids)
                .getResultList()) {
            UUID id = (UUID) row[0];
            if (((Number) row[1]).longValue() != roots.get(id).getVersion()) {
                reminders.torn.add(id);
            }
            reminders
                    .byTask
                    .computeIfAbsent(id, k -> new TreeMap<>())
                    .put((Short) row[2], TaskMapper.reminder((Long) row[3], (Instant) row[4], (Boolean) row[5]));
        }
        for (UUID id : ids) {
            if (reminders.byTask.getOrDefault(id, new TreeMap<>()).size()
                    != roots.get(id).getReminderCount()) {
                reminders.torn.add(id);
            }
        }
        return reminders;
    }

    /** Reminders by task and position, and the tasks whose rows moved on since they were read. */
    private static final class Reminders implements WholeReads.Children {
        final Map<UUID, TreeMap<Short, Reminder>> byTask = new HashMap<>();
        final Set<UUID> torn = new HashSet<>();

        @Override
        public Set<UUID> torn() {
            return torn;
        }
    }

    private TaskKey key(UUID id) {
        return new TaskKey(tenant.value(), id);
    }
}
