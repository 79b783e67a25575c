package org.crmkit.jpa.internal;

import java.io.Serializable;
import java.util.Objects;

/**
 * The primary key of a {@link RotationEntity}: the tenant first, then the team's id. Public only because Jakarta Persistence requires id classes to be; not
 * part of CRMKit's API.
 */
public final class RotationKey implements Serializable {
    private static final long serialVersionUID = 1L;

    private String tenantId;
    private String teamId;

    /** For the persistence provider. */
    public RotationKey() {}

    /** The key with these parts. */
    public RotationKey(String tenantId, String teamId) {
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.teamId = Objects.requireNonNull(teamId, "teamId");
    }

    /** The tenant. */
    public String getTenantId() {
        return tenantId;
    }

    /** The team's id. */
    public String getTeamId() {
        return teamId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RotationKey k && Objects.equals(tenantId, k.tenantId) && Objects.equals(teamId, k.teamId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenantId, teamId);
    }

    @Override
    public String toString() {
        return tenantId + "/" + teamId;
    }
}
