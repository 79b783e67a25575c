package org.crmkit.jpa.internal;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * The primary key of a {@link OrderEntity}: the tenant first, then the order's id. Public only because
 * Jakarta Persistence requires id classes to be; not part of CRMKit's API.
 */
public final class OrderKey implements Serializable {
    private static final long serialVersionUID = 1L;

    private String tenantId;
    private UUID id;

    /** For the persistence provider. */
    public OrderKey() {}

    /** The key with these parts. */
    public OrderKey(String tenantId, UUID id) {
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.id = Objects.requireNonNull(id, "id");
    }

    /** The tenant. */
    public String getTenantId() {
        return tenantId;
    }

    /** The order's id. */
    public UUID getId() {
        return id;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OrderKey k && Objects.equals(tenantId, k.tenantId) && Objects.equals(id, k.id);
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
