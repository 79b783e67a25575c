package org.crmkit.jpa.internal;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The primary key of a {@link QuotaEntity}: the tenant first, then the first day of the month, then
 * the sales rep's staff id. Public only because Jakarta Persistence requires id classes to be; not
 * part of CRMKit's API.
 */
public final class QuotaKey implements Serializable {
    private static final long serialVersionUID = 1L;

    private String tenantId;
    private LocalDate monthStart;
    private String ownerId;

    /** For the persistence provider. */
    public QuotaKey() {}

    /** The key with these parts. */
    public QuotaKey(String tenantId, LocalDate monthStart, String ownerId) {
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.monthStart = Objects.requireNonNull(monthStart, "monthStart");
        this.ownerId = Objects.requireNonNull(ownerId, "ownerId");
    }

    /** The tenant. */
    public String getTenantId() {
        return tenantId;
    }

    /** The first day of the month. */
    public LocalDate getMonthStart() {
        return monthStart;
    }

    /** The sales rep's staff id. */
    public String getOwnerId() {
        return ownerId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QuotaKey k
                && Objects.equals(tenantId, k.tenantId)
                && Objects.equals(monthStart, k.monthStart)
                && Objects.equals(ownerId, k.ownerId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenantId, monthStart, ownerId);
    }

    @Override
    public String toString() {
        return tenantId + "/" + monthStart + "/" + ownerId;
    }
}
