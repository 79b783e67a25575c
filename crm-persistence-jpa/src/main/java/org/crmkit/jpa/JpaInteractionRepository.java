package org.crmkit.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.StoreUnavailableException;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.interaction.ChannelActivity;
import org.crmkit.core.interaction.Direction;
import org.crmkit.core.interaction.DuplicateInteractionException;
import org.crmkit.core.interaction.Interaction;
import org.crmkit.core.interaction.InteractionId;
import org.crmkit.core.interaction.InteractionLink;
import org.crmkit.core.interaction.InteractionRepository;
import org.crmkit.core.interaction.Participant;
import org.crmkit.core.interaction.TimelineOrder;
import org.crmkit.core.interaction.TimelineQuery;
import org.crmkit.jpa.internal.InteractionEntity;
import org.crmkit.jpa.internal.InteractionLinkEntity;
import org.crmkit.jpa.internal.InteractionParticipantEntity;

/**
 * {@link InteractionRepository} of one tenant over JPA. Every query names the tenant, and every key
 * and index of the three tables leads with it.
 *
 * <p>A customer's timeline page is one query along the index {@code (tenant_id, customer_id,
 * occurred_at DESC, interaction_id DESC)} of {@code crmkit_interaction_participant}, which repeats
 * each interaction's occurrence, channel and direction so that every filter and the keyset condition
 * apply to that one table; superseded interactions are left out by a probe of the unique index on
 * {@code supersedes_id}. The interactions of a page (or of any read) are then completed in one
 * statement for all their participants and, when any has links, one for all their links, per {@value
 * #CHUNK} interactions. {@code activity} and {@code lastContacts} are aggregate queries over the
 * same index. Interactions are append-only and their rows are written in one transaction,
 * so these statements cannot read a half-written interaction.
 *
 * <p>Writes check ids, external ids and corrections in the database before they insert (one query
 * per kind and {@value #CHUNK} interactions), so that a duplicate fails with {@link
 * DuplicateInteractionException} naming the field as the in-memory store does (the first
 * interaction of a list that is taken or repeats an earlier one; for it, the id before the external
 * id before the interaction it supersedes) without a failed statement, which on PostgreSQL would
 * abort the caller's transaction. Only a concurrent writer that records the same value between the
 * check and the insert makes the insert fail; the database's constraint then names the field. The
 * inserts are flushed every {@value #FLUSH_ROWS} rows or so, so the provider's JDBC batching applies,
 * and let go of afterwards, so the persistence context stays small. Instants and durations are kept
 * to the microsecond. Thread-safe: holds no entity manager.
 */
final class JpaInteractionRepository implements InteractionRepository {
    /** The most values in one {@code IN} list. */
    static final int CHUNK = 500;

    /** About how many rows {@code appendAll} persists before it flushes them. */
    static final int FLUSH_ROWS = 1000;

    private static final String ENTITY = "CrmkitInteraction";
    private static final String PARTICIPANT = "CrmkitInteractionParticipant";
    private static final String LINK = "CrmkitInteractionLink";

    /** True for a participant row {@code p} whose interaction no correction supersedes. */
    private static final String NOT_SUPERSEDED = "not exists (select 1 from " + ENTITY
            + " c where c.tenantId = :tenant and c.supersedesId = p.interactionId)";

    private final JpaCrmStore store;
    private final TenantId tenant;

    JpaInteractionRepository(JpaCrmStore store, TenantId tenant) {
        this.store = store;
        this.tenant = tenant;
    }

    @Override
    public Optional<Interaction> findById(InteractionId id) {
        ValidationException.requireNonNull(id, "interactionId");
        return findOne("i.id = :value", id.value());
    }

    @Override
    public Optional<Interaction> findByExternalId(String externalId) {
        ValidationException.requireNonNull(externalId, "externalId");
        return findOne("i.externalId = :value", externalId);
    }

    @Override
    public Set<String> existingExternalIds(Collection<String> externalIds) {
        ValidationException.requireNonNull(externalIds, "externalIds");
        Set<String> asked = new LinkedHashSet<>();
        for (String externalId : externalIds) {
            asked.add(ValidationException.requireNonNull(externalId, "externalIds"));
        }
        if (asked.isEmpty()) {
            return Set.of();
        }
        return store.run(em -> {
            try {
                return taken(em, "externalId", String.class, asked);
            } catch (RuntimeException e) {
                throw Errors.translate(e);
            }
        });
    }

    @Override
    public Optional<Interaction> findCorrection(InteractionId id) {
        ValidationException.requireNonNull(id, "interactionId");
        return findOne("i.supersedesId = :value", id.value());
    }

    @Override
    public Interaction append(Interaction interaction) {
        ValidationException.requireNonNull(interaction, "interaction");
        checkTenant(interaction);
        Interaction stored = InteractionMapper.normalised(interaction);
        return store.run(em -> {
            insertAll(em, List.of(stored));
            return stored;
        });
    }

