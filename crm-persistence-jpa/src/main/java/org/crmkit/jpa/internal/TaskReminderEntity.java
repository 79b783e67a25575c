package org.crmkit.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One reminder of a task: a row of {@code crmkit_task_reminder}, at its position in the task's list
 * (earliest first). Written only together with its task, whose version covers it. Not part of
 * CRMKit's API; not thread-safe.
 */
@Entity(name = "CrmkitTaskReminder")
@Table(name = "crmkit_task_reminder")
@IdClass(TaskReminderKey.class)
public class TaskReminderEntity {
    @Id
    @Column(name = "tenant_id", nullable = false, length = 64)
    private String tenantId;

    @Id
    @Column(name = "task_id", nullable = false)
    private UUID taskId;

    @Id
    @Column(name = "seq", nullable = false)
    private short seq;

    @Column(name = "before_due_micros", nullable = false)
    private long beforeDueMicros;

    @Column(name = "remind_at", nullable = false)
    private Instant remindAt;

    @Column(name = "delivered", nullable = false)
    private boolean delivered;

    /** For the persistence provider. */
    protected TaskReminderEntity() {}

    /** A new, not yet persisted reminder row of {@code task} at position {@code seq}. */
    public TaskReminderEntity(TaskEntity task, short seq) {
        this.tenantId = task.getTenantId();
        this.taskId = task.getId();
        this.seq = seq;
    }

    /** The tenant. */
    public String getTenantId() {
        return tenantId;
    }

    /** The task's id. */
    public UUID getTaskId() {
        return taskId;
    }

    /** The 0-based position among the task's reminders. */
    public short getSeq() {
        return seq;
    }

    /** How long before the task's due time it fires, in whole microseconds. */
    public long getBeforeDueMicros() {
        return beforeDueMicros;
    }

    /** Sets how long before the due time it fires. */
    public void setBeforeDueMicros(long beforeDueMicros) {
        this.beforeDueMicros = beforeDueMicros;
    }

    /** When it fires. */
    public Instant getRemindAt() {
        return remindAt;
    }

    /** Sets when it fires. */
    public void setRemindAt(Instant remindAt) {
        this.remindAt = remindAt;
    }

    /** Whether it was handed out. */
    public boolean isDelivered() {
        return delivered;
    }

    /** Sets whether it was handed out. */
    public void setDelivered(boolean delivered) {
        this.delivered = delivered;
    }
}
