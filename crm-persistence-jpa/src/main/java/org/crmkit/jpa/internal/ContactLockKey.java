package org.crmkit.jpa.internal;

import java.io.Serializable;
import java.util.Objects;

/**
 * The primary key of a {@link ContactLockEntity}: the tenant, the kind of contact ({@code EMAIL} or
 * {@code PHONE}) and the normalised value. Keys compare in that order, the order in which the store
 * takes contact locks. Public only because Jakarta Persistence requires id classes to be; not part of
 * CRMKit's API. Immutable once made by the store.
 */
public final class ContactLockKey implements Serializable, Comparable<ContactLockKey> {
    private static final long serialVersionUID = 1L;

    private String tenantId;
    private String kind;
    private String value;

    /** For the persistence provider. */
    public ContactLockKey() {}

    /** The key of the lock on {@code value}, a contact of kind {@code kind}, of tenant {@code tenantId}. */
    public ContactLockKey(String tenantId, String kind, String value) {
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.value = Objects.requireNonNull(value, "value");
    }

    /** The tenant. */
    public String getTenantId() {
        return tenantId;
    }

    /** The kind of contact, a {@code ContactKind} name. */
    public String getKind() {
        return kind;
    }

    /** The normalised e-mail address or phone number. */
    public String getValue() {
        return value;
    }

    @Override
    public int compareTo(ContactLockKey other) {
        int c = tenantId.compareTo(other.tenantId);
        if (c == 0) {
            c = kind.compareTo(other.kind);
        }
        return c != 0 ? c : value.compareTo(other.value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ContactLockKey k
                && Objects.equals(tenantId, k.tenantId)
                && Objects.equals(kind, k.kind)
                && Objects.equals(value, k.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenantId, kind, value);
    }

    @Override
    public String toString() {
        return tenantId + "/" + kind + "/" + value;
    }
}
