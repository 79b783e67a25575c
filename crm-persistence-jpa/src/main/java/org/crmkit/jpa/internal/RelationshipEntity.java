package org.crmkit.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The row of one relationship between two customers in {@code crmkit_relationship}. The store maps
 * it to and from the core's immutable {@code Relationship}. Not part of CRMKit's API; not
 * thread-safe.
 *
 * <p>The JPA {@link #getVersion() version} starts at 0 on insert; the core's version is one higher.
 */
@Entity(name = "CrmkitRelationship")
@Table(name = "crmkit_relationship")
@IdClass(RelationshipKey.class)
public class RelationshipEntity {
    @Id
    @Column(name = "tenant_id", nullable = false, length = 64)
    private String tenantId;

    @Id
    @Column(name = "id", nullable = false)
    private UUID id;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @Column(name = "from_customer_id", nullable = false)
    private UUID fromCustomerId;

    @Column(name = "to_customer_id", nullable = false)
    private UUID toCustomerId;

    @Column(name = "role_code", nullable = false, length = 40)
    private String role;

    @Column(name = "valid_from")
    private LocalDate validFrom;

    @Column(name = "valid_to")
    private LocalDate validTo;

    @Embedded
    private AuditValue audit;

    /** For the persistence provider. */
    protected RelationshipEntity() {}

    /** A new, not yet persisted relationship row. */
    public RelationshipEntity(String tenantId, UUID id) {
        this.tenantId = tenantId;
        this.id = id;
    }

    /** The tenant. */
    public String getTenantId() {
        return tenantId;
    }

    /** The relationship's id. */
    public UUID getId() {
        return id;
    }

    /** The JPA version: 0 after the insert, one higher after each update. */
    public long getVersion() {
        return version;
    }

    /** The customer who has the role. */
    public UUID getFromCustomerId() {
        return fromCustomerId;
    }

    /** Sets the customer who has the role. */
    public void setFromCustomerId(UUID fromCustomerId) {
        this.fromCustomerId = fromCustomerId;
    }

    /** The customer the role is towards. */
    public UUID getToCustomerId() {
        return toCustomerId;
    }

    /** Sets the customer the role is towards. */
    public void setToCustomerId(UUID toCustomerId) {
        this.toCustomerId = toCustomerId;
    }

    /** The role code. */
    public String getRole() {
        return role;
    }

    /** Sets the role code. */
    public void setRole(String role) {
        this.role = role;
    }

    /** The first day, or null. */
    public LocalDate getValidFrom() {
        return validFrom;
    }

    /** Sets the first day. */
    public void setValidFrom(LocalDate validFrom) {
        this.validFrom = validFrom;
    }

    /** The last day, or null. */
    public LocalDate getValidTo() {
        return validTo;
    }

    /** Sets the last day. */
    public void setValidTo(LocalDate validTo) {
        this.validTo = validTo;
    }

    /** The audit columns. */
    public AuditValue getAudit() {
        return audit;
    }

    /** Sets the audit columns. */
    public void setAudit(AuditValue audit) {
        this.audit = audit;
    }
}
