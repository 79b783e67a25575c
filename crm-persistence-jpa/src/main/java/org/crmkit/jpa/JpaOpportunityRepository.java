package org.crmkit.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
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
import org.crmkit.core.sales.LineItem;
import org.crmkit.core.sales.Opportunity;
import org.crmkit.core.sales.OpportunityId;
import org.crmkit.core.sales.OpportunityRepository;
import org.crmkit.core.sales.OpportunityStatus;
import org.crmkit.core.sales.StageChange;
import org.crmkit.jpa.internal.OpportunityEntity;
import org.crmkit.jpa.internal.OpportunityKey;
import org.crmkit.jpa.internal.OpportunityLineEntity;
import org.crmkit.jpa.internal.OpportunityStageChangeEntity;

/**
 * {@link OpportunityRepository} of one tenant over JPA. Every query names the tenant, and every key
 * and index of {@code crmkit_opportunity} and its child tables leads with it: a customer's open
 * opportunities are read along {@code (tenant_id, customer_id, status, id)}, an owner's and their
 * counts along {@code (tenant_id, owner_id, status, id)}, and the list of them all along the primary
 * key.
 *
 * <p>Opportunities are read in a constant number of statements however many there are (up to
 * {@value #CHUNK} at a time): one for the rows, one for all their stage history and, when any has
 * line items, one for all their lines. Those statements return each opportunity's version; should a
 * writer commit between them, the torn opportunities are read once more under a shared lock, so a
 * read never mixes two versions of an opportunity. A save writes the opportunity's row first (its
 * version, also when only lines changed) and then the lines and history entries that changed,
 * position by position; a move or a close adds one history row.
 *
 * <p>Instants are kept to the microsecond; amounts, quantities and discounts exactly. Thread-safe:
 * holds no entity manager.
 */
final class JpaOpportunityRepository implements OpportunityRepository {
    /** The most values in one {@code IN} list. */
    static final int CHUNK = 500;

    private static final String ENTITY = "CrmkitOpportunity";
    private static final String LINE = "CrmkitOpportunityLine";
    private static final String CHANGE = "CrmkitOpportunityStageChange";

    private final JpaCrmStore store;
    private final TenantId tenant;

    JpaOpportunityRepository(JpaCrmStore store, TenantId tenant) {
        this.store = store;
        this.tenant = tenant;
    }

    @Override
    public Optional<Opportunity> findById(OpportunityId id) {
        ValidationException.requireNonNull(id, "opportunityId");
        return store.run(em -> {
            try {
                OpportunityEntity entity = em.find(OpportunityEntity.class, key(id.value()));
                return entity == null
                        ? Optional.<Opportunity>empty()
                        : Optional.of(assemble(em, List.of(entity)).get(0));
            } catch (RuntimeException e) {
                throw Errors.translate(e);
            }
        });
    }

    @Override
    public Opportunity save(Opportunity opportunity) {
        ValidationException.requireNonNull(opportunity, "opportunity");
        if (!opportunity.tenant().equals(tenant)) {
            throw new ValidationException(
                    "tenant", "opportunity belongs to tenant " + opportunity.tenant() + ", not " + tenant);
        }
        Opportunity stored = OpportunityMapper.normalised(opportunity);
        return store.run(em -> {
            try {
                return save(em, stored);
            } catch (RuntimeException e) {
                throw Errors.onWrite(e, "Opportunity", opportunity.id(), opportunity.version());
            }
        });
    }

    @Override
    public List<Opportunity> openForCustomer(CustomerId customer, int limit) {
        ValidationException.requireNonNull(customer, "customerId");
        return list(
                "o.customerId = :customer and o.status = :open",
                Map.of("customer", customer.value(), "open", OpportunityStatus.OPEN.name()),
                PageRequest.requireLimit(limit, "limit"));
    }

    @Override
    public Page<Opportunity> openOwnedBy(StaffId owner, PageRequest page) {
        ValidationException.requireNonNull(owner, "owner");
        ValidationException.requireNonNull(page, "page");
        Optional<UUID> after = IdCursor.start(page);
        Map<String, Object> params = new HashMap<>();
        params.put("owner", owner.value());
        params.put("open", OpportunityStatus.OPEN.name());
        after.ifPresent(id -> params.put("after", id));
        List<Opportunity> rows = list(
                "o.ownerId = :owner and o.status = :open" + (after.isPresent() ? " and o.id > :after" : ""),
                params,
                page.size() + 1);
        return IdCursor.page(rows, page.size(), o -> o.id().value());
    }

    /**
     * One page of all the tenant's opportunities along the primary key {@code (tenant_id, id)}, read
     * like every list: one statement for the rows and two for all their history and lines.
     */
    @Override
    public Page<Opportunity> list(PageRequest page) {
        ValidationException.requireNonNull(page, "page");
        Optional<UUID> after = IdCursor.start(page);
        Map<String, Object> params = new HashMap<>();
        after.ifPresent(id -> params.put("after", id));
        List<Opportunity> rows = list(after.isPresent() ? "o.id > :after" : "", params, page.size() + 1);
        return IdCursor.page(rows, page.size(), o -> o.id().value());
    }

