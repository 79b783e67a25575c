package org.crmkit.jpa.internal;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * The primary key of a {@link OpportunityLineEntity}: the tenant, the opportunity's id and the row's 0-based
 * position in the opportunity's line items. Public only because Jakarta Persistence requires id classes to be; not part of
 * CRMKit's API.
 */
public final class OpportunityLineKey implements Serializable {
    private static final long serialVersionUID = 1L;

    private String tenantId;
    private UUID opportunityId;
    private short seq;

    /** For the persistence provider. */
    public OpportunityLineKey() {}

    /** The key with these parts. */
    public OpportunityLineKey(String tenantId, UUID opportunityId, short seq) {
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.opportunityId = Objects.requireNonNull(opportunityId, "opportunityId");
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

    /** The 0-based position in the opportunity's line items. */
    public short getSeq() {
        return seq;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OpportunityLineKey k
                && Objects.equals(tenantId, k.tenantId)
                && Objects.equals(opportunityId, k.opportunityId)
                && seq == k.seq;
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenantId, opportunityId, seq);
    }

    @Override
    public String toString() {
        return tenantId + "/" + opportunityId + "/" + seq;
    }
}
