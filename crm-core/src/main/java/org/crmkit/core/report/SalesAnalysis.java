package org.crmkit.core.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.ServiceContext;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerRepository;
import org.crmkit.core.sales.CurrencyConverter;
import org.crmkit.core.sales.CustomerPurchases;
import org.crmkit.core.sales.CustomerRevenue;
import org.crmkit.core.sales.OrderRepository;
import org.crmkit.core.sales.OrderSums;
import org.crmkit.core.sales.OrderSumsQuery;
import org.crmkit.core.sales.RevenueSeries;

/**
 * Sales analysis for one tenant: revenue, order count, average order value and margin per customer,
 * owner, product or channel, by day, week, month, quarter or year over any {@link ReportPeriod};
 * the top customers; how often each customer buys. The data behind a host's sales dashboards.
 * Obtain it from {@code crm.forTenant(tenant).as(actor).salesAnalysis()}.
 *
 * <p>Every figure is summed by the store (pushed down to SQL by the JDBC and JPA stores), in one
 * currency: amounts of different currencies are never added, except by {@link #figures(SalesQuery,
 * Currency, CurrencyConverter)} through an explicit converter. Each method reads in one unit of
 * work (or joins the caller's). Thread-safe.
 */
public final class SalesAnalysis {
    private static final Comparator<SalesFigure> ORDER = Comparator.comparing(SalesFigure::periodStart)
            .thenComparing(SalesFigure::key)
            .thenComparing(f -> f.currency().getCurrencyCode());

    private final ServiceContext context;
    private final OrderRepository orders;
    private final CustomerRepository customers;

    /** Creates the analysis over one tenant's repositories; the {@code CrmScope} does this for hosts. */
    public SalesAnalysis(ServiceContext context, OrderRepository orders, CustomerRepository customers) {
        this.context = Objects.requireNonNull(context, "context");
        this.orders = Objects.requireNonNull(orders, "orders");
        this.customers = Objects.requireNonNull(customers, "customers");
    }

    /**
     * The figures {@code query} asks for: one per period, group and currency that holds at least one
     * order (empty periods give none), ordered by period start, key and currency code. An order
     * belongs to the period whose start (midnight in the period's zone) is at or before its time and
     * whose end is after it.
     *
     * @throws ValidationException naming {@code query} when it is missing
     */
    public List<SalesFigure> figures(SalesQuery query) {
        ValidationException.requireNonNull(query, "query");
        List<LocalDate> starts = query.period().starts(query.granularity());
        List<SalesFigure> figures = new ArrayList<>();
        for (OrderSums s : sums(query)) {
            figures.add(new SalesFigure(
                    starts.get(s.period()), s.key(), s.revenue(), s.orders(), s.cost(), s.costedRevenue()));
        }
        return figures;
    }

    /**
     * The figures {@code query} asks for, all in {@code target}, one per period and group, ordered
     * by period start and key. When every order is in {@code target} already, these are {@link
     * #figures(SalesQuery)}. Otherwise each order is converted at the rate of the day it was placed
     * (the day in the period's zone): the store sums the orders per day, group and currency, each such
     * sum (revenue, cost and the revenue with cost) is converted by {@code converter} at that day's
     * rate and rounded half-even to {@code target}'s minor unit, and the converted days are added up
     * into the requested periods. Converting per day needs the period to span at most {@value
     * ReportPeriod#MAX_PERIODS} days.
     *
     * @throws ValidationException naming {@code query}, {@code currency} or {@code converter} when
     *     missing, {@code granularity} when the period spans too many days to convert, or whatever
     *     the converter throws for a missing rate
     */
    public List<SalesFigure> figures(SalesQuery query, Currency target, CurrencyConverter converter) {
        ValidationException.requireNonNull(query, "query");
        ValidationException.requireNonNull(target, "currency");
        ValidationException.requireNonNull(converter, "converter");
        List<SalesFigure> asStored = figures(query);
        if (asStored.stream().allMatch(f -> f.currency().equals(target))) {
            return asStored;
        }
        List<LocalDate> starts = query.period().starts(query.granularity());
        List<LocalDate> days = query.period().starts(Granularity.DAY);
        Map<List<Object>, Money[]> amounts = new HashMap<>();
        Map<List<Object>, Long> counts = new HashMap<>();
        for (OrderSums s : sums(query.cutBy(Granularity.DAY))) {
            LocalDate day = days.get(s.period());
            int at = Collections.binarySearch(starts, day);
            LocalDate start = starts.get(at >= 0 ? at : -at - 2);
            List<Object> group = List.of(start, s.key());
            Money[] converted = {
                converter.convert(s.revenue(), target, day),
                converter.convert(s.cost(), target, day),
                converter.convert(s.costedRevenue(), target, day)
            };
            amounts.merge(group, converted, (a, b) -> new Money[] {a[0].plus(b[0]), a[1].plus(b[1]), a[2].plus(b[2])});
            counts.merge(group, s.orders(), Long::sum);
        }
        List<SalesFigure> figures = new ArrayList<>(amounts.size());
        amounts.forEach((group, a) -> figures.add(
                new SalesFigure((LocalDate) group.get(0), (String) group.get(1), a[0], counts.get(group), a[1], a[2])));
        figures.sort(ORDER);
        return figures;
    }

