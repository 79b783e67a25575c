package org.crmkit.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.crmkit.core.common.ConcurrentUpdateException;
import org.crmkit.core.common.NotFoundException;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.routing.Rotation;
import org.crmkit.core.routing.RotationRepository;
import org.crmkit.core.routing.TeamId;
import org.crmkit.jpa.internal.RotationEntity;
import org.crmkit.jpa.internal.RotationKey;

/**
 * {@link RotationRepository} of one tenant over JPA: a row of {@code crmkit_rotation} per team, keyed
 * by the tenant and the team. {@link #lock} reads the team's row {@code FOR UPDATE} (a pessimistic
 * write lock), so that concurrent turns of one team wait for each other until the unit of work ends
 * instead of failing on the version. Two writers of a team's first turn, which have no row to lock,
 * collide on the key instead; the later fails with {@link ConcurrentUpdateException}, as any stale
 * version does. Thread-safe: holds no entity manager.
 */
final class JpaRotationRepository implements RotationRepository {
    private final JpaCrmStore store;
    private final TenantId tenant;

    JpaRotationRepository(JpaCrmStore store, TenantId tenant) {
        this.store = store;
        this.tenant = tenant;
    }

    @Override
    public Optional<Rotation> find(TeamId team) {
        ValidationException.requireNonNull(team, "team");
        return store.run(em -> {
            try {
                RotationEntity entity = em.find(RotationEntity.class, new RotationKey(tenant.value(), team.value()));
                return Optional.ofNullable(entity).map(JpaRotationRepository::toDomain);
            } catch (RuntimeException e) {
                throw Errors.translate(e);
            }
        });
    }

    @Override
    public Optional<Rotation> lock(TeamId team) {
        ValidationException.requireNonNull(team, "team");
        return store.run(em -> {
            try {
                RotationEntity entity = em.find(
                        RotationEntity.class,
                        new RotationKey(tenant.value(), team.value()),
                        LockModeType.PESSIMISTIC_WRITE);
                return Optional.ofNullable(entity).map(JpaRotationRepository::toDomain);
            } catch (RuntimeException e) {
                throw Errors.translate(e);
            }
        });
    }

    @Override
    public Rotation save(Rotation rotation) {
        ValidationException.requireNonNull(rotation, "rotation");
        return store.run(em -> {
            try {
                return save(em, rotation);
            } catch (RuntimeException e) {
                throw Errors.onWrite(e, "Rotation", rotation.team(), rotation.version());
            }
        });
    }

    @Override
    public String toString() {
        return "JpaRotationRepository[" + tenant + "]";
    }

    private Rotation save(EntityManager em, Rotation rotation) {
        long expected = rotation.version();
        String team = rotation.team().value();
        RotationEntity entity = em.find(RotationEntity.class, new RotationKey(tenant.value(), team));
        if (entity == null) {
            if (expected != 0) {
                throw new NotFoundException("Rotation", rotation.team());
            }
            entity = new RotationEntity(tenant.value(), team);
            entity.setLastStaffId(rotation.last().value());
            em.persist(entity);
            em.flush();
            return toDomain(entity);
        }
        if (expected == 0 || entity.getVersion() + 1 != expected) {
            throw new ConcurrentUpdateException("Rotation", rotation.team(), expected);
        }
        if (entity.getLastStaffId().equals(rotation.last().value())) {
            // the same member again, yet every save makes a new version
            em.lock(entity, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        } else {
            entity.setLastStaffId(rotation.last().value());
        }
        em.flush();
        return toDomain(entity);
    }

    private static Rotation toDomain(RotationEntity entity) {
        return new Rotation(
                TeamId.of(entity.getTeamId()), StaffId.of(entity.getLastStaffId()), entity.getVersion() + 1);
    }
}