    @Override
    public List<Interaction> appendAll(List<Interaction> interactions) {
        ValidationException.requireNonNull(interactions, "interactions");
        List<Interaction> stored = new ArrayList<>(interactions.size());
        for (int i = 0; i < interactions.size(); i++) {
            Interaction interaction =
                    ValidationException.requireNonNull(interactions.get(i), "interactions[" + i + "]");
            checkTenant(interaction);
            stored.add(InteractionMapper.normalised(interaction));
        }
        if (stored.isEmpty()) {
            return List.of();
        }
        return store.inTransaction(() -> store.run(em -> {
            insertAll(em, stored);
            return List.copyOf(stored);
        }));
    }

    @Override
    public Page<Interaction> timeline(CustomerId customer, TimelineQuery query, PageRequest page) {
        ValidationException.requireNonNull(customer, "customerId");
        ValidationException.requireNonNull(query, "query");
        ValidationException.requireNonNull(page, "page");
        TimelineOrder order = TimelineOrder.NEWEST_FIRST;
        TimelineOrder.Position after = page.after().map(order::decode).orElse(null);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("tenant", tenant.value());
        params.put("customer", customer.value());
        StringBuilder jpql = new StringBuilder("select i from " + PARTICIPANT + " p, " + ENTITY + " i"
                + " where p.tenantId = :tenant and p.customerId = :customer"
                + " and i.tenantId = :tenant and i.id = p.interactionId");
        if (after != null) {
            // the first conjunct bounds the index range scan; the second is the exact keyset condition
            jpql.append(" and p.occurredAt <= :afterAt and (p.occurredAt < :afterAt or p.interactionId < :afterId)");
            params.put("afterAt", after.occurredAt());
            params.put("afterId", after.id());
        }
        query.from().ifPresent(from -> {
            jpql.append(" and p.occurredAt >= :from");
            params.put("from", from);
        });
        query.to().ifPresent(to -> {
            jpql.append(" and p.occurredAt < :to");
            params.put("to", to);
        });
        Set<Channel> channels = query.channels();
        if (!channels.isEmpty() && channels.size() < Channel.values().length) {
            jpql.append(" and p.channel in :channels");
            params.put("channels", names(channels));
        }
        Set<Direction> directions = query.directions();
        if (!directions.isEmpty() && directions.size() < Direction.values().length) {
            jpql.append(" and p.direction in :directions");
            params.put("directions", names(directions));
        }
        if (!query.includesSuperseded()) {
            jpql.append(" and ").append(NOT_SUPERSEDED);
        }
        jpql.append(" order by p.occurredAt desc, p.interactionId desc");
        return store.run(em -> {
            try {
                TypedQuery<InteractionEntity> q = em.createQuery(jpql.toString(), InteractionEntity.class);
                params.forEach(q::setParameter);
                List<InteractionEntity> roots = q.setMaxResults(page.size() + 1).getResultList();
                return order.page(assemble(em, roots), page.size());
            } catch (RuntimeException e) {
                throw Errors.translate(e);
            }
        });
    }

    @Override
    public List<ChannelActivity> activity(CustomerId customer) {
        ValidationException.requireNonNull(customer, "customerId");
        return store.run(em -> {
            try {
                List<Object[]> rows = em.createQuery(
                                "select p.channel, p.direction, count(p.interactionId), max(p.occurredAt)"
                                        + " from " + PARTICIPANT + " p"
                                        + " where p.tenantId = :tenant and p.customerId = :customer"
                                        + " and " + NOT_SUPERSEDED
                                        + " group by p.channel, p.direction",
                                Object[].class)
                        .setParameter("tenant", tenant.value())
                        .setParameter("customer", customer.value())
                        .getResultList();
                Map<Channel, long[]> counts = new EnumMap<>(Channel.class);
                Map<Channel, Instant> last = new EnumMap<>(Channel.class);
                for (Object[] row : rows) {
                    Channel channel = Channel.valueOf((String) row[0]);
                    boolean inbound = Direction.valueOf((String) row[1]) == Direction.INBOUND;
                    counts.computeIfAbsent(channel, c -> new long[2])[inbound ? 0 : 1] += ((Number) row[2]).longValue();
                    Instant at = (Instant) row[3];
                    last.merge(channel, at, (a, b) -> a.isAfter(b) ? a : b);
                }
                List<ChannelActivity> activity = new ArrayList<>(counts.size());
                counts.forEach(
                        (channel, n) -> activity.add(new ChannelActivity(channel, n[0], n[1], last.get(channel))));
                return activity;
            } catch (RuntimeException e) {
                throw Errors.translate(e);
            }
        });
    }

