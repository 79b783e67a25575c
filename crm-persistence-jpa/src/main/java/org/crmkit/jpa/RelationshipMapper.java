package org.crmkit.jpa;

import java.util.Objects;
import org.crmkit.core.common.Audit;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.Relationship;
import org.crmkit.core.customer.RelationshipId;
import org.crmkit.core.customer.RelationshipRole;
import org.crmkit.jpa.internal.AuditValue;
import org.crmkit.jpa.internal.RelationshipEntity;

/**
 * Maps the core's immutable {@link Relationship} to and from a {@link RelationshipEntity}, with
 * timestamps kept to the microsecond as {@link CustomerMapper} does. Stateless.
 */
final class RelationshipMapper {
    private RelationshipMapper() {}

    /** {@code relationship} with its audit times truncated to microseconds; itself when none needs it. */
    static Relationship normalised(Relationship relationship) {
        Audit audit = relationship.audit();
        if (CustomerMapper.isMicros(audit.createdAt()) && CustomerMapper.isMicros(audit.updatedAt())) {
            return relationship;
        }
        return Relationship.of(
                relationship.id(),
                relationship.tenant(),
                relationship.from(),
                relationship.to(),
                relationship.role(),
                relationship.validFrom().orElse(null),
                relationship.validTo().orElse(null),
                CustomerMapper.micros(audit),
                relationship.version());
    }

    /** A new row holding {@code relationship}, which must be {@link #normalised}. */
    static RelationshipEntity newEntity(Relationship relationship) {
        RelationshipEntity entity = new RelationshipEntity(
                relationship.tenant().value(), relationship.id().value());
        apply(relationship, entity);
        return entity;
    }

    /**
     * Writes the state of {@code relationship} (already {@link #normalised}) into {@code entity}.
     *
     * @return whether anything changed
     */
    static boolean apply(Relationship relationship, RelationshipEntity entity) {
        boolean changed = false;
        if (!Objects.equals(entity.getFromCustomerId(), relationship.from().value())) {
            entity.setFromCustomerId(relationship.from().value());
            changed = true;
        }
        if (!Objects.equals(entity.getToCustomerId(), relationship.to().value())) {
            entity.setToCustomerId(relationship.to().value());
            changed = true;
        }
        if (!Objects.equals(entity.getRole(), relationship.role().code())) {
            entity.setRole(relationship.role().code());
            changed = true;
        }
        if (!Objects.equals(entity.getValidFrom(), relationship.validFrom().orElse(null))) {
            entity.setValidFrom(relationship.validFrom().orElse(null));
            changed = true;
        }
        if (!Objects.equals(entity.getValidTo(), relationship.validTo().orElse(null))) {
            entity.setValidTo(relationship.validTo().orElse(null));
            changed = true;
        }
        AuditValue audit = CustomerMapper.auditValue(relationship.audit());
        if (!Objects.equals(entity.getAudit(), audit)) {
            entity.setAudit(audit);
            changed = true;
        }
        return changed;
    }

    /** The relationship held by {@code entity}. */
    static Relationship toDomain(RelationshipEntity entity) {
        return Relationship.of(
                new RelationshipId(entity.getId()),
                TenantId.of(entity.getTenantId()),
                new CustomerId(entity.getFromCustomerId()),
                new CustomerId(entity.getToCustomerId()),
                RelationshipRole.of(entity.getRole()),
                entity.getValidFrom(),
                entity.getValidTo(),
                CustomerMapper.audit(entity.getAudit()),
                entity.getVersion() + 1);
    }
}
