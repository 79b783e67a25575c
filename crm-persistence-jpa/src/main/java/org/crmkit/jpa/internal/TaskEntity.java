package org.crmkit.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * The row of one task in {@code crmkit_task}. Its reminders are rows of their own ({@link
 * TaskReminderEntity}) that the store writes and reads itself, so the provider never loads a
 * collection behind the store's back; {@link #getReminderCount()} says how many there are, so that a
 * read of tasks without reminders skips that table. The store maps it to and from the core's
 * immutable {@code Task}. Not part of CRMKit's API; not thread-safe.
 *
 * <p>The JPA {@link #getVersion() version} starts at 0 on insert; the core's version is one higher.
 * Every save of a task moves it on, also one that changes only reminders.
 */
@Entity(name = "CrmkitTask")
@Table(name = "crmkit_task")
@IdClass(TaskKey.class)
public class TaskEntity {
    @Id
    @Column(name = "tenant_id", nullable = false, length = 64)
    private String tenantId;

    @Id
    @Column(name = "id", nullable = false)
    private UUID id;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @Column(name = "kind", nullable = false, length = 16)
    private String kind;

    @Column(name = "title", nullable = false, length = 300)
    private String title;

    @Column(name = "notes", length = 4000)
    private String notes;

    @Column(name = "due", nullable = false)
    private Instant due;

    @Column(name = "assignee_id", nullable = false, length = 128)
    private String assigneeId;

    @Column(name = "priority", nullable = false, length = 8)
    private String priority;

    @Column(name = "status", nullable = false, length = 16)
    private String status;

    @Column(name = "customer_id")
    private UUID customerId;

    @Column(name = "opportunity_id")
    private UUID opportunityId;

    @Column(name = "request_id")
    private UUID requestId;

    @Column(name = "origin", length = 200)
    private String origin;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Column(name = "reminder_count", nullable = false)
    private short reminderCount;

    @Embedded
    private AuditValue audit;

    /** For the persistence provider. */
    protected TaskEntity() {}

    /** A new, not yet persisted task row. */
    public TaskEntity(String tenantId, UUID id) {
        this.tenantId = tenantId;
        this.id = id;
    }

    /** The tenant. */
    public String getTenantId() {
        return tenantId;
    }

    /** The task's id. */
    public UUID getId() {
        return id;
    }

    /** The JPA version: 0 after the insert, one higher after each update. */
    public long getVersion() {
        return version;
    }

    /** The {@code TaskKind} name. */
    public String getKind() {
        return kind;
    }

    /** Sets the kind. */
    public void setKind(String kind) {
        this.kind = kind;
    }

    /** The title. */
    public String getTitle() {
        return title;
    }

    /** Sets the title. */
    public void setTitle(String title) {
        this.title = title;
    }

    /** The notes, or null. */
    public String getNotes() {
        return notes;
    }

    /** Sets the notes. */
    public void setNotes(String notes) {
        this.notes = notes;
    }

    /** When it is due. */
    public Instant getDue() {
        return due;
    }

    /** Sets when it is due. */
    public void setDue(Instant due) {
        this.due = due;
    }

    /** The assignee's staff id. */
    public String getAssigneeId() {
        return assigneeId;
    }

    /** Sets the assignee. */
    public void setAssigneeId(String assigneeId) {
        this.assigneeId = assigneeId;
    }

    /** The {@code Priority} name. */
    public String getPriority() {
        return priority;
    }

    /** Sets the priority. */
    public void setPriority(String priority) {
        this.priority = priority;
    }

    /** The {@code TaskStatus} name. */
    public String getStatus() {
        return status;
    }

    /** Sets the status. */
    public void setStatus(String status) {
        this.status = status;
    }

    /** The customer's id, or null. */
    public UUID getCustomerId() {
        return customerId;
    }

    /** Sets the customer. */
    public void setCustomerId(UUID customerId) {
        this.customerId = customerId;
    }

    /** The opportunity's id, or null. */
    public UUID getOpportunityId() {
        return opportunityId;
    }

    /** Sets the opportunity. */
    public void setOpportunityId(UUID opportunityId) {
        this.opportunityId = opportunityId;
    }

    /** The request's id, or null. */
    public UUID getRequestId() {
        return requestId;
    }

    /** Sets the request. */
    public void setRequestId(UUID requestId) {
        this.requestId = requestId;
    }

    /** What produced it, or null. */
    public String getOrigin() {
        return origin;
    }

    /** Sets what produced it. */
    public void setOrigin(String origin) {
        this.origin = origin;
    }

    /** When it was done or cancelled, or null. */
    public Instant getCompletedAt() {
        return completedAt;
    }

    /** Sets when it was done or cancelled. */
    public void setCompletedAt(Instant completedAt) {
        this.completedAt = completedAt;
    }

    /** How many rows of {@code crmkit_task_reminder} it has. */
    public short getReminderCount() {
        return reminderCount;
    }

    /** Sets how many reminders it has. */
    public void setReminderCount(short reminderCount) {
        this.reminderCount = reminderCount;
    }

    /** The audit columns. */
    public AuditValue getAudit() {
        return audit;
    }

    /** Sets the audit columns. */
    public void setAudit(AuditValue audit) {
        this.audit = audit;
    }
}
