package org.crmkit.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.util.Objects;

/**
 * When and by whom a row was created and last changed: the columns of the core's {@code Audit}. Not
 * part of CRMKit's API; not thread-safe.
 */
@Embeddable
public class AuditValue {
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by_kind", nullable = false, length = 8)
    private String createdByKind;

    @Column(name = "created_by_id", nullable = false, length = 128)
    private String createdById;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by_kind", nullable = false, length = 8)
    private String updatedByKind;

    @Column(name = "updated_by_id", nullable = false, length = 128)
    private String updatedById;

    /** For the persistence provider. */
    protected AuditValue() {}

    /** An audit with these columns. */
    public AuditValue(
            Instant createdAt,
            String createdByKind,
            String createdById,
            Instant updatedAt,
            String updatedByKind,
            String updatedById) {
        this.createdAt = createdAt;
        this.createdByKind = createdByKind;
        this.createdById = createdById;
        this.updatedAt = updatedAt;
        this.updatedByKind = updatedByKind;
        this.updatedById = updatedById;
    }

    /** When the row was created. */
    public Instant getCreatedAt() {
        return createdAt;
    }

    /** The {@code Actor.Kind} name of its creator. */
    public String getCreatedByKind() {
        return createdByKind;
    }

    /** The id of its creator. */
    public String getCreatedById() {
        return createdById;
    }

    /** When the row was last changed. */
    public Instant getUpdatedAt() {
        return updatedAt;
    }

    /** The {@code Actor.Kind} name of its last editor. */
    public String getUpdatedByKind() {
        return updatedByKind;
    }

    /** The id of its last editor. */
    public String getUpdatedById() {
        return updatedById;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuditValue a
                && Objects.equals(createdAt, a.createdAt)
                && Objects.equals(createdByKind, a.createdByKind)
                && Objects.equals(createdById, a.createdById)
                && Objects.equals(updatedAt, a.updatedAt)
                && Objects.equals(updatedByKind, a.updatedByKind)
                && Objects.equals(updatedById, a.updatedById);
    }

    @Override
    public int hashCode() {
        return Objects.hash(createdAt, createdById, updatedAt, updatedById);
    }
}