    @Override
    public Map<StaffId, Long> openCountByOwner(Collection<StaffId> owners) {
        ValidationException.requireNonNull(owners, "owners");
        Set<String> asked = new LinkedHashSet<>();
        for (StaffId owner : owners) {
            asked.add(ValidationException.requireNonNull(owner, "owners").value());
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
                                    "select o.ownerId, count(o) from " + ENTITY + " o where o.tenantId = :tenant"
                                            + " and o.ownerId in :owners and o.status = :open group by o.ownerId",
                                    Object[].class)
                            .setParameter("tenant", tenant.value())
                            .setParameter("owners", all.subList(i, Math.min(all.size(), i + CHUNK)))
                            .setParameter("open", OpportunityStatus.OPEN.name())
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
        return "JpaOpportunityRepository[" + tenant + "]";
    }

    /** At most {@code limit} opportunities whose row meets {@code condition} (none when empty), by id. */
    private List<Opportunity> list(String condition, Map<String, Object> params, int limit) {
        return store.run(em -> {
            try {
                TypedQuery<OpportunityEntity> q = em.createQuery(
                        "select o from " + ENTITY + " o where o.tenantId = :tenant"
                                + (condition.isEmpty() ? "" : " and " + condition) + " order by o.id",
                        OpportunityEntity.class);
                q.setParameter("tenant", tenant.value());
                params.forEach(q::setParameter);
                return assemble(em, q.setMaxResults(limit).getResultList());
            } catch (RuntimeException e) {
                throw Errors.translate(e);
            }
        });
    }

