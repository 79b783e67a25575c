package org.crmkit.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

/**
 * Thread-safe {@link TaskRepository} over {@code crm_task} and {@code crm_task_reminder} for one
 * tenant, reading any number of tasks in two statements so that no list costs a statement per task.
 */
final class JdbcTaskRepository implements TaskRepository {
    /** How often a read is repeated while writers keep changing what it reads. */
    private static final String FROM = "SELECT " + TaskMapper.COLUMNS + " FROM crm_task t";

    private static final String REMINDERS = "SELECT t.id AS tid, t.version AS tver, " + TaskMapper.REMINDER_COLUMNS
            + " FROM crm_task t LEFT JOIN crm_task_reminder m ON m.tenant_id = t.tenant_id AND m.task_id = t.id"
            + " WHERE ";

    private final Transactor tx;
    private final JdbcDialect dialect;
    private final TenantId tenant;
    private final TaskMapper mapper;

    JdbcTaskRepository(Transactor tx, JdbcDialect dialect, TenantId tenant) {
        this.tx = tx;
        this.dialect = dialect;
        this.tenant = tenant;
        this.mapper = new TaskMapper(dialect, tenant);
    }

    @Override
    public Optional<Task> findById(TaskId id) {
        ValidationException.requireNonNull(id, "taskId");
        return first("reading task " + id, () -> where().append(" AND t.id = ").value(id.value()));
    }

    @Override
    public Optional<Task> findByOrigin(String origin) {
        ValidationException.requireNonNull(origin, "origin");
        if (!isStorable(origin)) {
            return Optional.empty(); // no stored task has such an origin
        }
        return first(
                "reading the task of an origin",
                () -> where().append(" AND t.origin = ").value(origin));
    }

