package org.crmkit.jpa.internal;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * The primary key of a {@link TaskReminderEntity}: the tenant, the task's id and the reminder's 0-based position in the task's list. Public only because Jakarta Persistence requires id classes to be; not
 * part of CRMKit's API.
 */
public final class TaskReminderKey implements Serializable {
    private static final long serialVersionUID = 1L;

    private String tenantId;
    private UUID taskId;
    private short seq;

    /** For the persistence provider. */
    public TaskReminderKey() {}

    /** The key with these parts. */
    public TaskReminderKey(String tenantId, UUID taskId, short seq) {
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.taskId = Objects.requireNonNull(taskId, "taskId");
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

    /** The 0-based position in the task's list of reminders. */
    public short getSeq() {
        return seq;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TaskReminderKey k
                && Objects.equals(tenantId, k.tenantId)
                && Objects.equals(taskId, k.taskId)
                && seq == k.seq;
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenantId, taskId, seq);
    }

    @Override
    public String toString() {
        return tenantId + "/" + taskId + "/" + seq;
    }
}
