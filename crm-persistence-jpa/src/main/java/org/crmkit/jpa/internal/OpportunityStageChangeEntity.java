package org.crmkit.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One entry of an opportunity's stage history: a row of {@code crmkit_opportunity_stage_change}, at
 * its position, oldest first. Written only together with its opportunity, whose version covers it.
 * Not part of CRMKit's API; not thread-safe.
 */
@Entity(name = "CrmkitOpportunityStageChange")
@Table(name = "crmkit_opportunity_stage_change")
@IdClass(OpportunityStageChangeKey.class)
public class OpportunityStageChangeEntity {
    @Id
    @Column(name = "tenant_id", nullable = false, length = 64)
    private String tenantId;

    @Id
    @Column(name = "opportunity_id", nullable = false)
    private UUID opportunityId;

    @Id
    @Column(name = "seq", nullable = false)
    private int seq;

    @Column(name = "stage_id", nullable = false)
    private UUID stageId;

    @Column(name = "status", nullable = false, length = 8)
    private String status;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(name = "changed_by_kind", nullable = false, length = 8)
    private String changedByKind;

    @Column(name = "changed_by_id", nullable = false, length = 128)
    private String changedById;

    /** For the persistence provider. */
    protected OpportunityStageChangeEntity() {}

    /** A new, not yet persisted history row of {@code parent} at position {@code seq}. */
    public OpportunityStageChangeEntity(OpportunityEntity parent, int seq) {
        this.tenantId = parent.getTenantId();
        this.opportunityId = parent.getId();
        this.seq = seq;
    }

    /** The tenant. */
    public String getTenantId() {
        return tenantId;
    }

    /** The opportunity's id. */
    public UUID getOpportunityId() {
        return opportunityId;
    }

    /** The 0-based position in the opportunity's history, oldest first. */
    public int getSeq() {
        return seq;
    }

    /** The id of the stage entered (for a close, the stage it was closed in). */
    public UUID getStageId() {
        return stageId;
    }

    /** Sets the stage. */
    public void setStageId(UUID stageId) {
        this.stageId = stageId;
    }

    /** The {@code OpportunityStatus} name entered. */
    public String getStatus() {
        return status;
    }

    /** Sets the status. */
    public void setStatus(String status) {
        this.status = status;
    }

    /** When, to the microsecond. */
    public Instant getChangedAt() {
        return changedAt;
    }

    /** Sets when. */
    public void setChangedAt(Instant changedAt) {
        this.changedAt = changedAt;
    }

    /** The {@code Actor.Kind} name of who moved it. */
    public String getChangedByKind() {
        return changedByKind;
    }

    /** Sets the kind of who moved it. */
    public void setChangedByKind(String changedByKind) {
        this.changedByKind = changedByKind;
    }

    /** The id of who moved it. */
    public String getChangedById() {
        return changedById;
    }

    /** Sets the id of who moved it. */
    public void setChangedById(String changedById) {
        this.changedById = changedById;
    }
}