    /**
     * One aggregate query per {@value #CHUNK} customers: the latest occurrence per participant
     * customer, along the timeline index, among the interactions no correction superseded.
     */
    @Override
    public Map<CustomerId, Instant> lastContacts(Collection<CustomerId> customers) {
        ValidationException.requireNonNull(customers, "customers");
        Set<UUID> asked = new LinkedHashSet<>();
        for (CustomerId customer : customers) {
            asked.add(ValidationException.requireNonNull(customer, "customers").value());
        }
        if (asked.isEmpty()) {
            return Map.of();
        }
        return store.run(em -> {
            try {
                Map<CustomerId, Instant> last = new HashMap<>();
                for (List<UUID> chunk : chunks(new ArrayList<>(asked))) {
                    for (Object[] row : em.createQuery(
                                    "select p.customerId, max(p.occurredAt) from " + PARTICIPANT + " p"
                                            + " where p.tenantId = :tenant and p.customerId in :customers"
                                            + " and " + NOT_SUPERSEDED
                                            + " group by p.customerId",
                                    Object[].class)
                            .setParameter("tenant", tenant.value())
                            .setParameter("customers", chunk)
                            .getResultList()) {
                        last.put(new CustomerId((UUID) row[0]), (Instant) row[1]);
                    }
                }
                return last;
            } catch (RuntimeException e) {
                throw Errors.translate(e);
            }
        });
    }

    @Override
    public String toString() {
        return "JpaInteractionRepository[" + tenant + "]";
    }

    /** The interaction whose row meets {@code condition} on {@code :value}; at most one can, by a unique key. */
    private Optional<Interaction> findOne(String condition, Object value) {
        return store.run(em -> {
            try {
                List<InteractionEntity> roots = em.createQuery(
                                "select i from " + ENTITY + " i where i.tenantId = :tenant and " + condition,
                                InteractionEntity.class)
                        .setParameter("tenant", tenant.value())
                        .setParameter("value", value)
                        .getResultList();
                return roots.isEmpty()
                        ? Optional.<Interaction>empty()
                        : Optional.of(assemble(em, roots).get(0));
            } catch (RuntimeException e) {
                throw Errors.translate(e);
            }
        });
    }

