package org.crmkit.jpa.internal;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * The primary key of a {@link OpportunityStageChangeEntity}: the tenant, the opportunity's id and the row's 0-based
 * position in the opportunity's stage history. Public only because Jakarta Persistence requires id classes to be; not part of
 * CRMKit's API.
 */
public final class OpportunityStageChangeKey implements Serializable {
    private static final long serialVersionUID = 1L;

    private String tenantId;
    private UUID opportunityId;
    private int seq;

    /** For the persistence provider. */
    public OpportunityStageChangeKey() {}

    /** The key with these parts. */
    public OpportunityStageChangeKey(String tenantId, UUID opportunityId, int seq) {
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

    /** The 0-based position in the opportunity's stage history. */
    public int getSeq() {
        return seq;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OpportunityStageChangeKey k
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
