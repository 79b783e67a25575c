package org.crmkit.core.sales;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.CustomerId;

/**
 * The port through which the orders of <em>one tenant</em> are recorded and read. Orders are
 * append-only. No argument may be null; nothing returned is null. Stores keep every part exactly
 * (lines in order, amounts to the minor unit, instants to the microsecond) and compare external ids
 * exactly. Implementations are thread-safe and take part in the store's current unit of work. The
 * {@code crm-testkit} contract {@code OrderRepositoryContract} states the behaviour.
 */
public interface OrderRepository {

    /** The order with {@code id}; empty when the tenant has none. */
    Optional<Order> findById(OrderId id);

    /** The order with external id {@code externalId}, compared exactly; empty when there is none. */
    Optional<Order> findByExternalId(String externalId);

    /** Which of {@code externalIds} are recorded; stores override it to look them up in few round trips. */
    default Set<String> existingExternalIds(Collection<String> externalIds) {
        Set<String> found = new HashSet<>();
        for (String externalId : new LinkedHashSet<>(externalIds)) {
            findByExternalId(externalId).ifPresent(o -> found.add(externalId));
        }
        return found;
    }

    /**
     * Records {@code order}.
     *
     * @return the order as the store keeps it
     * @throws org.crmkit.core.common.ConcurrentUpdateException when its id or its external id is
     *     recorded already; nothing is written, and a SQL store's unit of work may be unusable after it
     * @throws org.crmkit.core.common.ValidationException when it belongs to another tenant
     */
    Order append(Order order);

    /**
     * Records every order as {@link #append} does, all or none. Stores override it to batch the
     * writes; the default is all-or-nothing only inside a unit of work.
     */
    default List<Order> appendAll(List<Order> orders) {
        List<Order> appended = new ArrayList<>(orders.size());
        for (Order order : orders) {
            appended.add(append(order));
        }
        return appended;
    }

    /** The latest orders of {@code customer}, newest first by time then id, at most {@code limit} (1–1000). */
    List<Order> latestForCustomer(CustomerId customer, int limit);

    /** One page of all the tenant's orders, by id (cursors of {@link org.crmkit.core.common.IdCursor}). */
    Page<Order> list(PageRequest page);

    // ---- sales analysis ------------------------------------------------------------------------

    /**
     * The sums of the orders {@code query} selects, one per (period, group key, currency) that holds
     * at least one order, ordered by period, key and currency code. The default reads every order
     * through {@link #list} and is the reference result; SQL stores override it with one aggregate
     * query per chunk of periods, joining their customer table for the owner.
     *
     * @param owners the current owners of the customers with these ids (customers without one, or
     *     unknown, left out); the default asks it once per page of orders when the query splits or
     *     filters by owner, stores that join their customers ignore it
     */
    default List<OrderSums> sums(OrderSumsQuery query, Function<Set<CustomerId>, Map<CustomerId, StaffId>> owners) {
        ValidationException.requireNonNull(query, "query");
        ValidationException.requireNonNull(owners, "owners");
        return OrderSumming.sums(this, query, owners);
    }

    /**
     * The customers who bought most in {@code currency} from {@code from} (inclusive) to {@code to}
     * (exclusive): by the sum of their order totals in that currency, descending, ties by customer
     * id ({@link org.crmkit.core.common.Ids#ORDER}); at most {@code limit} (1–1000). Orders in
     * other currencies are not counted. The default reads every order through {@link #list}; SQL
     * stores override it with one {@code GROUP BY … ORDER BY … LIMIT} query.
     */
    default List<CustomerRevenue> topCustomers(Instant from, Instant to, Currency currency, int limit) {
        ValidationException.requireNonNull(from, "from");
        ValidationException.requireNonNull(to, "to");
        ValidationException.requireNonNull(currency, "currency");
        PageRequest.requireLimit(limit, "limit");
        return OrderSumming.topCustomers(this, from, to, currency, limit);
    }

    /**
     * One page of the customers who ordered from {@code from} (inclusive) to {@code to}
     * (exclusive), by customer id (cursors of {@link org.crmkit.core.common.IdCursor}): for each, how
     * many orders and the first and last. The default reads every order through {@link #list}; SQL
     * stores override it with one {@code GROUP BY} query per page.
     */
    default Page<CustomerPurchases> purchases(Instant from, Instant to, PageRequest page) {
        ValidationException.requireNonNull(from, "from");
        ValidationException.requireNonNull(to, "to");
        ValidationException.requireNonNull(page, "page");
        return OrderSumming.purchases(this, from, to, page);
    }
}
