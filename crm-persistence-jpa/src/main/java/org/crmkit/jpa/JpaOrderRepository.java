package org.crmkit.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.crmkit.core.common.ConcurrentUpdateException;
import org.crmkit.core.common.IdCursor;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.StoreUnavailableException;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.sales.CustomerPurchases;
import org.crmkit.core.sales.CustomerRevenue;
import org.crmkit.core.sales.LineItem;
import org.crmkit.core.sales.Order;
import org.crmkit.core.sales.OrderId;
import org.crmkit.core.sales.OrderRepository;
import org.crmkit.core.sales.OrderSums;
import org.crmkit.core.sales.OrderSumsQuery;
import org.crmkit.jpa.internal.OrderEntity;
import org.crmkit.jpa.internal.OrderKey;
import org.crmkit.jpa.internal.OrderLineEntity;

/**
 * {@link OrderRepository} of one tenant over JPA. Every query names the tenant, and every key and
 * index of {@code crmkit_order} and {@code crmkit_order_line} leads with it: a customer's latest
 * orders are one range of {@code (tenant_id, customer_id, ordered_at DESC, id DESC)}, an external
 * id one probe of the unique key {@code (tenant_id, external_id)}, which compares exactly.
 *
 * <p>Orders are append-only and their rows are written in one transaction, so a read cannot see a
 * half-written order: orders are read in two statements however many there are (up to {@value
 * #CHUNK} at a time), one for the rows and one for all their lines.
 *
 * <p>Appends check ids and external ids in the database before they insert (one query per kind and
 * {@value #CHUNK} orders), so that a taken one, or one that repeats an earlier order of the same
 * list, fails with {@link ConcurrentUpdateException} without a failed statement, which on PostgreSQL
 * would abort the caller's transaction; nothing is written then. Only a concurrent writer that
 * records the same value between the check and the insert makes the insert fail, with the same
 * exception. {@code appendAll} runs in one unit of work, so it records all or nothing; its inserts
 * are flushed every {@value #FLUSH_ROWS} rows or so, so the provider's JDBC batching applies, and
 * let go of afterwards, so the persistence context stays small. Instants are kept to the
 * microsecond, amounts exactly. Thread-safe: holds no entity manager.
 */
final class JpaOrderRepository implements OrderRepository {
    /** The most values in one {@code IN} list. */
    static final int CHUNK = 500;

    /** About how many rows {@code appendAll} persists before it flushes them. */
    static final int FLUSH_ROWS = 1000;

    private static final String ENTITY = "CrmkitOrder";
    private static final String LINE = "CrmkitOrderLine";

    private final JpaCrmStore store;
    private final TenantId tenant;
    private final JpaSalesSums analysis;

    JpaOrderRepository(JpaCrmStore store, TenantId tenant) {
        this.store = store;
        this.tenant = tenant;
        this.analysis = new JpaSalesSums(store, tenant);
    }

    @Override
    public Optional<Order> findById(OrderId id) {
        ValidationException.requireNonNull(id, "orderId");
        return store.run(em -> {
            try {
                OrderEntity entity = em.find(OrderEntity.class, new OrderKey(tenant.value(), id.value()));
                return entity == null
                        ? Optional.<Order>empty()
                        : Optional.of(assemble(em, List.of(entity)).get(0));
            } catch (RuntimeException e) {
                throw Errors.translate(e);
            }
        });
    }

