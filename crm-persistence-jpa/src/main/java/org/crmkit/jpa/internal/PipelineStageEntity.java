package org.crmkit.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * One stage of a pipeline: a row of {@code crmkit_pipeline_stage}, at its position in the pipeline's
 * order. Written only together with its pipeline, whose version covers it; a move rewrites the rows
 * of the positions it changes. Not part of CRMKit's API; not thread-safe.
 */
@Entity(name = "CrmkitPipelineStage")
@Table(name = "crmkit_pipeline_stage")
@IdClass(PipelineStageKey.class)
public class PipelineStageEntity {
    @Id
    @Column(name = "tenant_id", nullable = false, length = 64)
    private String tenantId;

    @Id
    @Column(name = "pipeline_id", nullable = false)
    private UUID pipelineId;

    @Id
    @Column(name = "seq", nullable = false)
    private short seq;

    @Column(name = "stage_id", nullable = false)
    private UUID stageId;

    @Column(name = "name", nullable = false, length = 100)
    private String name;

    @Column(name = "probability", nullable = false)
    private short probability;

    @Column(name = "category", nullable = false, length = 16)
    private String category;

    @Column(name = "retired", nullable = false)
    private boolean retired;

    /** For the persistence provider. */
    protected PipelineStageEntity() {}

    /** A new, not yet persisted stage row of {@code parent} at position {@code seq}. */
    public PipelineStageEntity(PipelineEntity parent, short seq) {
        this.tenantId = parent.getTenantId();
        this.pipelineId = parent.getId();
        this.seq = seq;
    }

    /** The tenant. */
    public String getTenantId() {
        return tenantId;
    }

    /** The pipeline's id. */
    public UUID getPipelineId() {
        return pipelineId;
    }

    /** The 0-based position among the pipeline's stages. */
    public short getSeq() {
        return seq;
    }

    /** The stage's id. */
    public UUID getStageId() {
        return stageId;
    }

    /** Sets the stage's id. */
    public void setStageId(UUID stageId) {
        this.stageId = stageId;
    }

    /** The name. */
    public String getName() {
        return name;
    }

    /** Sets the name. */
    public void setName(String name) {
        this.name = name;
    }

    /** The default win probability, in percent. */
    public short getProbability() {
        return probability;
    }

    /** Sets the default win probability. */
    public void setProbability(short probability) {
        this.probability = probability;
    }

    /** The {@code ForecastCategory} name. */
    public String getCategory() {
        return category;
    }

    /** Sets the forecast category. */
    public void setCategory(String category) {
        this.category = category;
    }

    /** Whether it takes no new opportunities. */
    public boolean isRetired() {
        return retired;
    }

    /** Sets whether it is retired. */
    public void setRetired(boolean retired) {
        this.retired = retired;
    }
}
