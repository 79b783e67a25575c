package org.crmkit.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.Audit;
import org.crmkit.core.common.Priority;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.service.RequestId;
import org.crmkit.core.task.Reminder;
import org.crmkit.core.task.Task;
import org.crmkit.core.task.TaskId;
import org.crmkit.core.task.TaskKind;
import org.crmkit.core.task.TaskStatus;

/**
 * Maps tasks to rows of {@code crm_task} and {@code crm_task_reminder} and back, so that only this
 * immutable class knows the columns.
 */
final class TaskMapper {
    /** The columns a task's own row is read from, aliased {@code t}. */
    static final String COLUMNS = "t.id, t.version, t.kind, t.title, t.notes, t.due, t.assignee, t.priority,"
            + " t.status, t.customer_id, t.opportunity_id, t.request_id, t.origin, t.completed_at, t.created_at,"
            + " t.created_by_kind, t.created_by, t.updated_at, t.updated_by_kind, t.updated_by";
    /** The columns of a reminder row, aliased {@code m}, read by {@link #readReminder}. */
    static final String REMINDER_COLUMNS = "m.seq, m.before_due_micros, m.remind_at, m.delivered";

    /** The columns written from a task, in binding order, after tenant and id. */
    private static final List<String> DATA_COLUMNS = List.of(
            "version",
            "kind",
            "title",
            "notes",
            "due",
            "assignee",
            "priority",
            "status",
            "customer_id",
            "opportunity_id",
            "request_id",
            "origin",
            "completed_at",
            "created_at",
            "created_by_kind",
            "created_by",
            "updated_at",
            "updated_by_kind",
            "updated_by");

    private static final String INSERT = "INSERT INTO crm_task (tenant_id, id, " + String.join(", ", DATA_COLUMNS)
            + ") VALUES (?, ?, " + DATA_COLUMNS.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
    private static final String UPDATE = "UPDATE crm_task SET "
            + DATA_COLUMNS.stream().map(c -> c + " = ?").collect(Collectors.joining(", "))
            + " WHERE tenant_id = ? AND id = ? AND version = ?";
    private static final String REMINDER_INSERT_COLUMNS =
            "tenant_id, task_id, seq, before_due_micros, remind_at, delivered, task_open";
    private static final String REMINDER_ROW = "(?, ?, ?, ?, ?, ?, ?)";

    private final JdbcDialect dialect;
    private final TenantId tenant;
    private final Sql.Null nullUuid;
    private final String insert;

    TaskMapper(JdbcDialect dialect, TenantId tenant) {
        this.dialect = dialect;
        this.tenant = tenant;
        this.nullUuid = new Sql.Null(dialect == JdbcDialect.MARIADB ? Types.BINARY : Types.OTHER);
        this.insert = INSERT + dialect.onConflictDoNothing();
    }

    /**
     * The INSERT of one task's row that, where the dialect can say so (PostgreSQL), skips a row whose
     * id or origin is taken (0 rows) rather than failing and aborting the transaction.
     */
    String insertSql() {
        return insert;
    }

    /** The UPDATE of a task's row at an expected version. */
    String updateSql() {
        return UPDATE;
    }

    /**
     * The task as the store keeps it at {@code version}: instants and reminder offsets cut to whole
     * microseconds, which is what every supported database stores, and each reminder firing its
     * (cut) offset before the (cut) due time.
     *
     * @throws org.crmkit.core.common.ValidationException when two reminders' offsets differ only below
     *     the microsecond
     */
    static Task stored(Task t, long version) {
        Instant due = Instants.micros(t.due());
        List<Reminder> reminders = new ArrayList<>(t.reminders().size());
        for (int i = 0; i < t.reminders().size(); i++) {
            Reminder r = t.reminders().get(i);
            Duration before = Instants.micros(r.beforeDue());
            Instants.toMicros(before, "task.reminders[" + i + "].beforeDue");
            reminders.add(new Reminder(before, due.minus(before), r.delivered()));
        }
        Audit a = t.audit();
        return Task.builder(
                        t.id(),
                        t.tenant(),
                        t.title(),
                        due,
                        t.assignee(),
                        new Audit(
                                Instants.micros(a.createdAt()),
                                a.createdBy(),
                                Instants.micros(a.updatedAt()),
                                a.updatedBy()))
                .kind(t.kind())
                .notes(t.notes().orElse(null))
                .priority(t.priority())
                .status(t.status())
                .customer(t.customer().orElse(null))
                .opportunity(t.opportunity().orElse(null))
                .request(t.request().orElse(null))
                .reminders(reminders)
                .origin(t.origin().orElse(null))
                .completedAt(Instants.micros(t.completedAt().orElse(null)))
                .version(version)
                .build();
    }

    /** Binds tenant, id and the data columns of {@code stored} for {@link #insertSql}. */
    void bindInsert(PreparedStatement statement, Task stored) throws SQLException {
        Sql.bind(statement, 1, tenant.value(), dialect);
        Sql.bind(statement, 2, stored.id().value(), dialect);
        bind(statement, 3, data(stored));
    }

