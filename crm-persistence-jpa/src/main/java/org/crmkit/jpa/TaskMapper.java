package org.crmkit.jpa;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
import org.crmkit.jpa.internal.TaskEntity;
import org.crmkit.jpa.internal.TaskReminderEntity;

/**
 * Maps the core's immutable {@link Task} to and from its rows: a {@link TaskEntity} and a {@link
 * TaskReminderEntity} per reminder, in the task's order. Instants and reminder offsets are kept to
 * the microsecond: {@link #normalised} is the task exactly as the store will hand it back. Stateless.
 */
final class TaskMapper {
    private TaskMapper() {}

    /**
     * {@code task} with its instants and reminder offsets truncated to microseconds, each reminder
     * firing at the truncated due time less its truncated offset; itself when none needs it.
     */
    static Task normalised(Task task) {
        boolean micros = CustomerMapper.isMicros(task.due())
                && task.completedAt().map(CustomerMapper::isMicros).orElse(true)
                && CustomerMapper.isMicros(task.audit().createdAt())
                && CustomerMapper.isMicros(task.audit().updatedAt());
        for (Reminder r : task.reminders()) {
            micros &= r.beforeDue().getNano() % 1000 == 0;
        }
        if (micros) {
            return task;
        }
        Instant due = CustomerMapper.micros(task.due());
        List<Reminder> reminders = new ArrayList<>(task.reminders().size());
        for (Reminder r : task.reminders()) {
            Duration beforeDue = r.beforeDue().truncatedTo(ChronoUnit.MICROS);
            reminders.add(new Reminder(beforeDue, due.minus(beforeDue), r.delivered()));
        }
        return Task.builder(
                        task.id(),
                        task.tenant(),
                        task.title(),
                        due,
                        task.assignee(),
                        CustomerMapper.micros(task.audit()))
                .kind(task.kind())
                .notes(task.notes().orElse(null))
                .priority(task.priority())
                .status(task.status())
                .customer(task.customer().orElse(null))
                .opportunity(task.opportunity().orElse(null))
                .request(task.request().orElse(null))
                .reminders(reminders)
                .origin(task.origin().orElse(null))
                .completedAt(task.completedAt().map(CustomerMapper::micros).orElse(null))
                .version(task.version())
                .build();
    }

    /** A new row holding {@code task}, which must be {@link #normalised}, without its reminders. */
    static TaskEntity newEntity(Task task) {
        TaskEntity entity = new TaskEntity(task.tenant().value(), task.id().value());
        apply(task, entity);
        return entity;
    }

    /**
     * Writes the state of {@code task} (already {@link #normalised}) but its reminders into {@code
     * entity}; the reminder count too.
     *
     * @return whether any column changed
     */
    static boolean apply(Task task, TaskEntity entity) {
        List<Object> before = columns(entity);
        entity.setKind(task.kind().name());
        entity.setTitle(task.title());
        entity.setNotes(task.notes().orElse(null));
        entity.setDue(task.due());
        entity.setAssigneeId(task.assignee().value());
        entity.setPriority(task.priority().name());
        entity.setStatus(task.status().name());
        entity.setCustomerId(task.customer().map(CustomerId::value).orElse(null));
        entity.setOpportunityId(task.opportunity().orElse(null));
        entity.setRequestId(task.request().map(RequestId::value).orElse(null));
        entity.setOrigin(task.origin().orElse(null));
        entity.setCompletedAt(task.completedAt().orElse(null));
        entity.setReminderCount((short) task.reminders().size());
        entity.setAudit(CustomerMapper.auditValue(task.audit()));
        return !before.equals(columns(entity));
    }

    /**
     * Writes {@code reminder} into the row at its position.
     *
     * @return whether any column changed
     */
    static boolean apply(Reminder reminder, TaskReminderEntity row) {
        long micros = micros(reminder.beforeDue());
        boolean changed = row.getBeforeDueMicros() != micros
                || !reminder.remindAt().equals(row.getRemindAt())
                || row.isDelivered() != reminder.delivered();
        row.setBeforeDueMicros(micros);
        row.setRemindAt(reminder.remindAt());
        row.setDelivered(reminder.delivered());
        return changed;
    }

    /** The reminder a row of {@code crmkit_task_reminder} holds. */
    static Reminder reminder(long beforeDueMicros, Instant remindAt, boolean delivered) {
        return new Reminder(Duration.of(beforeDueMicros, ChronoUnit.MICROS), remindAt, delivered);
    }

    /** The task held by {@code entity} with {@code reminders}. */
    static Task toDomain(TaskEntity entity, List<Reminder> reminders) {
        return Task.builder(
                        new TaskId(entity.getId()),
                        TenantId.of(entity.getTenantId()),
                        entity.getTitle(),
                        entity.getDue(),
                        StaffId.of(entity.getAssigneeId()),
                        CustomerMapper.audit(entity.getAudit()))
                .kind(TaskKind.valueOf(entity.getKind()))
                .notes(entity.getNotes())
                .priority(Priority.valueOf(entity.getPriority()))
                .status(TaskStatus.valueOf(entity.getStatus()))
                .customer(entity.getCustomerId() == null ? null : new CustomerId(entity.getCustomerId()))
                .opportunity(entity.getOpportunityId())
                .request(entity.getRequestId() == null ? null : new RequestId(entity.getRequestId()))
                .reminders(reminders)
                .origin(entity.getOrigin())
                .completedAt(entity.getCompletedAt())
                .version(entity.getVersion() + 1)
                .build();
    }

    /** {@code duration} (whole microseconds, not negative) in microseconds. */
    private static long micros(Duration duration) {
        return Math.addExact(Math.multiplyExact(duration.getSeconds(), 1_000_000L), duration.getNano() / 1_000);
    }

    /** The values of every column of {@code e} but its key and version, to tell a change. */
    private static List<Object> columns(TaskEntity e) {
        return Arrays.asList(
                e.getKind(),
                e.getTitle(),
                e.getNotes(),
                e.getDue(),
                e.getAssigneeId(),
                e.getPriority(),
                e.getStatus(),
                e.getCustomerId(),
                e.getOpportunityId(),
                e.getRequestId(),
                e.getOrigin(),
                e.getCompletedAt(),
                e.getReminderCount(),
                e.getAudit());
    }
}
