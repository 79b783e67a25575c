package org.crmkit.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * The row of one e-mail or phone in {@code crmkit_contact_lock}: something to lock, nothing more.
 * Before a duplicate check the store locks the row of each value it checks (inserting it when
 * absent), so that two writers cannot both find a value unused and both store it. Rows are never
 * updated or deleted. Not part of CRMKit's API; not thread-safe.
 */
@Entity(name = "CrmkitContactLock")
@Table(name = "crmkit_contact_lock")
@IdClass(ContactLockKey.class)
public class ContactLockEntity {
    @Id
    @Column(name = "tenant_id", nullable = false, length = 64)
    private String tenantId;

    @Id
    @Column(name = "kind", nullable = false, length = 16)
    private String kind;

    @Id
    @Column(name = "contact_value", nullable = false, length = 254)
    private String value;

    /** For the persistence provider. */
    protected ContactLockEntity() {}

    /** A new, not yet persisted lock row with {@code key}. */
    public ContactLockEntity(ContactLockKey key) {
        this.tenantId = key.getTenantId();
        this.kind = key.getKind();
        this.value = key.getValue();
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
}
