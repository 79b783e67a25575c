package org.crmkit.core.customer;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.common.Audit;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.ValidationException;

/**
 * A role one customer has towards another for a period: a person works for a company, a company is
 * a subsidiary of a group. A person may work for several companies and a company may have many
 * contact people; each link is one relationship, referring to both customers by id.
 *
 * <p>Immutable; {@link #endedOn} returns a changed copy that a store saves with optimistic locking.
 * Thread-safe.
 */
public final class Relationship {
    private final RelationshipId id;
    private final TenantId tenant;
    private final CustomerId from;
    private final CustomerId to;
    private final RelationshipRole role;
    private final LocalDate validFrom;
    private final LocalDate validTo;
    private final Audit audit;
    private final long version;

    private Relationship(
            RelationshipId id,
            TenantId tenant,
            CustomerId from,
            CustomerId to,
            RelationshipRole role,
            LocalDate validFrom,
            LocalDate validTo,
            Audit audit,
            long version) {
        this.id = ValidationException.requireNonNull(id, "id");
        this.tenant = ValidationException.requireNonNull(tenant, "tenant");
        this.from = ValidationException.requireNonNull(from, "from");
        this.to = ValidationException.requireNonNull(to, "to");
        this.role = ValidationException.requireNonNull(role, "role");
        this.audit = ValidationException.requireNonNull(audit, "audit");
        if (from.equals(to)) {
            throw new ValidationException("to", "a customer cannot be related to itself");
        }
        if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
            throw new ValidationException("validTo", "must not be before validFrom " + validFrom);
        }
        if (version < 0) {
            throw new ValidationException("version", "must not be negative");
        }
        this.validFrom = validFrom;
        this.validTo = validTo;
        this.version = version;
    }

    /**
     * Builds a relationship; services use it to create one and stores to rebuild one.
     *
     * @param validFrom first day the role holds, or null when open-ended
     * @param validTo last day the role holds, or null while it lasts
     */
    public static Relationship of(
            RelationshipId id,
            TenantId tenant,
            CustomerId from,
            CustomerId to,
            RelationshipRole role,
            LocalDate validFrom,
            LocalDate validTo,
            Audit audit,
            long version) {
        return new Relationship(id, tenant, from, to, role, validFrom, validTo, audit, version);
    }

    /** The relationship's id. */
    public RelationshipId id() {
        return id;
    }

    /** The tenant it belongs to. */
    public TenantId tenant() {
        return tenant;
    }

    /** The customer who has the role (the person, the subsidiary). */
    public CustomerId from() {
        return from;
    }

    /** The customer the role is towards (the company, the parent). */
    public CustomerId to() {
        return to;
    }

    /** The role. */
    public RelationshipRole role() {
        return role;
    }

    /** The first day the role holds; empty when it has no known start. */
    public Optional<LocalDate> validFrom() {
        return Optional.ofNullable(validFrom);
    }

    /** The last day the role holds; empty while it lasts. */
    public Optional<LocalDate> validTo() {
        return Optional.ofNullable(validTo);
    }

    /** Whether the role holds on {@code date}. */
    public boolean isValidOn(LocalDate date) {
        return (validFrom == null || !date.isBefore(validFrom)) && (validTo == null || !date.isAfter(validTo));
    }

    /** The customer on the other side from {@code customer}. */
    public CustomerId other(CustomerId customer) {
        return from.equals(customer) ? to : from;
    }

    /** When and by whom it was created and last changed. */
    public Audit audit() {
        return audit;
    }

    /** The stored version this instance was read at; 0 before the first save. */
    public long version() {
        return version;
    }

    /** A copy that ends on {@code lastDay}. */
    public Relationship endedOn(LocalDate lastDay, Audit audit) {
        return new Relationship(
                id,
                tenant,
                from,
                to,
                role,
                validFrom,
                ValidationException.requireNonNull(lastDay, "validTo"),
                audit,
                version);
    }

    /** A copy at {@code version}; stores call it with the version they stored. */
    public Relationship withVersion(long version) {
        return new Relationship(id, tenant, from, to, role, validFrom, validTo, audit, version);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Relationship r
                && version == r.version
                && id.equals(r.id)
                && tenant.equals(r.tenant)
                && from.equals(r.from)
                && to.equals(r.to)
                && role.equals(r.role)
                && Objects.equals(validFrom, r.validFrom)
                && Objects.equals(validTo, r.validTo)
                && audit.equals(r.audit);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, version);
    }

    @Override
    public String toString() {
        return "Relationship[" + from + " " + role + " " + to + " " + (validFrom == null ? "…" : validFrom) + ".."
                + (validTo == null ? "…" : validTo) + " v" + version + "]";
    }
}
