package org.crmkit.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.crmkit.core.common.ConcurrentUpdateException;
import org.crmkit.core.common.IdCursor;
import org.crmkit.core.common.NotFoundException;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.interaction.InteractionId;
import org.crmkit.core.service.Request;
import org.crmkit.core.service.RequestId;
import org.crmkit.core.service.RequestRepository;
import org.crmkit.core.service.RequestStatus;
import org.crmkit.jpa.internal.RequestEntity;
import org.crmkit.jpa.internal.RequestKey;

/**
 * {@link RequestRepository} of one tenant over JPA. Every query names the tenant, and every key and
 * index of {@code crmkit_request} leads with it: the overdue list is a range of {@code (tenant_id,
 * next_deadline)}, an assignee's open requests and their count are read along {@code (tenant_id,
 * assignee_id, status, id)}, a customer's along {@code (tenant_id, customer_id, opened_at DESC, id
 * DESC)}.
 *
 * <p>Saves look up the id and the opening interaction before they insert, so that a taken one fails
 * with {@link ConcurrentUpdateException} without a failed statement; only a concurrent writer of the
 * same value makes the insert itself fail (with the same exception, after which the unit of work may
 * have to be rolled back). Instants are kept to the microsecond. Thread-safe: holds no entity
 * manager.
 */
final class JpaRequestRepository implements RequestRepository {
    /** The most values in one {@code IN} list. */
    static final int CHUNK = 500;

    private static final String ENTITY = "CrmkitRequest";

    private final JpaCrmStore store;
    private final TenantId tenant;

    JpaRequestRepository(JpaCrmStore store, TenantId tenant) {
        this.store = store;
        this.tenant = tenant;
    }

    @Override
    public Optional<Request> findById(RequestId id) {
        ValidationException.requireNonNull(id, "requestId");
        return store.run(em -> {
            try {
                RequestEntity entity = em.find(RequestEntity.class, key(id.value()));
                return Optional.ofNullable(entity).map(RequestMapper::toDomain);
            } catch (RuntimeException e) {
                throw Errors.translate(e);
            }
        });
    }

    @Override
    public Optional<Request> findByOpeningInteraction(InteractionId interaction) {
        ValidationException.requireNonNull(interaction, "interactionId");
        return store.run(em -> {
            try {
                return em
                        .createQuery(
                                "select r from " + ENTITY + " r where r.tenantId = :tenant and r.openedBy = :openedBy",
                                RequestEntity.class)
                        .setParameter("tenant", tenant.value())
                        .setParameter("openedBy", interaction.value())
                        .getResultList()
                        .stream()
                        .findFirst()
                        .map(RequestMapper::toDomain);
            } catch (RuntimeException e) {
                throw Errors.translate(e);
            }
        });
    }

    @Override
    public Request save(Request request) {
        ValidationException.requireNonNull(request, "request");
        if (!request.tenant().equals(tenant)) {
            throw new ValidationException(
                    "tenant", "request belongs to tenant " + request.tenant() + ", not " + tenant);
        }
        Request stored = RequestMapper.normalised(request);
        return store.run(em -> {
            try {
                return save(em, stored);
            } catch (RuntimeException e) {
                throw Errors.onWrite(e, "Request", request.id(), request.version());
            }
        });
    }

    @Override
    public Page<Request> overdue(Instant now, PageRequest page) {
        ValidationException.requireNonNull(now, "now");
        return byId("r.nextDeadline < :now", Map.of("now", now), page);
    }

    @Override
    public Page<Request> openAssignedTo(StaffId assignee, PageRequest page) {
        ValidationException.requireNonNull(assignee, "assignee");
        return byId(
                "r.assigneeId = :assignee and r.status in :open",
                Map.of("assignee", assignee.value(), "open", openStatuses()),
                page);
    }

    @Override
    public List<Request> openForCustomer(CustomerId customer, int limit) {
        ValidationException.requireNonNull(customer, "customerId");
        return store.run(em -> {
            try {
                List<Request> found = new ArrayList<>();
                for (RequestEntity entity : em.createQuery(
                                "select r from " + ENTITY + " r where r.tenantId = :tenant"
                                        + " and r.customerId = :customer and r.status in :open"
                                        + " order by r.openedAt desc, r.id desc",
                                RequestEntity.class)
                        .setParameter("tenant", tenant.value())
                        .setParameter("customer", customer.value())
                        .setParameter("open", openStatuses())
                        .setMaxResults(limit)
                        .getResultList()) {
                    found.add(RequestMapper.toDomain(entity));
                }
                return found;
            } catch (RuntimeException e) {
                throw Errors.translate(e);
            }
        });
    }