    @Override
    public Optional<Order> findByExternalId(String externalId) {
        ValidationException.requireNonNull(externalId, "externalId");
        return store.run(em -> {
            try {
                List<OrderEntity> roots = em.createQuery(
                                "select o from " + ENTITY
                                        + " o where o.tenantId = :tenant and o.externalId = :external",
                                OrderEntity.class)
                        .setParameter("tenant", tenant.value())
                        .setParameter("external", externalId)
                        .getResultList();
                return roots.isEmpty()
                        ? Optional.<Order>empty()
                        : Optional.of(assemble(em, roots).get(0));
            } catch (RuntimeException e) {
                throw Errors.translate(e);
            }
        });
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
    public Order append(Order order) {
        ValidationException.requireNonNull(order, "order");
        checkTenant(order);
        Order stored = OrderMapper.normalised(order);
        return store.run(em -> {
            insertAll(em, List.of(stored));
            return stored;
        });
    }

    @Override
    public List<Order> appendAll(List<Order> orders) {
        ValidationException.requireNonNull(orders, "orders");
        List<Order> stored = new ArrayList<>(orders.size());
        for (int i = 0; i < orders.size(); i++) {
            Order order = ValidationException.requireNonNull(orders.get(i), "orders[" + i + "]");
            checkTenant(order);
            stored.add(OrderMapper.normalised(order));
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
    public List<Order> latestForCustomer(CustomerId customer, int limit) {
        ValidationException.requireNonNull(customer, "customerId");
        int max = PageRequest.requireLimit(limit, "limit");
        return store.run(em -> {
            try {
                return assemble(
                        em,
                        em.createQuery(
                                        "select o from " + ENTITY + " o where o.tenantId = :tenant"
                                                + " and o.customerId = :customer order by o.orderedAt desc, o.id desc",
                                        OrderEntity.class)
                                .setParameter("tenant", tenant.value())
                                .setParameter("customer", customer.value())
                                .setMaxResults(max)
                                .getResultList());
            } catch (RuntimeException e) {
                throw Errors.translate(e);
            }
        });
    }

    @Override
    public Page<Order> list(PageRequest page) {
        ValidationException.requireNonNull(page, "page");
        Optional<UUID> after = IdCursor.start(page);
        return store.run(em -> {
            try {
                TypedQuery<OrderEntity> q = em.createQuery(
                        "select o from " + ENTITY + " o where o.tenantId = :tenant"
                                + (after.isPresent() ? " and o.id > :after" : "")
                                + " order by o.id",
                        OrderEntity.class);
                q.setParameter("tenant", tenant.value());
                after.ifPresent(id -> q.setParameter("after", id));
                List<Order> rows = assemble(em, q.setMaxResults(page.size() + 1).getResultList());
                return IdCursor.page(rows, page.size(), o -> o.id().value());
            } catch (RuntimeException e) {
                throw Errors.translate(e);
            }
        });
    }

    /** Sums in the database ({@link JpaSalesSums}), joining {@code crmkit_customer}: {@code owners} is not asked. */
    @Override
    public List<OrderSums> sums(OrderSumsQuery query, Function<Set<CustomerId>, Map<CustomerId, StaffId>> owners) {
        ValidationException.requireNonNull(query, "query");
        ValidationException.requireNonNull(owners, "owners");
        return analysis.sums(query);
    }

    @Override
    public List<CustomerRevenue> topCustomers(Instant from, Instant to, Currency currency, int limit) {
        ValidationException.requireNonNull(from, "from");
        ValidationException.requireNonNull(to, "to");
        ValidationException.requireNonNull(currency, "currency");
        PageRequest.requireLimit(limit, "limit");
        return analysis.topCustomers(from, to, currency, limit);
    }

    @Override
    public Page<CustomerPurchases> purchases(Instant from, Instant to, PageRequest page) {
        ValidationException.requireNonNull(from, "from");
        ValidationException.requireNonNull(to, "to");
        ValidationException.requireNonNull(page, "page");
        return analysis.purchases(from, to, page);
    }

    @Override
    public String toString() {
        return "JpaOrderRepository[" + tenant + "]";
    }

    /**
     * Inserts {@code orders} (of this tenant, {@link OrderMapper#normalised}) after checking that
     * none is recorded already or repeats an earlier one of the list.
     */
    private void insertAll(EntityManager em, List<Order> orders) {
        Order taken;
        try {
            taken = firstTaken(em, orders);
        } catch (RuntimeException e) {
            throw Errors.translate(e);
        }
        if (taken != null) {
            throw new ConcurrentUpdateException("Order", taken.id(), 0);
        }
        List<Object> pending = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < orders.size(); i++) {
            OrderMapper.Rows rows = OrderMapper.newRows(orders.get(i));
            try {
                em.persist(rows.root());
                pending.add(rows.root());
                for (OrderLineEntity line : rows.lines()) {
                    em.persist(line);
                    pending.add(line);
                }
            } catch (RuntimeException e) {
                throw Errors.onWrite(e, "Order", describe(orders.subList(from, i + 1)), 0);
            }
            if (pending.size() >= FLUSH_ROWS || i == orders.size() - 1) {
                try {
                    em.flush();
                } catch (RuntimeException e) {
                    throw Errors.onWrite(e, "Order", describe(orders.subList(from, i + 1)), 0);
                }
                for (Object row : pending) {
                    em.detach(row);
                }
                pending.clear();
                from = i + 1;
            }
        }
    }

    /**
     * The first of {@code orders} whose id or external id is recorded in the tenant or given by an
     * earlier one of the list, as the in-memory store reports it; null when there is none.
     */
    private Order firstTaken(EntityManager em, List<Order> orders) {
        Set<UUID> ids = new LinkedHashSet<>();
        Set<String> externalIds = new LinkedHashSet<>();
        for (Order order : orders) {
            ids.add(order.id().value());
            order.externalId().ifPresent(externalIds::add);
        }
        Set<UUID> takenIds = taken(em, "id", UUID.class, ids);
        Set<String> takenExternalIds = taken(em, "externalId", String.class, externalIds);
        Set<UUID> seenIds = new HashSet<>();
        Set<String> seenExternalIds = new HashSet<>();
        for (Order order : orders) {
            UUID id = order.id().value();
            String externalId = order.externalId().orElse(null);
            if (takenIds.contains(id)
                    || !seenIds.add(id)
                    || (externalId != null
                            && (takenExternalIds.contains(externalId) || !seenExternalIds.add(externalId)))) {
                return order;
            }
        }
        return null;
    }

    /** Which of {@code values} the tenant's orders hold in {@code attribute}: a query per {@value #CHUNK}. */
    private <T> Set<T> taken(EntityManager em, String attribute, Class<T> type, Collection<T> values) {
        Set<T> found = new HashSet<>();
        List<T> all = new ArrayList<>(values);
        for (int i = 0; i < all.size(); i += CHUNK) {
            found.addAll(em.createQuery(
                            "select o." + attribute + " from " + ENTITY + " o where o.tenantId = :tenant and o."
                                    + attribute + " in :values",
                            type)
                    .setParameter("tenant", tenant.value())
                    .setParameter("values", all.subList(i, Math.min(all.size(), i + CHUNK)))
                    .getResultList());
        }
        return found;
    }

    /**
     * The orders of {@code roots}, in their order, with their lines read in one statement per
     * {@value #CHUNK} orders.
     */
    private List<Order> assemble(EntityManager em, List<OrderEntity> roots) {
        if (roots.isEmpty()) {
            return List.of();
        }
        if (roots.size() > CHUNK) {
            List<Order> all = new ArrayList<>(roots.size());
            for (int i = 0; i < roots.size(); i += CHUNK) {
                all.addAll(assemble(em, roots.subList(i, Math.min(roots.size(), i + CHUNK))));
            }
            return all;
        }
        List<UUID> ids = new ArrayList<>(roots.size());
        for (OrderEntity root : roots) {
            ids.add(root.getId());
        }
        Map<UUID, TreeMap<Short, LineItem>> lines = new HashMap<>();
        for (Object[] row : em.createQuery(
                        "select l.orderId, l.seq, l.line.product, l.line.quantity, l.line.unitPrice,"
                                + " l.line.currency, l.line.discount from " + LINE + " l"
                                + " where l.tenantId = :tenant and l.orderId in :ids",
                        Object[].class)
                .setParameter("tenant", tenant.value())
                .setParameter("ids", ids)
                .getResultList()) {
            lines.computeIfAbsent((UUID) row[0], k -> new TreeMap<>())
                    .put(
                            (Short) row[1],
                            LineItemMapper.line(
                                    (String) row[2],
                                    (BigDecimal) row[3],
                                    (BigDecimal) row[4],
                                    (String) row[5],
                                    (BigDecimal) row[6]));
        }
        List<Order> orders = new ArrayList<>(roots.size());
        for (OrderEntity root : roots) {
            TreeMap<Short, LineItem> ls = lines.get(root.getId());
            if (ls == null || ls.size() != root.getLineCount()) {
                throw new StoreUnavailableException(
                        "the rows of order " + root.getId() + " in tenant " + tenant
                                + " are incomplete; were they changed outside CRMKit?",
                        null);
            }
            orders.add(OrderMapper.toDomain(root, new ArrayList<>(ls.values())));
        }
        return orders;
    }

    private void checkTenant(Order order) {
        if (!order.tenant().equals(tenant)) {
            throw new ValidationException("tenant", "order belongs to tenant " + order.tenant() + ", not " + tenant);
        }
    }

    /** The id of the only order of {@code orders}, or a description of them when there are several. */
    private static String describe(List<Order> orders) {
        return orders.size() == 1
                ? orders.get(0).id().toString()
                : "one of " + orders.size() + " orders written at once";
    }
}
