package org.crmkit.core.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageCursor;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.sales.LineItem;
import org.crmkit.core.sales.Order;
import org.crmkit.core.sales.OrderRepository;

/**
 * The query port behind cross-selling, for <em>one tenant</em>: which products the orders of a
 * period held, alone and in pairs, and what a customer has bought. A store hands one out per tenant
 * ({@code CrmStore.productBaskets(tenant)}); SQL stores count in the database. {@link #scanning}
 * counts by reading every order, the reference the stores' counts must equal. Thread-safe.
 */
public interface ProductBaskets {

    /**
     * The basket counts of the orders placed in {@code period}, with the pairs bought together in
     * at least {@code minPairOrders} orders.
     *
     * @throws ValidationException naming {@code minPairOrders} when it is below 1
     */
    BasketCounts count(ReportPeriod period, int minPairOrders);

    /** Every product {@code customer} has ever ordered. */
    Set<String> productsBoughtBy(CustomerId customer);

    /**
     * The port answered by reading all of the tenant's orders through {@code orders}, a page at a
     * time: correct for every store, and the reference for those that count in SQL.
     */
    static ProductBaskets scanning(OrderRepository orders) {
        ValidationException.requireNonNull(orders, "orders");
        return new ProductBaskets() {
            @Override
            public BasketCounts count(ReportPeriod period, int minPairOrders) {
                requireArguments(period, minPairOrders);
                Counter counter = new Counter();
                forEach(orders, order -> {
                    if (period.contains(order.orderedAt())) {
                        counter.add(order);
                    }
                });
                return counter.counts(minPairOrders);
            }

            @Override
            public Set<String> productsBoughtBy(CustomerId customer) {
                ValidationException.requireNonNull(customer, "customerId");
                Set<String> bought = new HashSet<>();
                forEach(orders, order -> {
                    if (order.customer().equals(customer)) {
                        order.lines().forEach(line -> bought.add(line.product()));
                    }
                });
                return bought;
            }
        };
    }

    /** Checks the arguments of {@link #count}, as every implementation must. */
    static void requireArguments(ReportPeriod period, int minPairOrders) {
        ValidationException.requireNonNull(period, "period");
        if (minPairOrders < 1) {
            throw new ValidationException("minPairOrders", "must be at least 1, was " + minPairOrders);
        }
    }

    private static void forEach(OrderRepository orders, java.util.function.Consumer<Order> action) {
        Optional<PageCursor> next = Optional.empty();
        do {
            Page<Order> page =
                    orders.list(next.map(c -> PageRequest.after(c, 500)).orElse(PageRequest.first(500)));
            page.items().forEach(action);
            next = page.next();
        } while (next.isPresent());
    }

    /** Counts orders one at a time: the in-Java reference of {@link #count}. */
    final class Counter {
        private long orders;
        private final Map<String, Long> products = new HashMap<>();
        private final Map<BasketCounts.PairCount, Long> pairs = new HashMap<>();

        /** Counts {@code order}: once, once per product and once per pair of products it holds. */
        public void add(Order order) {
            if (order.lines().isEmpty()) {
                return;
            }
            orders++;
            TreeSet<String> held = new TreeSet<>();
            for (LineItem line : order.lines()) {
                held.add(line.product());
            }
            List<String> sorted = new ArrayList<>(held);
            for (int i = 0; i < sorted.size(); i++) {
                products.merge(sorted.get(i), 1L, Long::sum);
                for (int j = i + 1; j < sorted.size(); j++) {
                    pairs.merge(new BasketCounts.PairCount(sorted.get(i), sorted.get(j), 0), 1L, Long::sum);
                }
            }
        }

        /** What was counted, with the pairs of at least {@code minPairOrders} orders. */
        public BasketCounts counts(int minPairOrders) {
            List<BasketCounts.PairCount> kept = new ArrayList<>();
            pairs.forEach((pair, n) -> {
                if (n >= minPairOrders) {
                    kept.add(new BasketCounts.PairCount(pair.first(), pair.second(), n));
                }
            });
            return new BasketCounts(orders, products, kept);
        }
    }
}