    private Opportunity save(EntityManager em, Opportunity opportunity) {
        long expected = opportunity.version();
        OpportunityEntity entity =
                em.find(OpportunityEntity.class, key(opportunity.id().value()));
        if (entity == null) {
            if (expected != 0) {
                throw new NotFoundException("Opportunity", opportunity.id());
            }
            entity = OpportunityMapper.newEntity(opportunity);
            em.persist(entity);
            List<LineItem> lines = opportunity.lines();
            for (int seq = 0; seq < lines.size(); seq++) {
                OpportunityLineEntity row = new OpportunityLineEntity(entity, (short) seq);
                OpportunityMapper.apply(lines.get(seq), row);
                em.persist(row);
            }
            List<StageChange> history = opportunity.history();
            for (int seq = 0; seq < history.size(); seq++) {
                OpportunityStageChangeEntity row = new OpportunityStageChangeEntity(entity, seq);
                OpportunityMapper.apply(history.get(seq), row);
                em.persist(row);
            }
            em.flush();
            return opportunity.withVersion(entity.getVersion() + 1);
        }
        if (expected == 0 || entity.getVersion() + 1 != expected) {
            throw new ConcurrentUpdateException("Opportunity", opportunity.id(), expected);
        }
        List<OpportunityLineEntity> lineRows = entity.getLineCount() == 0
                ? List.of()
                : em.createQuery(
                                "select l from " + LINE + " l where l.tenantId = :tenant and l.opportunityId = :id"
                                        + " order by l.seq",
                                OpportunityLineEntity.class)
                        .setParameter("tenant", tenant.value())
                        .setParameter("id", entity.getId())
                        .getResultList();
        List<OpportunityStageChangeEntity> historyRows = em.createQuery(
                        "select c from " + CHANGE + " c where c.tenantId = :tenant and c.opportunityId = :id"
                                + " order by c.seq",
                        OpportunityStageChangeEntity.class)
                .setParameter("tenant", tenant.value())
                .setParameter("id", entity.getId())
                .getResultList();
        // the opportunity's row first, so that a stale version fails before any line or entry is written
        if (!OpportunityMapper.apply(opportunity, entity)) {
            // nothing of the row changed, yet every save makes a new version
            em.lock(entity, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        }
        em.flush();
        boolean changed = false;
        List<LineItem> lines = opportunity.lines();
        for (int seq = 0; seq < Math.max(lineRows.size(), lines.size()); seq++) {
            if (seq >= lines.size()) {
                em.remove(lineRows.get(seq));
                changed = true;
            } else if (seq >= lineRows.size()) {
                OpportunityLineEntity row = new OpportunityLineEntity(entity, (short) seq);
                OpportunityMapper.apply(lines.get(seq), row);
                em.persist(row);
                changed = true;
            } else {
                changed |= OpportunityMapper.apply(lines.get(seq), lineRows.get(seq));
            }
        }
        List<StageChange> history = opportunity.history();
        for (int seq = 0; seq < Math.max(historyRows.size(), history.size()); seq++) {
            if (seq >= history.size()) {
                em.remove(historyRows.get(seq));
                changed = true;
            } else if (seq >= historyRows.size()) {
                OpportunityStageChangeEntity row = new OpportunityStageChangeEntity(entity, seq);
                OpportunityMapper.apply(history.get(seq), row);
                em.persist(row);
                changed = true;
            } else {
                changed |= OpportunityMapper.apply(history.get(seq), historyRows.get(seq));
            }
        }
        if (changed) {
            em.flush();
        }
        return opportunity.withVersion(entity.getVersion() + 1);
    }

    /**
     * The opportunities of {@code roots}, in their order, with their history read in one statement
     * and the lines of those that have any in one more, per {@value #CHUNK} opportunities.
     */
    private List<Opportunity> assemble(EntityManager em, List<OpportunityEntity> roots) {
        return WholeReads.inChunks(roots, CHUNK, chunk -> assembleChunk(em, chunk));
    }

    private List<Opportunity> assembleChunk(EntityManager em, List<OpportunityEntity> roots) {
        Map<UUID, OpportunityEntity> byId = WholeReads.byId(roots, OpportunityEntity::getId);
        Children children = WholeReads.readWhole(em, byId, ids -> children(em, ids), "opportunities");
        List<Opportunity> opportunities = new ArrayList<>(roots.size());
        for (OpportunityEntity root : roots) {
            TreeMap<Short, LineItem> lines = children.lines.getOrDefault(root.getId(), new TreeMap<>());
            TreeMap<Integer, StageChange> history = children.history.getOrDefault(root.getId(), new TreeMap<>());
            opportunities.add(OpportunityMapper.toDomain(
                    root, new ArrayList<>(lines.values()), new ArrayList<>(history.values())));
        }
        return opportunities;
    }

    /**
     * The lines and history of {@code roots}, and which of the opportunities changed since their row
     * was read: a child row of another version, or another number of them.
     */
    private Children children(EntityManager em, Map<UUID, OpportunityEntity> roots) {
        Children children = new Children();
        List<UUID> ids = new ArrayList<>(roots.keySet());
        List<UUID> withLines = new ArrayList<>();
        for (OpportunityEntity root : roots.values()) {
            if (root.getLineCount() > 0) {
                withLines.add(root.getId());
            }
        }
        for (Object[] row : em.createQuery(
                        "select c.opportunityId, o.version, c.seq, c.stageId, c.status, c.changedAt,"
                                + " c.changedByKind, c.changedById from " + CHANGE + " c, " + ENTITY + " o"
                                + " where c.tenantId = :tenant and c.opportunityId in :ids"
                                + " and o.tenantId = :tenant and o.id = c.opportunityId",
                        Object[].class)
                .setParameter("tenant", tenant.value())
                .setParameter("ids", ids)
                .getResultList()) {
            UUID id = (UUID) row[0];
            if (((Number) row[1]).longValue() != roots.get(id).getVersion()) {
                children.torn.add(id);
            }
            children.history
                    .computeIfAbsent(id, k -> new TreeMap<>())
                    .put(
                            (Integer) row[2],
                            OpportunityMapper.change(
                                    (UUID) row[3], (String) row[4], (Instant) row[5], (String) row[6], (String)
                                            row[7]));
        }
        if (!withLines.isEmpty()) {
            for (Object[] row : em.createQuery(
                            "select l.opportunityId, o.version, l.seq, l.line.product, l.line.quantity,"
                                    + " l.line.unitPrice, l.line.currency, l.line.discount"
                                    + " from " + LINE + " l, " + ENTITY + " o"
                                    + " where l.tenantId = :tenant and l.opportunityId in :ids"
                                    + " and o.tenantId = :tenant and o.id = l.opportunityId",
                            Object[].class)
                    .setParameter("tenant", tenant.value())
                    .setParameter("ids", withLines)
                    .getResultList()) {
                UUID id = (UUID) row[0];
                if (((Number) row[1]).longValue() != roots.get(id).getVersion()) {
                    children.torn.add(id);
                }
                children.lines
                        .computeIfAbsent(id, k -> new TreeMap<>())
                        .put(
                                (Short) row[2],
                                LineItemMapper.line(
                                        (String) row[3],
                                        (BigDecimal) row[4],
                                        (BigDecimal) row[5],
                                        (String) row[6],
                                        (BigDecimal) row[7]));
            }
        }
        for (OpportunityEntity root : roots.values()) {
            UUID id = root.getId();
            if (children.lines.getOrDefault(id, new TreeMap<>()).size() != root.getLineCount()
                    || children.history.getOrDefault(id, new TreeMap<>()).size() != root.getHistoryCount()) {
                children.torn.add(id);
            }
        }
        return children;
    }

    /** Lines and history by opportunity and position, and the opportunities whose rows moved on since they were read. */
    private static final class Children implements WholeReads.Children {
        final Map<UUID, TreeMap<Short, LineItem>> lines = new HashMap<>();
        final Map<UUID, TreeMap<Integer, StageChange>> history = new HashMap<>();
        final Set<UUID> torn = new HashSet<>();

        @Override
        public Set<UUID> torn() {
            return torn;
        }
    }

    private OpportunityKey key(UUID id) {
        return new OpportunityKey(tenant.value(), id);
    }
}