    @Override
    public Map<StaffId, Long> openCountByAssignee(Collection<StaffId> assignees) {
        ValidationException.requireNonNull(assignees, "assignees");
        Set<String> asked = new LinkedHashSet<>();
        for (StaffId assignee : assignees) {
            asked.add(ValidationException.requireNonNull(assignee, "assignees").value());
        }
        if (asked.isEmpty()) {
            return Map.of();
        }
        return store.run(em -> {
            try {
                Map<StaffId, Long> counts = new HashMap<>();
                List<String> all = new ArrayList<>(asked);
                for (int i = 0; i < all.size(); i += CHUNK) {
                    for (Object[] row : em.createQuery(
                                    "select r.assigneeId, count(r) from " + ENTITY + " r where r.tenantId = :tenant"
                                            + " and r.assigneeId in :assignees and r.status in :open"
                                            + " group by r.assigneeId",
                                    Object[].class)
                            .setParameter("tenant", tenant.value())
                            .setParameter("assignees", all.subList(i, Math.min(all.size(), i + CHUNK)))
                            .setParameter("open", openStatuses())
                            .getResultList()) {
                        counts.put(StaffId.of((String) row[0]), ((Number) row[1]).longValue());
                    }
                }
                return counts;
            } catch (RuntimeException e) {
                throw Errors.translate(e);
            }
        });
    }

    @Override
    public String toString() {
        return "JpaRequestRepository[" + tenant + "]";
    }

    /** One page, ordered by id, of the requests whose row meets {@code condition}. */
    private Page<Request> byId(String condition, Map<String, Object> params, PageRequest page) {
        ValidationException.requireNonNull(page, "page");
        Optional<UUID> after = IdCursor.start(page);
        return store.run(em -> {
            try {
                TypedQuery<RequestEntity> q = em.createQuery(
                        "select r from " + ENTITY + " r where r.tenantId = :tenant and " + condition
                                + (after.isPresent() ? " and r.id > :after" : "")
                                + " order by r.id",
                        RequestEntity.class);
                q.setParameter("tenant", tenant.value());
                params.forEach(q::setParameter);
                after.ifPresent(id -> q.setParameter("after", id));
                List<Request> rows = new ArrayList<>();
                for (RequestEntity entity : q.setMaxResults(page.size() + 1).getResultList()) {
                    rows.add(RequestMapper.toDomain(entity));
                }
                return IdCursor.page(rows, page.size(), r -> r.id().value());
            } catch (RuntimeException e) {
                throw Errors.translate(e);
            }
        });
    }

    private Request save(EntityManager em, Request request) {
        long expected = request.version();
        RequestEntity entity = em.find(RequestEntity.class, key(request.id().value()));
        if (entity == null) {
            if (expected != 0) {
                throw new NotFoundException("Request", request.id());
            }
            checkOpeningInteraction(em, request);
            entity = RequestMapper.newEntity(request);
            em.persist(entity);
            em.flush();
            return request.withVersion(entity.getVersion() + 1);
        }
        if (expected == 0 || entity.getVersion() + 1 != expected) {
            throw new ConcurrentUpdateException("Request", request.id(), expected);
        }
        UUID openedBy = request.openedBy().map(InteractionId::value).orElse(null);
        if (openedBy != null && !openedBy.equals(entity.getOpenedBy())) {
            checkOpeningInteraction(em, request);
        }
        if (!RequestMapper.apply(request, entity)) {
            // nothing changed, yet every save makes a new version
            em.lock(entity, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        }
        em.flush();
        return request.withVersion(entity.getVersion() + 1);
    }

    /** Fails when another request of the tenant was opened by the interaction that opened {@code request}. */
    private void checkOpeningInteraction(EntityManager em, Request request) {
        if (request.openedBy().isEmpty()) {
            return;
        }
        List<UUID> taken = em.createQuery(
                        "select r.id from " + ENTITY + " r where r.tenantId = :tenant and r.openedBy = :openedBy",
                        UUID.class)
                .setParameter("tenant", tenant.value())
                .setParameter("openedBy", request.openedBy().get().value())
                .getResultList();
        if (taken.stream().anyMatch(id -> !id.equals(request.id().value()))) {
            throw new ConcurrentUpdateException("Request", request.id(), request.version());
        }
    }

    private RequestKey key(UUID id) {
        return new RequestKey(tenant.value(), id);
    }

    private static List<String> openStatuses() {
        List<String> names = new ArrayList<>();
        for (RequestStatus status : RequestStatus.openStatuses()) {
            names.add(status.name());
        }
        return names;
    }
}
