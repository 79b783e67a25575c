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
 * The row of one service request in {@code crmkit_request}. The store maps it to and from the core's
 * immutable {@code Request}; {@link #getNextDeadline() next_deadline} is derived from the other
 * columns and written on every save, so that overdue requests are found along an index. Not part of
 * CRMKit's API; not thread-safe.
 *
 * <p>The JPA {@link #getVersion() version} starts at 0 on insert; the core's version is one higher.
 */
@Entity(name = "CrmkitRequest")
@Table(name = "crmkit_request")
@IdClass(RequestKey.class)
public class RequestEntity {
    @Id
    @Column(name = "tenant_id", nullable = false, length = 64)
    private String tenantId;

    @Id
    @Column(name = "id", nullable = false)
    private UUID id;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @Column(name = "customer_id", nullable = false)
    private UUID customerId;

    @Column(name = "channel", nullable = false, length = 32)
    private String channel;

    @Column(name = "kind", nullable = false, length = 16)
    private String kind;

    @Column(name = "priority", nullable = false, length = 8)
    private String priority;

    @Column(name = "subject", nullable = false, length = 300)
    private String subject;

    @Column(name = "topic", length = 128)
    private String topic;

    @Column(name = "opened_by")
    private UUID openedBy;

    @Column(name = "status", nullable = false, length = 24)
    private String status;

    @Column(name = "assignee_id", length = 128)
    private String assigneeId;

    @Column(name = "team_id", length = 128)
    private String teamId;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    @Column(name = "first_response_due", nullable = false)
    private Instant firstResponseDue;

    @Column(name = "resolution_due", nullable = false)
    private Instant resolutionDue;

    @Column(name = "first_responded_at")
    private Instant firstRespondedAt;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "first_response_overdue_notified", nullable = false)
    private boolean firstResponseOverdueNotified;

    @Column(name = "resolution_overdue_notified", nullable = false)
    private boolean resolutionOverdueNotified;

    @Column(name = "next_deadline")
    private Instant nextDeadline;

    @Embedded
    private AuditValue audit;

    /** For the persistence provider. */
    protected RequestEntity() {}

    /** A new, not yet persisted request row. */
    public RequestEntity(String tenantId, UUID id) {
        this.tenantId = tenantId;
        this.id = id;
    }

    /** The tenant. */
    public String getTenantId() {
        return tenantId;
    }

    /** The request's id. */
    public UUID getId() {
        return id;
    }

    /** The JPA version: 0 after the insert, one higher after each update. */
    public long getVersion() {
        return version;
    }

    /** The customer who asked. */
    public UUID getCustomerId() {
        return customerId;
    }

    /** Sets the customer who asked. */
    public void setCustomerId(UUID customerId) {
        this.customerId = customerId;
    }

    /** The {@code Channel} name. */
    public String getChannel() {
        return channel;
    }

    /** Sets the channel. */
    public void setChannel(String channel) {
        this.channel = channel;
    }

    /** The {@code RequestKind} name. */
    public String getKind() {
        return kind;
    }

    /** Sets the kind. */
    public void setKind(String kind) {
        this.kind = kind;
    }

    /** The {@code Priority} name. */
    public String getPriority() {
        return priority;
    }

    /** Sets the priority. */
    public void setPriority(String priority) {
        this.priority = priority;
    }

    /** The subject line. */
    public String getSubject() {
        return subject;
    }

    /** Sets the subject line. */
    public void setSubject(String subject) {
        this.subject = subject;
    }

    /** The topic, or null. */
    public String getTopic() {
        return topic;
    }

    /** Sets the topic. */
    public void setTopic(String topic) {
        this.topic = topic;
    }

    /** The id of the interaction that opened it, or null. */
    public UUID getOpenedBy() {
        return openedBy;
    }

    /** Sets the interaction that opened it. */
    public void setOpenedBy(UUID openedBy) {
        this.openedBy = openedBy;
    }

    /** The {@code RequestStatus} name. */
    public String getStatus() {
        return status;
    }

    /** Sets the status. */
    public void setStatus(String status) {
        this.status = status;
    }

    /** The assignee's staff id, or null. */
    public String getAssigneeId() {
        return assigneeId;
    }

    /** Sets the assignee. */
    public void setAssigneeId(String assigneeId) {
        this.assigneeId = assigneeId;
    }

    /** The team's id, or null. */
    public String getTeamId() {
        return teamId;
    }

    /** Sets the team. */
    public void setTeamId(String teamId) {
        this.teamId = teamId;
    }

    /** When it was opened. */
    public Instant getOpenedAt() {
        return openedAt;
    }

    /** Sets when it was opened. */
    public void setOpenedAt(Instant openedAt) {
        this.openedAt = openedAt;
    }

    /** When the first response is due. */
    public Instant getFirstResponseDue() {
        return firstResponseDue;
    }

    /** Sets when the first response is due. */
    public void setFirstResponseDue(Instant firstResponseDue) {
        this.firstResponseDue = firstResponseDue;
    }

    /** When resolution is due. */
    public Instant getResolutionDue() {
        return resolutionDue;
    }

    /** Sets when resolution is due. */
    public void setResolutionDue(Instant resolutionDue) {
        this.resolutionDue = resolutionDue;
    }

    /** When staff first responded, or null. */
    public Instant getFirstRespondedAt() {
        return firstRespondedAt;
    }

    /** Sets when staff first responded. */
    public void setFirstRespondedAt(Instant firstRespondedAt) {
        this.firstRespondedAt = firstRespondedAt;
    }

    /** When it was resolved, or null. */
    public Instant getResolvedAt() {
        return resolvedAt;
    }

    /** Sets when it was resolved. */
    public void setResolvedAt(Instant resolvedAt) {
        this.resolvedAt = resolvedAt;
    }

    /** When it was closed, or null. */
    public Instant getClosedAt() {
        return closedAt;
    }

    /** Sets when it was closed. */
    public void setClosedAt(Instant closedAt) {
        this.closedAt = closedAt;
    }

    /** Whether the passed first-response deadline was announced. */
    public boolean isFirstResponseOverdueNotified() {
        return firstResponseOverdueNotified;
    }

    /** Sets whether the passed first-response deadline was announced. */
    public void setFirstResponseOverdueNotified(boolean notified) {
        this.firstResponseOverdueNotified = notified;
    }

    /** Whether the passed resolution deadline was announced. */
    public boolean isResolutionOverdueNotified() {
        return resolutionOverdueNotified;
    }

    /** Sets whether the passed resolution deadline was announced. */
    public void setResolutionOverdueNotified(boolean notified) {
        this.resolutionOverdueNotified = notified;
    }

    /** The earliest pending deadline, or null when both are met. */
    public Instant getNextDeadline() {
        return nextDeadline;
    }

    /** Sets the earliest pending deadline. */
    public void setNextDeadline(Instant nextDeadline) {
        this.nextDeadline = nextDeadline;
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
