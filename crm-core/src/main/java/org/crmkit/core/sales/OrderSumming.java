package org.crmkit.core.sales;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.crmkit.core.common.IdCursor;
import org.crmkit.core.common.Ids;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.customer.CustomerId;

/**
 * The default, in-Java computations of {@link OrderRepository}'s sales analysis over its {@link
 * OrderRepository#list} pages: the reference result that SQL stores must equal. Stateless.
 */
final class OrderSumming {
    private static final int PAGE = PageRequest.MAX_SIZE;

    /** The order of sums: period, key, currency code. */
    static final Comparator<OrderSums> ORDER = Comparator.comparingInt(OrderSums::period)
            .thenComparing(OrderSums::key)
            .thenComparing(s -> s.currency().getCurrencyCode());

    private OrderSumming() {}

    static List<OrderSums> sums(
            OrderRepository orders, OrderSumsQuery query, Function<Set<CustomerId>, Map<CustomerId, StaffId>> owners) {
        boolean needsOwners =
                query.grouping() == OrderGrouping.OWNER || query.owner().isPresent();
        Map<Group, Sum> groups = new HashMap<>();
        forEachPage(orders, page -> {
            List<Order> selected = new ArrayList<>();
            for (Order order : page) {
                if (query.periodOf(order.orderedAt()) >= 0
                        && (query.channel().isEmpty() || order.channel().equals(query.channel()))) {
                    selected.add(order);
                }
            }
            Map<CustomerId, StaffId> ownerOf = Map.of();
            if (needsOwners && !selected.isEmpty()) {
                Set<CustomerId> customers = new HashSet<>();
                selected.forEach(o -> customers.add(o.customer()));
                ownerOf = owners.apply(customers);
            }
            for (Order order : selected) {
                StaffId owner = ownerOf.get(order.customer());
                if (query.owner().isPresent() && !query.owner().get().equals(owner)) {
                    continue;
                }
                int period = query.periodOf(order.orderedAt());
                if (query.grouping() == OrderGrouping.PRODUCT) {
                    Map<String, Money> byProduct = new LinkedHashMap<>();
                    for (LineItem line : order.lines()) {
                        byProduct.merge(line.product(), line.total(), Money::plus);
                    }
                    byProduct.forEach((product, total) -> groups.computeIfAbsent(
                                    new Group(period, product, total.currency()), g -> new Sum(g.currency))
                            .add(total, null));
                } else {
                    String key = switch (query.grouping()) {
                        case TOTAL -> "";
                        case CUSTOMER -> order.customer().value().toString();
                        case OWNER -> owner == null ? "" : owner.value();
                        case CHANNEL -> order.channel().map(Enum::name).orElse("");
                        case PRODUCT -> throw new IllegalStateException("split by lines above");
                    };
                    Currency currency = order.total().currency();
                    groups.computeIfAbsent(new Group(period, key, currency), g -> new Sum(currency))
                            .add(order.total(), order.cost().orElse(null));
                }
            }
        });
        List<OrderSums> result = new ArrayList<>(groups.size());
        groups.forEach((g, s) -> result.add(new OrderSums(g.period, g.key, s.revenue, s.orders, s.cost, s.costed)));
        result.sort(ORDER);
        return result;
    }

    static List<CustomerRevenue> topCustomers(
            OrderRepository orders, Instant from, Instant to, Currency currency, int limit) {
        Map<CustomerId, Sum> byCustomer = new HashMap<>();
        forEachPage(orders, page -> {
            for (Order order : page) {
                if (within(order, from, to) && order.total().currency().equals(currency)) {
                    byCustomer
                            .computeIfAbsent(order.customer(), c -> new Sum(currency))
                            .add(order.total(), null);
                }
            }
        });
        return byCustomer.entrySet().stream()
                .sorted(Comparator.<Map.Entry<CustomerId, Sum>, Money>comparing(e -> e.getValue().revenue)
                        .reversed()
                        .thenComparing(e -> e.getKey().value(), Ids.ORDER))
                .limit(limit)
                .map(e -> new CustomerRevenue(e.getKey(), e.getValue().revenue, e.getValue().orders))
                .toList();
    }

    static Page<CustomerPurchases> purchases(OrderRepository orders, Instant from, Instant to, PageRequest page) {
        Optional<UUID> after = IdCursor.start(page);
        TreeMap<UUID, CustomerPurchases> byCustomer = new TreeMap<>(Ids.ORDER);
        forEachPage(orders, list -> {
            for (Order order : list) {
                UUID customer = order.customer().value();
                if (!within(order, from, to) || (after.isPresent() && Ids.ORDER.compare(customer, after.get()) <= 0)) {
                    continue;
                }
                Instant at = order.orderedAt();
                byCustomer.merge(
                        customer,
                        new CustomerPurchases(order.customer(), 1, at, at),
                        (a, b) -> new CustomerPurchases(
                                a.customer(),
                                a.orders() + b.orders(),
                                a.firstOrderAt().isBefore(b.firstOrderAt()) ? a.firstOrderAt() : b.firstOrderAt(),
                                a.lastOrderAt().isAfter(b.lastOrderAt()) ? a.lastOrderAt() : b.lastOrderAt()));
            }
        });
        List<CustomerPurchases> rows =
                byCustomer.values().stream().limit(page.size() + 1L).toList();
        return IdCursor.page(rows, page.size(), p -> p.customer().value());
    }

    private static boolean within(Order order, Instant from, Instant to) {
        return !order.orderedAt().isBefore(from) && order.orderedAt().isBefore(to);
    }

    private static void forEachPage(OrderRepository orders, Consumer<List<Order>> action) {
        Page<Order> page = orders.list(PageRequest.first(PAGE));
        action.accept(page.items());
        while (page.next().isPresent()) {
            page = orders.list(PageRequest.after(page.next().get(), PAGE));
            action.accept(page.items());
        }
    }

    private record Group(int period, String key, Currency currency) {}

    /** A running sum of one group. */
    private static final class Sum {
        Money revenue;
        long orders;
        Money cost;
        Money costed;

        Sum(Currency currency) {
            revenue = Money.zero(currency);
            cost = revenue;
            costed = revenue;
        }

        void add(Money total, Money orderCost) {
            revenue = revenue.plus(total);
            orders++;
            if (orderCost != null) {
                cost = cost.plus(orderCost);
                costed = costed.plus(total);
            }
        }
    }
}
