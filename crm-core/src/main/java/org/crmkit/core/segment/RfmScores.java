package org.crmkit.core.segment;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.crmkit.core.common.IdCursor;
import org.crmkit.core.common.Ids;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageCursor;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.sales.Order;
import org.crmkit.core.sales.OrderRepository;

/**
 * The query port behind RFM scoring, for <em>one tenant</em>: every customer with an order that
 * {@link RfmQuery} counts, scored as {@link RfmScore} says. A store hands one out per tenant ({@code
 * CrmStore.rfmScores(tenant)}); SQL stores score in the database with window functions. {@link
 * #scanning} scores by reading every order, the reference the stores' scores must equal.
 * Thread-safe.
 */
public interface RfmScores {

    /**
     * One page of the scored customers, ordered by customer id ({@link Ids#ORDER}; cursors of
     * {@link IdCursor}). Customers without a counted order are not scored.
     */
    Page<RfmScore> scores(RfmQuery query, PageRequest page);

    /** How many scored customers each (recency, frequency) pair has; pairs with none left out; by recency, then frequency. */
    List<RfmCell> grid(RfmQuery query);

    /**
     * The port answered by reading all of the tenant's orders through {@code orders}, a page at a
     * time: correct for every store, and the reference for those that score in SQL.
     */
    static RfmScores scanning(OrderRepository orders) {
        ValidationException.requireNonNull(orders, "orders");
        return new RfmScores() {
            @Override
            public Page<RfmScore> scores(RfmQuery query, PageRequest page) {
                ValidationException.requireNonNull(query, "query");
                ValidationException.requireNonNull(page, "page");
                Optional<UUID> after = IdCursor.start(page);
                List<RfmScore> rows = new ArrayList<>();
                for (RfmScore score : all(orders, query)) {
                    if (after.isEmpty() || Ids.ORDER.compare(score.customer().value(), after.get()) > 0) {
                        rows.add(score);
                        if (rows.size() > page.size()) {
                            break;
                        }
                    }
                }
                return IdCursor.page(rows, page.size(), s -> s.customer().value());
            }

            @Override
            public List<RfmCell> grid(RfmQuery query) {
                ValidationException.requireNonNull(query, "query");
                Map<Integer, Long> counts = new TreeMap<>();
                for (RfmScore score : all(orders, query)) {
                    counts.merge(score.recency() * 10 + score.frequencyScore(), 1L, Long::sum);
                }
                List<RfmCell> cells = new ArrayList<>(counts.size());
                counts.forEach((key, n) -> cells.add(new RfmCell(key / 10, key % 10, n)));
                return cells;
            }
        };
    }

    /** Every scored customer of {@code query}, by customer id. */
    private static List<RfmScore> all(OrderRepository orders, RfmQuery query) {
        Map<CustomerId, long[]> counts = new HashMap<>(); // last order (epoch µs), orders
        Map<CustomerId, BigDecimal> spent = new HashMap<>();
        Optional<PageCursor> next = Optional.empty();
        do {
            Page<Order> page =
                    orders.list(next.map(c -> PageRequest.after(c, 500)).orElse(PageRequest.first(500)));
            for (Order order : page.items()) {
                Instant at = order.orderedAt();
                if (!order.total().currency().equals(query.currency())
                        || !at.isBefore(query.asOf())
                        || query.since().map(at::isBefore).orElse(false)) {
                    continue;
                }
                long[] c = counts.computeIfAbsent(order.customer(), k -> new long[] {Long.MIN_VALUE, 0});
                c[0] = Math.max(c[0], at.getEpochSecond() * 1_000_000 + at.getNano() / 1000);
                c[1]++;
                spent.merge(order.customer(), order.total().amount(), BigDecimal::add);
            }
            next = page.next();
        } while (next.isPresent());
        long asOf = query.asOf().getEpochSecond() * 1_000_000 + query.asOf().getNano() / 1000;
        List<CustomerId> customers = new ArrayList<>(counts.keySet());
        long n = customers.size();
        // worse first: more days since the last order, fewer orders, less spent
        Map<CustomerId, Long> days = new HashMap<>();
        counts.forEach((c, v) ->
                days.put(c, Duration.ofNanos((asOf - v[0]) * 1000).toDays()));
        Map<CustomerId, Integer> r = scores(customers, Comparator.comparing((CustomerId c) -> -days.get(c)), n);
        Map<CustomerId, Integer> f = scores(customers, Comparator.comparingLong(c -> counts.get(c)[1]), n);
        Map<CustomerId, Integer> m = scores(customers, Comparator.comparing(spent::get), n);
        customers.sort(Comparator.comparing(CustomerId::value, Ids.ORDER));
        List<RfmScore> scores = new ArrayList<>(customers.size());
        for (CustomerId c : customers) {
            scores.add(new RfmScore(
                    c,
                    days.get(c),
                    counts.get(c)[1],
                    Money.of(spent.get(c), query.currency()),
                    r.get(c),
                    f.get(c),
                    m.get(c)));
        }
        return scores;
    }

    /** The score of each customer by {@code worseFirst}: ties share the rank of the first of them. */
    private static Map<CustomerId, Integer> scores(
            List<CustomerId> customers, Comparator<CustomerId> worseFirst, long n) {
        CustomerId[] sorted = customers.toArray(CustomerId[]::new);
        Arrays.sort(sorted, worseFirst);
        Map<CustomerId, Integer> scores = new HashMap<>();
        long rank = 1;
        for (int i = 0; i < sorted.length; i++) {
            if (i > 0 && worseFirst.compare(sorted[i - 1], sorted[i]) != 0) {
                rank = i + 1;
            }
            scores.put(sorted[i], RfmScore.score(rank, n));
        }
        return scores;
    }
}