    /**
     * Inserts {@code interactions} (of this tenant, {@link InteractionMapper#normalised}) after
     * checking that none is recorded already or repeats an earlier one of the list.
     */
    private void insertAll(EntityManager em, List<Interaction> interactions) {
        DuplicateInteractionException duplicate;
        try {
            duplicate = firstDuplicate(em, interactions);
        } catch (RuntimeException e) {
            throw Errors.translate(e);
        }
        if (duplicate != null) {
            throw duplicate;
        }
        List<Object> pending = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < interactions.size(); i++) {
            InteractionMapper.Rows rows = InteractionMapper.newRows(interactions.get(i));
            try {
                em.persist(rows.root());
                pending.add(rows.root());
                for (InteractionParticipantEntity p : rows.participants()) {
                    em.persist(p);
                    pending.add(p);
                }
                for (InteractionLinkEntity l : rows.links()) {
                    em.persist(l);
                    pending.add(l);
                }
            } catch (RuntimeException e) {
                throw Errors.onInteractionInsert(e, interactions.subList(from, i + 1));
            }
            if (pending.size() >= FLUSH_ROWS || i == interactions.size() - 1) {
                flush(em, pending, interactions.subList(from, i + 1));
                from = i + 1;
            }
        }
    }

    /** Writes the pending rows in one flush, then lets go of them so the context stays small. */
    private static void flush(EntityManager em, List<Object> pending, List<Interaction> written) {
        try {
            em.flush();
        } catch (RuntimeException e) {
            throw Errors.onInteractionInsert(e, written);
        }
        for (Object row : pending) {
            em.detach(row);
        }
        pending.clear();
    }

    /**
     * The failure the in-memory store would report for appending {@code interactions} one after the
     * other: for the first that repeats a value recorded in the tenant or given by an earlier one of
     * the list, its id, else its external id, else the interaction it supersedes. Null when there is
     * none.
     */
    private DuplicateInteractionException firstDuplicate(EntityManager em, List<Interaction> interactions) {
        Set<UUID> ids = new LinkedHashSet<>();
        Set<String> externalIds = new LinkedHashSet<>();
        Set<UUID> originals = new LinkedHashSet<>();
        for (Interaction i : interactions) {
            ids.add(i.id().value());
            i.externalId().ifPresent(externalIds::add);
            i.supersedes().ifPresent(s -> originals.add(s.value()));
        }
        Set<UUID> takenIds = taken(em, "id", UUID.class, ids);
        Set<String> takenExternalIds = taken(em, "externalId", String.class, externalIds);
        Set<UUID> takenOriginals = taken(em, "supersedesId", UUID.class, originals);
        Set<UUID> seenIds = new HashSet<>();
        Set<String> seenExternalIds = new HashSet<>();
        Set<UUID> seenOriginals = new HashSet<>();
        for (Interaction i : interactions) {
            UUID id = i.id().value();
            if (takenIds.contains(id) || !seenIds.add(id)) {
                return new DuplicateInteractionException("id", id.toString());
            }
            String externalId = i.externalId().orElse(null);
            if (externalId != null && (takenExternalIds.contains(externalId) || !seenExternalIds.add(externalId))) {
                return new DuplicateInteractionException("externalId", externalId);
            }
            UUID original = i.supersedes().map(InteractionId::value).orElse(null);
            if (original != null && (takenOriginals.contains(original) || !seenOriginals.add(original))) {
                return new DuplicateInteractionException("supersedes", original.toString());
            }
        }
        return null;
    }

    /** Which of {@code values} the tenant's interactions hold in {@code attribute}: a query per {@value #CHUNK}. */
    private <T> Set<T> taken(EntityManager em, String attribute, Class<T> type, Collection<T> values) {
        Set<T> found = new HashSet<>();
        for (List<T> chunk : chunks(new ArrayList<>(values))) {
            found.addAll(em.createQuery(
                            "select i." + attribute + " from " + ENTITY + " i" + " where i.tenantId = :tenant and i."
                                    + attribute + " in :values",
                            type)
                    .setParameter("tenant", tenant.value())
                    .setParameter("values", chunk)
                    .getResultList());
        }
        return found;
    }

    /**
     * The interactions of {@code roots}, in their order, with their participants read in one
     * statement and their links (when any has links) in one more, per {@value #CHUNK} interactions.
     */
    private List<Interaction> assemble(EntityManager em, List<InteractionEntity> roots) {
        if (roots.isEmpty()) {
            return List.of();
        }
        if (roots.size() > CHUNK) {
            List<Interaction> all = new ArrayList<>(roots.size());
            for (List<InteractionEntity> chunk : chunks(roots)) {
                all.addAll(assemble(em, chunk));
            }
            return all;
        }
        List<UUID> ids = new ArrayList<>(roots.size());
        List<UUID> linked = new ArrayList<>();
        for (InteractionEntity root : roots) {
            ids.add(root.getId());
            if (root.getLinkCount() > 0) {
                linked.add(root.getId());
            }
        }
        Map<UUID, TreeMap<Short, Participant>> participants = new HashMap<>();
        for (Object[] row : em.createQuery(
                        "select p.interactionId, p.seq, p.customerId, p.role from " + PARTICIPANT + " p"
                                + " where p.tenantId = :tenant and p.interactionId in :ids",
                        Object[].class)
                .setParameter("tenant", tenant.value())
                .setParameter("ids", ids)
                .getResultList()) {
            participants
                    .computeIfAbsent((UUID) row[0], k -> new TreeMap<>())
                    .put((Short) row[1], InteractionMapper.participant((UUID) row[2], (String) row[3]));
        }
        Map<UUID, TreeMap<Short, InteractionLink>> links = new HashMap<>();
        if (!linked.isEmpty()) {
            for (Object[] row : em.createQuery(
                            "select l.interactionId, l.seq, l.kind, l.targetId from " + LINK + " l"
                                    + " where l.tenantId = :tenant and l.interactionId in :ids",
                            Object[].class)
                    .setParameter("tenant", tenant.value())
                    .setParameter("ids", linked)
                    .getResultList()) {
                links.computeIfAbsent((UUID) row[0], k -> new TreeMap<>())
                        .put((Short) row[1], InteractionMapper.link((String) row[2], (UUID) row[3]));
            }
        }
        List<Interaction> interactions = new ArrayList<>(roots.size());
        for (InteractionEntity root : roots) {
            TreeMap<Short, Participant> ps = participants.get(root.getId());
            TreeMap<Short, InteractionLink> ls = links.getOrDefault(root.getId(), new TreeMap<>());
            if (ps == null || ls.size() != root.getLinkCount()) {
                throw new StoreUnavailableException(
                        "the rows of interaction " + root.getId() + " in tenant " + tenant
                                + " are incomplete; were they changed outside CRMKit?",
                        null);
            }
            interactions.add(InteractionMapper.toDomain(
                    tenant, root, new ArrayList<>(ps.values()), new ArrayList<>(ls.values())));
        }
        return interactions;
    }

    private void checkTenant(Interaction interaction) {
        if (!interaction.tenant().equals(tenant)) {
            throw new ValidationException(
                    "tenant", "interaction belongs to tenant " + interaction.tenant() + ", not " + tenant);
        }
    }

    private static <E extends Enum<E>> List<String> names(Set<E> values) {
        List<String> names = new ArrayList<>(values.size());
        for (E value : values) {
            names.add(value.name());
        }
        return names;
    }

    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return chunks;
    }
}