    @Override
    public Set<String> existingOrigins(Collection<String> origins) {
        ValidationException.requireNonNull(origins, "origins");
        Set<String> wanted = new LinkedHashSet<>();
        for (String origin : origins) {
            if (isStorable(ValidationException.requireNonNull(origin, "origins"))) {
                wanted.add(origin);
            }
        }
        Set<String> found = new HashSet<>();
        if (wanted.isEmpty()) {
            return found;
        }
        return tx.read("looking up " + wanted.size() + " task origins", connection -> {
            for (List<String> chunk : Sql.chunks(new ArrayList<>(wanted), Sql.MAX_IN)) {
                Sql sql = new Sql()
                        .append("SELECT t.origin FROM crm_task t WHERE ")
                        .textKeyIn("t.tenant_id", "t.origin", tenant.value(), chunk, dialect);
                try (PreparedStatement statement = sql.prepare(connection, dialect);
                        ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        String origin = rows.getString("origin");
                        if (wanted.contains(origin)) {
                            found.add(origin);
                        }
                    }
                }
            }
            return found;
        });
    }

    @Override
    public Task save(Task task) {
        ValidationException.requireNonNull(task, "task");
        if (!task.tenant().equals(tenant)) {
            throw new ValidationException("tenant", "task belongs to tenant " + task.tenant() + ", not " + tenant);
        }
        Task stored = TaskMapper.stored(task, task.version() + 1);
        boolean inUnit = tx.inUnit();
        return tx.write("saving task " + task.id(), () -> conflict(task), connection -> {
            if (task.version() == 0) {
                try (PreparedStatement statement = connection.prepareStatement(mapper.insertSql())) {
                    mapper.bindInsert(statement, stored);
                    VersionedRows.insert(dialect, statement, () -> conflict(task));
                }
            } else {
                try (PreparedStatement statement = connection.prepareStatement(mapper.updateSql())) {
                    mapper.bindUpdate(statement, stored, task.version());
                    VersionedRows.update(
                            connection,
                            dialect,
                            statement,
                            stored.origin().isPresent(),
                            inUnit,
                            new Sql()
                                    .append("SELECT t.version FROM crm_task t WHERE t.tenant_id = ")
                                    .value(tenant.value())
                                    .append(" AND t.id = ")
                                    .value(task.id().value()),
                            () -> conflict(task),
                            () -> new NotFoundException("Task", task.id()));
                }
                try (PreparedStatement statement = connection.prepareStatement(
                        "DELETE FROM crm_task_reminder WHERE tenant_id = ? AND task_id = ?")) {
                    Sql.bind(statement, 1, tenant.value(), dialect);
                    Sql.bind(statement, 2, task.id().value(), dialect);
                    statement.executeUpdate();
                }
            }
            RowBatch reminders = mapper.reminderRows();
            mapper.addReminderRows(reminders, stored);
            reminders.execute(connection);
            return stored;
        });
    }

    @Override
    public List<Task> withRemindersDue(Instant from, Instant to, int limit) {
        ValidationException.requireNonNull(from, "from");
        ValidationException.requireNonNull(to, "to");
        Instant since = Instants.ceilMicros(from);
        Instant before = Instants.ceilMicros(to);
        if (requireLimit(limit) == 0
                || !since.isBefore(before)
                || Instants.afterAll(since, dialect)
                || Instants.beforeAll(before, dialect)) {
            return List.of(); // an empty window, or one outside every instant a database holds
        }
        return tx.read("reading the tasks with reminders due", connection -> {
            // the ids of the open tasks with an undelivered reminder in the window, each once, from
            // the index on reminders, then those tasks by their key
            Sql sql = new Sql()
                    .append("SELECT DISTINCT m.task_id FROM crm_task_reminder m WHERE m.tenant_id = ")
                    .value(tenant.value())
                    .append(" AND m.delivered = FALSE AND m.task_open = TRUE");
            if (!Instants.beforeAll(since, dialect)) {
                sql.append(" AND m.remind_at >= ").value(since);
            }
            if (!Instants.afterAll(before, dialect)) {
                sql.append(" AND m.remind_at < ").value(before);
            }
            sql.append(" ORDER BY m.task_id LIMIT ").value(limit);
            List<UUID> ids = new ArrayList<>();
            try (PreparedStatement statement = sql.prepare(connection, dialect);
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(dialect.getUuid(rows, "task_id"));
                }
            }
            List<Task> due = new ArrayList<>(ids.size());
            for (List<UUID> chunk : Sql.chunks(ids, Sql.MAX_IN)) {
                for (Task task : load(
                        connection,
                        () -> new Sql()
                                .append(FROM + " WHERE ")
                                .keyIn("t.tenant_id", "t.id", tenant.value(), chunk, dialect)
                                .append(" ORDER BY t.id"))) {
                    // a writer may have changed it since its reminder was found
                    if (!task.remindersDue(from, to).isEmpty()) {
                        due.add(task);
                    }
                }
            }
            return due;
        });
    }

    @Override
    public List<Task> openForCustomer(CustomerId customer, int limit) {
        ValidationException.requireNonNull(customer, "customerId");
        if (requireLimit(limit) == 0) {
            return List.of();
        }
        // led by the columns the WHERE clause fixes, so that H2 too reads the index in order
        return tx.read(
                "reading the open tasks of customer " + customer,
                connection -> load(
                        connection,
                        () -> where().append(" AND t.customer_id = ")
                                .value(customer.value())
                                .append(" AND t.status = ")
                                .value(TaskStatus.OPEN.name())
                                .append(" ORDER BY t.tenant_id, t.customer_id, t.status, t.due, t.id LIMIT ")
                                .value(limit)));
    }

    @Override
    public Page<Task> openAssignedTo(StaffId assignee, PageRequest page) {
        ValidationException.requireNonNull(assignee, "assignee");
        ValidationException.requireNonNull(page, "page");
        Optional<UUID> after = IdCursor.start(page);
        List<Task> rows = tx.read(
                "listing the open tasks of " + assignee,
                connection -> load(connection, () -> {
                    Sql sql = where().append(" AND t.assignee = ")
                            .value(assignee.value())
                            .append(" AND t.status = ")
                            .value(TaskStatus.OPEN.name());
                    after.ifPresent(id -> sql.append(" AND t.id > ").value(id));
                    return sql.append(" ORDER BY t.tenant_id, t.assignee, t.status, t.id LIMIT ")
                            .value(page.size() + 1);
                }));
        return IdCursor.page(rows, page.size(), t -> t.id().value());
    }

    /** The SELECT of this tenant's tasks, to be narrowed with {@code AND …}. */
    private Sql where() {
        return new Sql().append(FROM + " WHERE t.tenant_id = ").value(tenant.value());
    }

    private Optional<Task> first(String what, HeadQuery query) {
        List<Task> found = tx.read(what, connection -> load(connection, query));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** A statement that selects tasks' own rows with {@link TaskMapper#COLUMNS}. */
    @FunctionalInterface
    private interface HeadQuery {
        Sql build();
    }

    /**
     * Loads the tasks {@code query} selects, in its order, with their reminders in one more statement
     * per {@value Sql#MAX_IN} tasks. That statement joins the task rows again, so that a task's
     * version shows whether a writer committed in between; if one did, the read is repeated.
     */
    private List<Task> load(Connection connection, HeadQuery query) throws SQLException {
        return WholeReads.load(connection, dialect, query::build, mapper::readHead, this::assemble, "Tasks");
    }

    /**
     * Joins the reminders to {@code heads}, or returns null when one of the tasks has a different
     * version by now.
     */
    private List<Task> assemble(Connection connection, List<TaskMapper.Head> heads) throws SQLException {
        Map<UUID, Long> versions = new HashMap<>();
        for (TaskMapper.Head head : heads) {
            versions.put(head.id(), head.version());
        }
        Map<UUID, TreeMap<Integer, Reminder>> reminders = new HashMap<>();
        for (List<UUID> chunk : Sql.chunks(new ArrayList<>(versions.keySet()), Sql.MAX_IN)) {
            Sql sql = new Sql().append(REMINDERS).keyIn("t.tenant_id", "t.id", tenant.value(), chunk, dialect);
            try (PreparedStatement statement = sql.prepare(connection, dialect);
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    UUID id = dialect.getUuid(rows, "tid");
                    if (versions.get(id) != rows.getLong("tver")) {
                        return null;
                    }
                    TreeMap<Integer, Reminder> of = reminders.computeIfAbsent(id, k -> new TreeMap<>());
                    int seq = rows.getInt("seq");
                    if (!rows.wasNull()) {
                        of.put(seq, mapper.readReminder(rows));
                    }
                }
            }
        }
        if (reminders.size() != versions.size()) {
            return null; // a task's row is gone
        }
        List<Task> tasks = new ArrayList<>(heads.size());
        for (TaskMapper.Head head : heads) {
            tasks.add(head.assemble(new ArrayList<>(reminders.get(head.id()).values())));
        }
        return tasks;
    }

    private static int requireLimit(int limit) {
        if (limit < 0) {
            throw new ValidationException("limit", "must not be negative, was " + limit);
        }
        return limit;
    }

    /**
     * Whether {@code text} could be stored: no NUL, no unpaired surrogate (which a UTF-8 driver would
     * send as {@code '?'}). Core refuses such text in what it stores, so it matches nothing.
     */
    private static boolean isStorable(String text) {
        return Keys.unpairedSurrogate(text) < 0 && text.indexOf(0) < 0;
    }

    private static ConcurrentUpdateException conflict(Task task) {
        return new ConcurrentUpdateException("Task", task.id(), task.version());
    }
}
