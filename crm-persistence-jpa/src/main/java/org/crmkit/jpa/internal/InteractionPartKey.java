package org.crmkit.jpa.internal;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * The primary key of a row that belongs to one interaction, an {@link InteractionParticipantEntity}
 * or an {@link InteractionLinkEntity}: the tenant, the interaction's id and the row's 0-based
 * position in the interaction's list. Public only because Jakarta Persistence requires id classes to
 * be; not part of CRMKit's API.
 */
public final class InteractionPartKey implements Serializable {
    private static final long serialVersionUID = 1L;

    private String tenantId;
    private UUID interactionId;
    private short seq;

    /** For the persistence provider. */
    public InteractionPartKey() {}

    /** The key of the row at position {@code seq} of interaction {@code interactionId} of tenant {@code tenantId}. */
    public InteractionPartKey(String tenantId, UUID interactionId, short seq) {
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.interactionId = Objects.requireNonNull(interactionId, "interactionId");
        this.seq = seq;
    }

    /** The tenant. */
    public String getTenantId() {
        return tenantId;
    }

    /** The interaction's id. */
    public UUID getInteractionId() {
        return interactionId;
    }

    /** The 0-based position in the interaction's list. */
    public short getSeq() {
        return seq;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InteractionPartKey k
                && seq == k.seq
                && Objects.equals(tenantId, k.tenantId)
                && Objects.equals(interactionId, k.interactionId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenantId, interactionId, seq);
    }

    @Override
    public String toString() {
        return tenantId + "/" + interactionId + "/" + seq;
    }
}
