package org.crmkit.jpa.internal;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * The primary key of a {@link OpportunityEntity}: the tenant first, then the opportunity's id. Public only because
 * Jakarta Persistence requires id classes to be; not part of CRMKit's API.
 */
public final class OpportunityKey implements Serializable {
    private static final long serialVersionUID = 1L;

    private String tenantId;
    private UUID id;

    /** For the persistence provider. */
    public OpportunityKey() {}

    /** The key with these parts. */
    public OpportunityKey(String tenantId, UUID id) {
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.id = Objects.requireNonNull(id, "id");
    }

    /** The tenant. */
    public String getTenantId() {
        return tenantId;
    }

    /** The opportunity's id. */
    public UUID getId() {
        return id;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OpportunityKey k && Objects.equals(tenantId, k.tenantId) && Objects.equals(id, k.id);
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
