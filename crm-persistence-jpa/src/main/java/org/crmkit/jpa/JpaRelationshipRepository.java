package org.crmkit.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.common.ConcurrentUpdateException;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.Relationship;
import org.crmkit.core.customer.RelationshipId;
import org.crmkit.core.customer.RelationshipRepository;
import org.crmkit.jpa.internal.RelationshipEntity;
import org.crmkit.jpa.internal.RelationshipKey;

/**
 * {@link RelationshipRepository} of one tenant over JPA; every query names the tenant. Thread-safe:
 * holds no entity manager.
 */
final class JpaRelationshipRepository implements RelationshipRepository {
    private final JpaCrmStore store;
    private final TenantId tenant;

    JpaRelationshipRepository(JpaCrmStore store, TenantId tenant) {
        this.store = store;
        this.tenant = tenant;
    }

    @Override
    public Optional<Relationship> findById(RelationshipId id) {
        ValidationException.requireNonNull(id, "relationshipId");
        return store.run(em -> {
            try {
                RelationshipEntity entity =
                        em.find(RelationshipEntity.class, new RelationshipKey(tenant.value(), id.value()));
                return Optional.ofNullable(entity).map(RelationshipMapper::toDomain);
            } catch (RuntimeException e) {
                throw Errors.translate(e);
            }
        });
    }

    @Override
    public Relationship save(Relationship relationship) {
        ValidationException.requireNonNull(relationship, "relationship");
        if (!relationship.tenant().equals(tenant)) {
            throw new ValidationException(
                    "tenant", "relationship belongs to tenant " + relationship.tenant() + ", not " + tenant);
        }
        Relationship stored = RelationshipMapper.normalised(relationship);
        return store.run(em -> {
            try {
                return save(em, stored);
            } catch (RuntimeException e) {
                throw Errors.onWrite(e, "Relationship", relationship.id(), relationship.version());
            }
        });
    }

    @Override
    public List<Relationship> findByCustomer(CustomerId customer) {
        ValidationException.requireNonNull(customer, "customerId");
        return store.run(em -> {
            try {
                List<Relationship> found = new ArrayList<>();
                for (RelationshipEntity entity : em.createQuery(
                                "select r from CrmkitRelationship r where r.tenantId = :tenant"
                                        + " and (r.fromCustomerId = :customer or r.toCustomerId = :customer)"
                                        + " order by r.id",
                                RelationshipEntity.class)
                        .setParameter("tenant", tenant.value())
                        .setParameter("customer", customer.value())
                        .getResultList()) {
                    found.add(RelationshipMapper.toDomain(entity));
                }
                return found;
            } catch (RuntimeException e) {
                throw Errors.translate(e);
            }
        });
    }

    @Override
    public String toString() {
        return "JpaRelationshipRepository[" + tenant + "]";
    }

    private static Relationship save(EntityManager em, Relationship relationship) {
        long expected = relationship.version();
        RelationshipEntity entity = em.find(
                RelationshipEntity.class,
                new RelationshipKey(
                        relationship.tenant().value(), relationship.id().value()));
        if (entity == null) {
            if (expected != 0) {
                throw new ConcurrentUpdateException("Relationship", relationship.id(), expected);
            }
            entity = RelationshipMapper.newEntity(relationship);
            em.persist(entity);
            em.flush();
            return relationship.withVersion(entity.getVersion() + 1);
        }
        if (expected == 0 || entity.getVersion() + 1 != expected) {
            throw new ConcurrentUpdateException("Relationship", relationship.id(), expected);
        }
        if (!RelationshipMapper.apply(relationship, entity)) {
            // nothing changed, yet every save makes a new version
            em.lock(entity, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        }
        em.flush();
        return relationship.withVersion(entity.getVersion() + 1);
    }
}
