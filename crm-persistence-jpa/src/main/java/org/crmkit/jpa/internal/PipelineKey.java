package org.crmkit.jpa.internal;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * The primary key of a {@link PipelineEntity}: the tenant first, then the pipeline's id. Public only because
 * Jakarta Persistence requires id classes to be; not part of CRMKit's API.
 */
public final class PipelineKey implements Serializable {
    private static final long serialVersionUID = 1L;

    private String tenantId;
    private UUID id;

    /** For the persistence provider. */
    public PipelineKey() {}

    /** The key with these parts. */
    public PipelineKey(String tenantId, UUID id) {
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.id = Objects.requireNonNull(id, "id");
    }

    /** The tenant. */
    public String getTenantId() {
        return tenantId;
    }

    /** The pipeline's id. */
    public UUID getId() {
        return id;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PipelineKey k && Objects.equals(tenantId, k.tenantId) && Objects.equals(id, k.id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenantId, id);
    }

    @Override
    public String toString() {
        return tenantId + "/" + id;
    }
}