    /**
     * The revenue of {@code period} in {@code currency} as a monthly or quarterly series, every
     * period present (a month without orders is a zero), ready for {@link
     * org.crmkit.core.sales.RevenueForecast#fit}. Orders in other currencies are left out; convert
     * first when the tenant sells in several.
     *
     * @throws ValidationException naming {@code granularity} when it is not MONTH or QUARTER, or
     *     {@code period} when it does not start and end on the first day of such a period
     */
    public RevenueSeries revenueSeries(ReportPeriod period, Granularity granularity, Currency currency) {
        ValidationException.requireNonNull(period, "period");
        ValidationException.requireNonNull(granularity, "granularity");
        ValidationException.requireNonNull(currency, "currency");
        if (granularity != Granularity.MONTH && granularity != Granularity.QUARTER) {
            throw new ValidationException(
                    "granularity", "must be MONTH or QUARTER for a revenue series, was " + granularity);
        }
        if (!granularity.start(period.from()).equals(period.from())
                || !granularity.start(period.to()).equals(period.to())) {
            throw new ValidationException(
                    "period",
                    "must run from the first day of a " + granularity.name().toLowerCase(java.util.Locale.ROOT)
                            + " to the first day of another, was " + period.from() + " to " + period.to());
        }
        List<LocalDate> starts = period.starts(granularity);
        Map<LocalDate, java.math.BigDecimal> revenue = new HashMap<>();
        for (SalesFigure figure : figures(SalesQuery.of(period, granularity, SalesDimension.TOTAL))) {
            if (figure.currency().equals(currency)) {
                revenue.put(figure.periodStart(), figure.revenue().amount());
            }
        }
        List<java.math.BigDecimal> totals = new ArrayList<>(starts.size());
        for (LocalDate start : starts) {
            totals.add(revenue.getOrDefault(start, java.math.BigDecimal.ZERO));
        }
        return granularity == Granularity.MONTH
                ? RevenueSeries.monthly(currency, period.from(), totals)
                : RevenueSeries.quarterly(currency, period.from(), totals);
    }

    /**
     * The customers who bought most in {@code currency} during {@code period}, by revenue in that
     * currency (orders in other currencies are not counted), descending, ties by customer id; at
     * most {@code limit}.
     *
     * @throws ValidationException naming {@code period} or {@code currency} when missing, or {@code
     *     limit} when it is not 1–1000
     */
    public List<CustomerRevenue> topCustomers(ReportPeriod period, int limit, Currency currency) {
        ValidationException.requireNonNull(period, "period");
        ValidationException.requireNonNull(currency, "currency");
        PageRequest.requireLimit(limit, "limit");
        return context.transactions()
                .inTransaction(() -> orders.topCustomers(period.start(), period.end(), currency, limit));
    }

    /**
     * One page of the customers who ordered during {@code period}, by customer id: how many orders
     * each placed, the first and the last, and from them the average days between orders ({@link
     * CustomerPurchases#averageDaysBetweenOrders()}).
     *
     * @throws ValidationException naming {@code period} or {@code page} when missing, or {@code
     *     page.cursor} for a cursor of another list
     */
    public Page<CustomerPurchases> purchaseFrequency(ReportPeriod period, PageRequest page) {
        ValidationException.requireNonNull(period, "period");
        ValidationException.requireNonNull(page, "page");
        return context.transactions().inTransaction(() -> orders.purchases(period.start(), period.end(), page));
    }

    private List<OrderSums> sums(SalesQuery query) {
        OrderSumsQuery q = OrderSumsQuery.of(
                query.period().boundaries(query.granularity()),
                query.dimension().grouping());
        if (query.owner().isPresent()) {
            q = q.ownedBy(query.owner().get());
        }
        if (query.channel().isPresent()) {
            q = q.on(query.channel().get());
        }
        OrderSumsQuery asked = q;
        return context.transactions().inTransaction(() -> orders.sums(asked, this::ownersOf));
    }

    private Map<CustomerId, StaffId> ownersOf(Set<CustomerId> ids) {
        Map<CustomerId, StaffId> owners = new HashMap<>();
        for (Customer customer : customers.findAllById(ids)) {
            customer.owner().ifPresent(owner -> owners.put(customer.id(), owner));
        }
        return owners;
    }
}
