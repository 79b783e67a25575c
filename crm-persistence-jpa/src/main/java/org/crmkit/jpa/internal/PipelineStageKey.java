package org.crmkit.jpa.internal;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * The primary key of a {@link PipelineStageEntity}: the tenant, the pipeline's id and the row's 0-based
 * position in the pipeline's stages. Public only because Jakarta Persistence requires id classes to be; not part of
 * CRMKit's API.
 */
public final class PipelineStageKey implements Serializable {
    private static final long serialVersionUID = 1L;

    private String tenantId;
    private UUID pipelineId;
    private short seq;

    /** For the persistence provider. */
    public PipelineStageKey() {}

    /** The key with these parts. */
    public PipelineStageKey(String tenantId, UUID pipelineId, short seq) {
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.pipelineId = Objects.requireNonNull(pipelineId, "pipelineId");
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

    /** The 0-based position in the pipeline's stages. */
    public short getSeq() {
        return seq;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PipelineStageKey k
                && Objects.equals(tenantId, k.tenantId)
                && Objects.equals(pipelineId, k.pipelineId)
                && seq == k.seq;
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenantId, pipelineId, seq);
    }

    @Override
    public String toString() {
        return tenantId + "/" + pipelineId + "/" + seq;
    }
}
