package org.crmkit.jpa.internal;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * The primary key of a {@link OrderLineEntity}: the tenant, the order's id and the row's 0-based
 * position in the order's lines. Public only because Jakarta Persistence requires id classes to be; not part of
 * CRMKit's API.
 */
public final class OrderLineKey implements Serializable {
    private static final long serialVersionUID = 1L;

    private String tenantId;
    private UUID orderId;
    private short seq;

    /** For the persistence provider. */
    public OrderLineKey() {}

    /** The key with these parts. */
    public OrderLineKey(String tenantId, UUID orderId, short seq) {
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.orderId = Objects.requireNonNull(orderId, "orderId");
        this.seq = seq;
    }

    /** The tenant. */
    public String getTenantId() {
        return tenantId;
    }

    /** The order's id. */
    public UUID getOrderId() {
        return orderId;
    }

    /** The 0-based position in the order's lines. */
    public short getSeq() {
        return seq;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OrderLineKey k
                && Objects.equals(tenantId, k.tenantId)
                && Objects.equals(orderId, k.orderId)
                && seq == k.seq;
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenantId, orderId, seq);
    }

    @Override
    public String toString() {
        return tenantId + "/" + orderId + "/" + seq;
    }
}