    /** Binds the data columns of {@code stored} and the key for {@link #updateSql}. */
    void bindUpdate(PreparedStatement statement, Task stored, long expectedVersion) throws SQLException {
        Object[] data = data(stored);
        bind(statement, 1, data);
        int next = data.length + 1;
        Sql.bind(statement, next, tenant.value(), dialect);
        Sql.bind(statement, next + 1, stored.id().value(), dialect);
        Sql.bind(statement, next + 2, expectedVersion, dialect);
    }

    private void bind(PreparedStatement statement, int first, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Sql.bind(statement, first + i, values[i], dialect);
        }
    }

    /** The values of {@link #DATA_COLUMNS} for {@code t}, in order. */
    private Object[] data(Task t) {
        return new Object[] {
            t.version(),
            t.kind().name(),
            t.title(),
            text(t.notes().orElse(null)),
            t.due(),
            t.assignee().value(),
            t.priority().name(),
            t.status().name(),
            uuid(t.customer().map(CustomerId::value).orElse(null)),
            uuid(t.opportunity().orElse(null)),
            uuid(t.request().map(RequestId::value).orElse(null)),
            text(t.origin().orElse(null)),
            t.completedAt().<Object>map(c -> c).orElse(Sql.NULL_INSTANT),
            t.audit().createdAt(),
            t.audit().createdBy().kind().name(),
            t.audit().createdBy().id(),
            t.audit().updatedAt(),
            t.audit().updatedBy().kind().name(),
            t.audit().updatedBy().id()
        };
    }

    private static Object text(String value) {
        return value == null ? Sql.NULL_TEXT : value;
    }

    private Object uuid(UUID value) {
        return value == null ? nullUuid : value;
    }

    /** A batch of reminder rows, to which {@link #addReminderRows} adds. */
    RowBatch reminderRows() {
        return new RowBatch("crm_task_reminder", REMINDER_INSERT_COLUMNS, REMINDER_ROW, dialect);
    }

    /** Adds the rows of the reminders of {@code stored} (as {@link #stored} made it) to {@code rows}. */
    void addReminderRows(RowBatch rows, Task stored) {
        List<Reminder> reminders = stored.reminders();
        for (int seq = 0; seq < reminders.size(); seq++) {
            Reminder r = reminders.get(seq);
            rows.add(
                    tenant.value(),
                    stored.id().value(),
                    seq,
                    Instants.toMicros(r.beforeDue(), "task.reminders[" + seq + "].beforeDue"),
                    r.remindAt(),
                    r.delivered(),
                    stored.status() == TaskStatus.OPEN);
        }
    }

    /** Reads a task's own row, selected with {@link #COLUMNS}. */
    Head readHead(ResultSet rows) throws SQLException {
        return new Head(dialect.getUuid(rows, "id"), rows.getLong("version"), builder(rows));
    }

    private Task.Builder builder(ResultSet rows) throws SQLException {
        UUID customer = dialect.getUuid(rows, "customer_id");
        UUID request = dialect.getUuid(rows, "request_id");
        return Task.builder(
                        new TaskId(dialect.getUuid(rows, "id")),
                        tenant,
                        rows.getString("title"),
                        dialect.getInstant(rows, "due"),
                        StaffId.of(rows.getString("assignee")),
                        new Audit(
                                dialect.getInstant(rows, "created_at"),
                                new Actor(
                                        Actor.Kind.valueOf(rows.getString("created_by_kind")),
                                        rows.getString("created_by")),
                                dialect.getInstant(rows, "updated_at"),
                                new Actor(
                                        Actor.Kind.valueOf(rows.getString("updated_by_kind")),
                                        rows.getString("updated_by"))))
                .kind(TaskKind.valueOf(rows.getString("kind")))
                .notes(rows.getString("notes"))
                .priority(Priority.valueOf(rows.getString("priority")))
                .status(TaskStatus.valueOf(rows.getString("status")))
                .customer(customer == null ? null : new CustomerId(customer))
                .opportunity(dialect.getUuid(rows, "opportunity_id"))
                .request(request == null ? null : new RequestId(request))
                .origin(rows.getString("origin"))
                .completedAt(dialect.getInstant(rows, "completed_at"))
                .version(rows.getLong("version"));
    }

    /** Reads the reminder of a row selected with {@link #REMINDER_COLUMNS}. */
    Reminder readReminder(ResultSet rows) throws SQLException {
        return new Reminder(
                Duration.of(rows.getLong("before_due_micros"), ChronoUnit.MICROS),
                dialect.getInstant(rows, "remind_at"),
                rows.getBoolean("delivered"));
    }

    /** A task's own row, read before its reminders are joined to it. */
    record Head(UUID id, long version, Task.Builder task) {

        /** The task with {@code reminders}, in order. */
        Task assemble(List<Reminder> reminders) {
            return task.reminders(reminders).build();
        }
    }
}
