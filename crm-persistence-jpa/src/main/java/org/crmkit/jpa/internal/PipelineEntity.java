package org.crmkit.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.UUID;

/**
 * The row of one sales pipeline in {@code crmkit_pipeline}. Its stages are rows of their own ({@link
 * PipelineStageEntity}) that the store writes and reads itself, so the provider never loads a
 * collection behind the store's back; {@link #getStageCount()} says how many there are, so that a
 * read can tell it saw every stage of the version it read. The won and lost reasons are JSON columns.
 * The store maps it to and from the core's immutable {@code Pipeline}. Not part of CRMKit's API; not
 * thread-safe.
 *
 * <p>The JPA {@link #getVersion() version} starts at 0 on insert; the core's version is one higher.
 * Every save of a pipeline moves it on, also one that changes only stages.
 */
@Entity(name = "CrmkitPipeline")
@Table(name = "crmkit_pipeline")
@IdClass(PipelineKey.class)
public class PipelineEntity {
    @Id
    @Column(name = "tenant_id", nullable = false, length = 64)
    private String tenantId;

    @Id
    @Column(name = "id", nullable = false)
    private UUID id;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @Column(name = "name", nullable = false, length = 100)
    private String name;

    @Convert(converter = ReasonListConverter.class)
    @Column(name = "won_reasons", nullable = false)
    private ReasonList wonReasons;

    @Convert(converter = ReasonListConverter.class)
    @Column(name = "lost_reasons", nullable = false)
    private ReasonList lostReasons;

    @Column(name = "stage_count", nullable = false)
    private short stageCount;

    @Embedded
    private AuditValue audit;

    /** For the persistence provider. */
    protected PipelineEntity() {}

    /** A new, not yet persisted pipeline row. */
    public PipelineEntity(String tenantId, UUID id) {
        this.tenantId = tenantId;
        this.id = id;
    }

    /** The tenant. */
    public String getTenantId() {
        return tenantId;
    }

    /** The pipeline's id. */
    public UUID getId() {
        return id;
    }

    /** The JPA version: 0 after the insert, one higher after each update. */
    public long getVersion() {
        return version;
    }

    /** The name. */
    public String getName() {
        return name;
    }

    /** Sets the name. */
    public void setName(String name) {
        this.name = name;
    }

    /** The reasons an opportunity may be won for; empty means any. */
    public ReasonList getWonReasons() {
        return wonReasons;
    }

    /** Sets the won reasons. */
    public void setWonReasons(ReasonList wonReasons) {
        this.wonReasons = wonReasons;
    }

    /** The reasons an opportunity may be lost for; empty means any. */
    public ReasonList getLostReasons() {
        return lostReasons;
    }

    /** Sets the lost reasons. */
    public void setLostReasons(ReasonList lostReasons) {
        this.lostReasons = lostReasons;
    }

    /** How many rows of {@code crmkit_pipeline_stage} it has. */
    public short getStageCount() {
        return stageCount;
    }

    /** Sets how many stages it has. */
    public void setStageCount(short stageCount) {
        this.stageCount = stageCount;
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
