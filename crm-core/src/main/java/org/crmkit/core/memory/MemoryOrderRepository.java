package org.crmkit.core.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.crmkit.core.common.ConcurrentUpdateException;
import org.crmkit.core.common.IdCursor;
import org.crmkit.core.common.Ids;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.sales.Order;
import org.crmkit.core.sales.OrderId;
import org.crmkit.core.sales.OrderRepository;

/** {@link OrderRepository} over one tenant's orders. */
final class MemoryOrderRepository implements OrderRepository {
    private final MemoryCrmStore store;
    private final TenantId tenant;
    private final Table table;

    MemoryOrderRepository(MemoryCrmStore store, TenantId tenant, Table table) {
        this.store = store;
        this.tenant = tenant;
        this.table = table;
    }

    @Override
    public Optional<Order> findById(OrderId id) {
        ValidationException.requireNonNull(id, "orderId");
        return store.read(() -> Optional.ofNullable(table.byId.get(id)));
    }

    @Override
    public Optional<Order> findByExternalId(String externalId) {
        ValidationException.requireNonNull(externalId, "externalId");
        return store.read(
                () -> Optional.ofNullable(table.byExternalId.get(externalId)).map(table.byId::get));
    }

    @Override
    public Order append(Order order) {
        return appendAll(List.of(order)).get(0);
    }

    @Override
    public List<Order> appendAll(List<Order> orders) {
        ValidationException.requireNonNull(orders, "orders");
        for (Order order : orders) {
            ValidationException.requireNonNull(order, "order");
            if (!order.tenant().equals(tenant)) {
                throw new ValidationException(
                        "tenant", "order belongs to tenant " + order.tenant() + ", not " + tenant);
            }
        }
        List<Order> copy = List.copyOf(orders);
        return store.write(
                () -> {
                    copy.forEach(table::add);
                    return copy;
                },
                () -> {
                    Set<OrderId> ids = new HashSet<>();
                    Set<String> externalIds = new HashSet<>();
                    for (Order order : copy) {
                        if (table.byId.containsKey(order.id()) || !ids.add(order.id())) {
                            throw new ConcurrentUpdateException("Order", order.id(), 0);
                        }
                        String external = order.externalId().orElse(null);
                        if (external != null
                                && (table.byExternalId.containsKey(external) || !externalIds.add(external))) {
                            throw new ConcurrentUpdateException("Order", order.id(), 0);
                        }
                    }
                    return () -> copy.forEach(table::remove);
                });
    }

    @Override
    public List<Order> latestForCustomer(CustomerId customer, int limit) {
        ValidationException.requireNonNull(customer, "customerId");
        Comparator<Order> newestFirst = Comparator.comparing(Order::orderedAt)
                .thenComparing(o -> o.id().value(), Ids.ORDER)
                .reversed();
        return store.read(() -> table.byCustomer.getOrDefault(customer, List.of()).stream()
                .sorted(newestFirst)
                .limit(PageRequest.requireLimit(limit, "limit"))
                .toList());
    }

    @Override
    public Page<Order> list(PageRequest page) {
        ValidationException.requireNonNull(page, "page");
        Optional<UUID> after = IdCursor.start(page);
        return store.read(() -> IdCursor.page(
                table.byId.values().stream()
                        .filter(o -> after.isEmpty() || Ids.ORDER.compare(o.id().value(), after.get()) > 0)
                        .sorted(Comparator.comparing(o -> o.id().value(), Ids.ORDER))
                        .limit(page.size() + 1L)
                        .toList(),
                page.size(),
                o -> o.id().value()));
    }

    /** One tenant's orders and their indexes. Guarded by the store's lock. */
    static final class Table {
        final Map<OrderId, Order> byId = new HashMap<>();
        final Map<String, OrderId> byExternalId = new HashMap<>();
        final Map<CustomerId, List<Order>> byCustomer = new HashMap<>();

        void add(Order order) {
            byId.put(order.id(), order);
            order.externalId().ifPresent(e -> byExternalId.put(e, order.id()));
            byCustomer.computeIfAbsent(order.customer(), c -> new ArrayList<>()).add(order);
        }

        void remove(Order order) {
            byId.remove(order.id());
            order.externalId().ifPresent(byExternalId::remove);
            byCustomer.computeIfPresent(order.customer(), (c, list) -> {
                list.remove(order);
                return list.isEmpty() ? null : list;
            });
        }
    }
}
