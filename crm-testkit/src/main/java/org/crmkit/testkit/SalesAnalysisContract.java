package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.crmkit.testkit.fixtures.CustomerFixtures.aPerson;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.crmkit.core.Crm;
import org.crmkit.core.CrmScope;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.Audit;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.Ids;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerRepository;
import org.crmkit.core.report.Granularity;
import org.crmkit.core.report.ReportPeriod;
import org.crmkit.core.report.SalesAnalysis;
import org.crmkit.core.report.SalesDimension;
import org.crmkit.core.report.SalesFigure;
import org.crmkit.core.report.SalesQuery;
import org.crmkit.core.sales.CustomerPurchases;
import org.crmkit.core.sales.CustomerRevenue;
import org.crmkit.core.sales.DatedRates;
import org.crmkit.core.sales.LineItem;
import org.crmkit.core.sales.Order;
import org.crmkit.core.sales.OrderGrouping;
import org.crmkit.core.sales.OrderId;
import org.crmkit.core.sales.OrderRepository;
import org.crmkit.core.sales.OrderSumsQuery;
import org.crmkit.core.spi.CrmStore;
import org.crmkit.testkit.fixtures.SteppingClock;
import org.crmkit.testkit.fixtures.TestTenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour of {@link SalesAnalysis} and of the order port's sales sums on a store: figures per
 * period in the report's zone (across month and daylight-saving boundaries), per customer, owner,
 * product and channel, currencies kept apart, honest margins when some orders lack a cost; owner and
 * channel filters; conversion to one currency at each order's day's rate; top customers with ties;
 * purchase frequency; validation; tenant isolation; and, as a property over random orders, granularity,
 * dimension and zone, that the store's sums equal the port's default Java computation over the same
 * orders (the reference).
 *
 * <p>A store runs it by extending it and supplying the store, as for {@link SalesServiceContract}.
 */
public abstract class SalesAnalysisContract {
    private static final Actor ANNA = Actor.user("anna");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ReportPeriod MARCH_APRIL =
            new ReportPeriod(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 5, 1), BERLIN);
    private static final LocalDate MARCH = LocalDate.of(2026, 3, 1);
    private static final LocalDate APRIL = LocalDate.of(2026, 4, 1);
    private static final List<ZoneId> ZONES = List.of(
            ZoneOffset.UTC,
            BERLIN,
            ZoneId.of("America/New_York"),
            ZoneId.of("Asia/Ho_Chi_Minh"),
            ZoneId.of("Australia/Lord_Howe"));

    private CrmStore store;
    private TenantId tenant;
    private CrmScope scope;
    private SalesAnalysis analysis;
    private OrderRepository orders;

    /** Creates the contract; subclasses supply the store. */
    protected SalesAnalysisContract() {}

    /**
     * Returns the store under test, called once before each test. It may be new and empty or one
     * already used, as long as it holds no data of the random tenants the tests make.
     */
    protected abstract CrmStore newStore();

    @BeforeEach
    void setUpCrm() {
        store = newStore();
        tenant = TestTenants.random("s");
        scope = scopeOf(tenant);
        analysis = scope.salesAnalysis();
        orders = store.orders(tenant);
    }

    // ---- the hand-checked example ----------------------------------------------------------

    /** Customers A (owned by rep-1) and B (no owner) and their orders around March and April in Berlin. */
    private final class Example {
        final CustomerId a = customer(Optional.of("rep-1"));
        final CustomerId b = customer(Optional.empty());

        Example() {
            orders.appendAll(List.of(
                    // 00:30 on 1 March in Berlin, still 28 February in UTC: March
                    order(a, "2026-02-28T23:30:00Z", eur("12.00"), Channel.EMAIL, line("SKU-A", "2", eur("10.00"))),
                    // 23:59:59 on 31 March in Berlin (summer time): March
                    order(
                            a,
                            "2026-03-31T21:59:59Z",
                            null,
                            null,
                            line("SKU-A", "1", eur("10.00")),
                            line("SKU-B", "1", eur("5.50"))),
                    // 00:30 on 30 March in Berlin, the day after the clocks went forward
                    order(b, "2026-03-29T22:30:00Z", null, Channel.EMAIL, line("SKU-C", "1", eur("1.00"))),
                    // midnight starting 1 April in Berlin: April
                    order(b, "2026-03-31T22:00:00Z", eur("10.00"), Channel.PHONE, line("SKU-B", "3", eur("5.50"))),
                    // 00:30 on 15 April in Berlin, 14 April in UTC
                    order(b, "2026-04-14T22:30:00Z", vnd("100000"), Channel.PHONE, line("SKU-A", "1", vnd("250000"))),
                    // just outside: 23:59:59 on 28 February and midnight starting 1 May in Berlin
                    order(a, "2026-02-28T22:59:59Z", eur("1.00"), Channel.EMAIL, line("SKU-A", "1", eur("99.00"))),
                    order(a, "2026-04-30T22:00:00Z", eur("1.00"), Channel.EMAIL, line("SKU-A", "1", eur("99.00")))));
        }
    }

    @Test
    void figures_total_perMonthInTheZone_keepCurrenciesApart_andMarginsHonest() {
        new Example();

        List<SalesFigure> figures = analysis.figures(query(Granularity.MONTH, SalesDimension.TOTAL));

        assertThat(figures)
                .containsExactly(
                        new SalesFigure(MARCH, "", eur("36.50"), 3, eur("12.00"), eur("20.00")),
                        new SalesFigure(APRIL, "", eur("16.50"), 1, eur("10.00"), eur("16.50")),
                        new SalesFigure(APRIL, "", vnd("250000"), 1, vnd("100000"), vnd("250000")));
        assertThat(figures.get(0).margin()).isEqualTo(eur("8.00"));
        assertThat(figures.get(0).averageOrderValue()).isEqualTo(eur("12.17"));
        assertThat(figures.get(2).margin()).isEqualTo(vnd("150000"));
        assertThat(figures.get(2).averageOrderValue()).isEqualTo(vnd("250000"));
    }

    @Test
    void figures_perDay_followTheZoneAcrossTheDaylightSavingChange() {
        new Example();

        List<SalesFigure> figures = analysis.figures(query(Granularity.DAY, SalesDimension.TOTAL));

        assertThat(figures)
                .extracting(SalesFigure::periodStart, f -> f.revenue().toString())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(MARCH, "20.00 EUR"),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 3, 30), "1.00 EUR"),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 3, 31), "15.50 EUR"),
                        org.assertj.core.groups.Tuple.tuple(APRIL, "16.50 EUR"),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 4, 15), "250000 VND"));
        assertThat(analysis.figures(query(Granularity.WHOLE_PERIOD, SalesDimension.TOTAL)))
                .containsExactly(
                        new SalesFigure(MARCH, "", eur("53.00"), 4, eur("22.00"), eur("36.50")),
                        new SalesFigure(MARCH, "", vnd("250000"), 1, vnd("100000"), vnd("250000")));
    }

    @Test
    void figures_perProduct_sumLineTotals_andCountOrdersWithTheProduct() {
        new Example();

        assertThat(analysis.figures(query(Granularity.MONTH, SalesDimension.PRODUCT)))
                .containsExactly(
                        new SalesFigure(MARCH, "SKU-A", eur("30.00"), 2, eur("0"), eur("0")),
                        new SalesFigure(MARCH, "SKU-B", eur("5.50"), 1, eur("0"), eur("0")),
                        new SalesFigure(MARCH, "SKU-C", eur("1.00"), 1, eur("0"), eur("0")),
                        new SalesFigure(APRIL, "SKU-A", vnd("250000"), 1, vnd("0"), vnd("0")),
                        new SalesFigure(APRIL, "SKU-B", eur("16.50"), 1, eur("0"), eur("0")));
    }

    @Test
    void figures_perOwnerChannelAndCustomer_groupTheMissingOnesUnderTheEmptyKey() {
        Example x = new Example();

        assertThat(analysis.figures(query(Granularity.MONTH, SalesDimension.OWNER)))
                .containsExactly(
                        new SalesFigure(MARCH, "", eur("1.00"), 1, eur("0"), eur("0")),
                        new SalesFigure(MARCH, "rep-1", eur("35.50"), 2, eur("12.00"), eur("20.00")),
                        new SalesFigure(APRIL, "", eur("16.50"), 1, eur("10.00"), eur("16.50")),
                        new SalesFigure(APRIL, "", vnd("250000"), 1, vnd("100000"), vnd("250000")));
        assertThat(analysis.figures(query(Granularity.MONTH, SalesDimension.CHANNEL)))
                .containsExactly(
                        new SalesFigure(MARCH, "", eur("15.50"), 1, eur("0"), eur("0")),
                        new SalesFigure(MARCH, "EMAIL", eur("21.00"), 2, eur("12.00"), eur("20.00")),
                        new SalesFigure(APRIL, "PHONE", eur("16.50"), 1, eur("10.00"), eur("16.50")),
                        new SalesFigure(APRIL, "PHONE", vnd("250000"), 1, vnd("100000"), vnd("250000")));
        List<SalesFigure> perCustomer = analysis.figures(query(Granularity.WHOLE_PERIOD, SalesDimension.CUSTOMER));
        Map<String, List<String>> revenue = new HashMap<>();
        perCustomer.forEach(f -> revenue.computeIfAbsent(f.key(), k -> new ArrayList<>())
                .add(f.revenue().toString()));
        assertThat(revenue)
                .containsOnlyKeys(x.a.value().toString(), x.b.value().toString())
                .containsEntry(x.a.value().toString(), List.of("35.50 EUR"))
                .containsEntry(x.b.value().toString(), List.of("17.50 EUR", "250000 VND"));
        assertThat(perCustomer).isSortedAccordingTo(Comparator.comparing(SalesFigure::key));
    }

    @Test
    void figures_filteredByOwnerAndChannel() {
        new Example();

        assertThat(analysis.figures(
                        query(Granularity.MONTH, SalesDimension.TOTAL).ownedBy(StaffId.of("rep-1"))))
                .containsExactly(new SalesFigure(MARCH, "", eur("35.50"), 2, eur("12.00"), eur("20.00")));
        assertThat(analysis.figures(
                        query(Granularity.MONTH, SalesDimension.PRODUCT).on(Channel.PHONE)))
                .containsExactly(
                        new SalesFigure(APRIL, "SKU-A", vnd("250000"), 1, vnd("0"), vnd("0")),
                        new SalesFigure(APRIL, "SKU-B", eur("16.50"), 1, eur("0"), eur("0")));
        assertThat(analysis.figures(query(Granularity.MONTH, SalesDimension.CHANNEL)
                        .ownedBy(StaffId.of("rep-1"))
                        .on(Channel.EMAIL)))
                .containsExactly(new SalesFigure(MARCH, "EMAIL", eur("20.00"), 1, eur("12.00"), eur("20.00")));
        assertThat(analysis.figures(
                        query(Granularity.MONTH, SalesDimension.TOTAL).ownedBy(StaffId.of("nobody"))))
                .isEmpty();
    }

    @Test
    void figures_inOneCurrency_convertEachOrderAtItsDaysRateInTheZone() {
        new Example();
        // from 15 April on, one EUR buys 26000 VND: the VND order was placed on 15 April in Berlin
        DatedRates rates = DatedRates.empty()
                .with("EUR", "VND", LocalDate.of(2026, 1, 1), "25000")
                .with("EUR", "VND", LocalDate.of(2026, 4, 15), "26000");

        assertThat(analysis.figures(query(Granularity.MONTH, SalesDimension.TOTAL), Money.currency("EUR"), rates))
                .containsExactly(
                        new SalesFigure(MARCH, "", eur("36.50"), 3, eur("12.00"), eur("20.00")),
                        new SalesFigure(APRIL, "", eur("26.12"), 2, eur("13.85"), eur("26.12")));
        assertThat(analysis.figures(query(Granularity.MONTH, SalesDimension.PRODUCT), Money.currency("VND"), rates))
                .contains(new SalesFigure(APRIL, "SKU-A", vnd("250000"), 1, vnd("0"), vnd("0")))
                .contains(new SalesFigure(MARCH, "SKU-A", vnd("750000"), 2, vnd("0"), vnd("0")));
        assertThatThrownBy(() -> analysis.figures(
                        query(Granularity.MONTH, SalesDimension.TOTAL), Money.currency("EUR"), DatedRates.empty()))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("currency"));
        // every order in the target already: no rate needed
        assertThat(analysis.figures(
                        query(Granularity.MONTH, SalesDimension.TOTAL).on(Channel.EMAIL),
                        Money.currency("EUR"),
                        DatedRates.empty()))
                .containsExactly(new SalesFigure(MARCH, "", eur("21.00"), 2, eur("12.00"), eur("20.00")));
    }

    @Test
    void topCustomers_byRevenueInTheCurrency_tiesByCustomerId() {
        List<CustomerId> tied = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tied.add(customer(Optional.empty()));
        }
        CustomerId big = customer(Optional.empty());
        List<Order> list = new ArrayList<>();
        for (CustomerId c : tied) {
            list.add(order(c, "2026-03-10T10:00:00Z", null, null, line("X", "1", eur("10.00"))));
        }
        list.add(order(big, "2026-03-10T10:00:00Z", null, null, line("X", "1", eur("7.00"))));
        list.add(order(big, "2026-04-10T10:00:00Z", null, null, line("X", "2", eur("7.00"))));
        // in another currency, and outside the period: not counted
        list.add(order(tied.get(2), "2026-03-10T10:00:00Z", null, null, line("X", "1", vnd("9000000"))));
        list.add(order(tied.get(1), "2026-05-10T10:00:00Z", null, null, line("X", "1", eur("500.00"))));
        orders.appendAll(list);
        List<CustomerId> byId = tied.stream()
                .sorted(Comparator.comparing(CustomerId::value, Ids.ORDER))
                .toList();

        assertThat(analysis.topCustomers(MARCH_APRIL, 3, Money.currency("EUR")))
                .containsExactly(
                        new CustomerRevenue(big, eur("21.00"), 2),
                        new CustomerRevenue(byId.get(0), eur("10.00"), 1),
                        new CustomerRevenue(byId.get(1), eur("10.00"), 1));
        assertThat(analysis.topCustomers(MARCH_APRIL, 10, Money.currency("VND")))
                .containsExactly(new CustomerRevenue(tied.get(2), vnd("9000000"), 1));
        assertThat(analysis.topCustomers(MARCH_APRIL, 10, Money.currency("JPY")))
                .isEmpty();
    }

    @Test
    void purchaseFrequency_countsFirstAndLastOrderPerCustomer_pagedById() {
        Example x = new Example();

        List<CustomerPurchases> all = new ArrayList<>();
        Page<CustomerPurchases> page = analysis.purchaseFrequency(MARCH_APRIL, PageRequest.first(1));
        all.addAll(page.items());
        assertThat(page.hasNext()).isTrue();
        page = analysis.purchaseFrequency(
                MARCH_APRIL, PageRequest.after(page.next().orElseThrow(), 1));
        all.addAll(page.items());
        if (page.hasNext()) {
            assertThat(analysis.purchaseFrequency(
                                    MARCH_APRIL, PageRequest.after(page.next().orElseThrow(), 1))
                            .items())
                    .isEmpty();
        }

        CustomerPurchases a = new CustomerPurchases(
                x.a, 2, Instant.parse("2026-02-28T23:30:00Z"), Instant.parse("2026-03-31T21:59:59Z"));
        CustomerPurchases b = new CustomerPurchases(
                x.b, 3, Instant.parse("2026-03-29T22:30:00Z"), Instant.parse("2026-04-14T22:30:00Z"));
        assertThat(all)
                .containsExactlyElementsOf(
                        Ids.ORDER.compare(x.a.value(), x.b.value()) < 0 ? List.of(a, b) : List.of(b, a));
        assertThat(a.averageDaysBetweenOrders().getAsDouble()).isCloseTo(30 + 80_999 / 86_400.0, within(1e-9));
        assertThat(b.averageDaysBetweenOrders().getAsDouble()).isCloseTo(8.0, within(1e-9));
        assertThat(new CustomerPurchases(x.a, 1, a.firstOrderAt(), a.firstOrderAt()).averageDaysBetweenOrders())
                .isEmpty();
    }

    @Test
    void badInput_isRefusedNamingTheField() {
        assertField(() -> SalesQuery.of(null, Granularity.DAY, SalesDimension.TOTAL), "query.period");
        assertField(() -> SalesQuery.of(MARCH_APRIL, null, SalesDimension.TOTAL), "query.granularity");
        assertField(() -> SalesQuery.of(MARCH_APRIL, Granularity.DAY, null), "query.dimension");
        assertField(
                () -> SalesQuery.of(
                        ReportPeriod.of(LocalDate.of(1900, 1, 1), LocalDate.of(2000, 1, 1)),
                        Granularity.DAY,
                        SalesDimension.TOTAL),
                "granularity");
        assertField(() -> query(Granularity.DAY, SalesDimension.TOTAL).ownedBy(null), "query.owner");
        assertField(() -> query(Granularity.DAY, SalesDimension.TOTAL).on(null), "query.channel");
        assertField(() -> analysis.figures(null), "query");
        assertField(
                () -> analysis.figures(query(Granularity.DAY, SalesDimension.TOTAL), null, DatedRates.empty()),
                "currency");
        assertField(
                () -> analysis.figures(query(Granularity.DAY, SalesDimension.TOTAL), Money.currency("EUR"), null),
                "converter");
        assertField(() -> analysis.topCustomers(MARCH_APRIL, 0, Money.currency("EUR")), "limit");
        assertField(() -> analysis.topCustomers(MARCH_APRIL, 1001, Money.currency("EUR")), "limit");
        assertField(() -> analysis.topCustomers(null, 10, Money.currency("EUR")), "period");
        assertField(() -> analysis.purchaseFrequency(MARCH_APRIL, null), "page");
        assertField(
                () -> analysis.purchaseFrequency(
                        MARCH_APRIL, PageRequest.after(new org.crmkit.core.common.PageCursor("x"), 5)),
                "page.cursor");
        assertField(() -> OrderSumsQuery.of(List.of(Instant.EPOCH), OrderGrouping.TOTAL), "boundaries");
        assertField(
                () -> OrderSumsQuery.of(List.of(Instant.EPOCH.plusSeconds(1), Instant.EPOCH), OrderGrouping.TOTAL),
                "boundaries");
    }

    @Test
    void tenants_seeOnlyTheirOwnOrders() {
        new Example();
        TenantId other = TestTenants.random("s");
        CrmScope otherScope = scopeOf(other);
        CustomerId stranger = otherScope
                .customers()
                .create(aPerson().ownedBy("rep-1").draft())
                .id();
        store.orders(other)
                .append(Order.of(
                        new OrderId(UUID.randomUUID()),
                        other,
                        stranger,
                        Instant.parse("2026-03-15T10:00:00Z"),
                        List.of(line("SKU-A", "1", eur("1000.00"))),
                        null,
                        Channel.EMAIL,
                        null,
                        null,
                        Audit.created(Instant.parse("2026-03-15T10:00:00Z"), ANNA)));

        assertThat(analysis.figures(query(Granularity.MONTH, SalesDimension.TOTAL))
                        .get(0)
                        .revenue())
                .isEqualTo(eur("36.50"));
        assertThat(otherScope.salesAnalysis().figures(query(Granularity.MONTH, SalesDimension.OWNER)))
                .containsExactly(new SalesFigure(MARCH, "rep-1", eur("1000.00"), 1, eur("0"), eur("0")));
        assertThat(otherScope.salesAnalysis().topCustomers(MARCH_APRIL, 10, Money.currency("EUR")))
                .containsExactly(new CustomerRevenue(stranger, eur("1000.00"), 1));
        assertThat(otherScope
                        .salesAnalysis()
                        .purchaseFrequency(MARCH_APRIL, PageRequest.first(10))
                        .items())
                .extracting(CustomerPurchases::customer)
                .containsExactly(stranger);
    }

    // ---- the property ------------------------------------------------------------------------

    @Test
    void sums_equalTheDefaultJavaComputation_forRandomOrdersGranularityDimensionAndZone() {
        Theories.qt(12)
                .forAll(
                        longs().all(),
                        integers().between(0, 5),
                        integers().between(0, 4),
                        integers().between(0, 4))
                .checkAssert((seed, granularity, grouping, zone) -> {
                    TenantId t = TestTenants.random("s");
                    CrmScope s = scopeOf(t);
                    Random random = new Random(seed);
                    List<CustomerId> customers = new ArrayList<>();
                    for (int i = 0; i < 6; i++) {
                        var draft = aPerson();
                        int owner = random.nextInt(3);
                        if (owner > 0) {
                            draft = draft.ownedBy("rep-" + owner);
                        }
                        customers.add(s.customers().create(draft.draft()).id());
                    }
                    customers.add(new CustomerId(UUID.randomUUID())); // not stored: no owner
                    OrderRepository repo = store.orders(t);
                    repo.appendAll(randomOrders(t, customers, random));
                    ReportPeriod period = new ReportPeriod(
                            LocalDate.of(2025, 1 + random.nextInt(12), 1 + random.nextInt(28)),
                            LocalDate.of(2026, 1 + random.nextInt(12), 1 + random.nextInt(28)),
                            ZONES.get(zone));
                    Granularity g = Granularity.values()[granularity];
                    OrderSumsQuery q = OrderSumsQuery.of(period.boundaries(g), OrderGrouping.values()[grouping]);
                    if (random.nextInt(4) == 0) {
                        q = q.ownedBy(StaffId.of("rep-" + (1 + random.nextInt(2))));
                    }
                    if (random.nextInt(4) == 0) {
                        q = q.on(Channel.values()[random.nextInt(3)]);
                    }
                    CustomerRepository customerRepo = store.customers(t);
                    Function<Set<CustomerId>, Map<CustomerId, StaffId>> owners = ids -> ownersOf(customerRepo, ids);
                    OrderRepository reference = reference(repo);

                    assertThat(repo.sums(q, owners)).as(q.toString()).isEqualTo(reference.sums(q, owners));
                    // 401 days: SQL stores bucket them in several statements, the last of a single period
                    OrderSumsQuery days = OrderSumsQuery.of(
                            new ReportPeriod(period.from(), period.from().plusDays(401), period.zone())
                                    .boundaries(Granularity.DAY),
                            q.grouping());
                    assertThat(repo.sums(days, owners)).as(days.toString()).isEqualTo(reference.sums(days, owners));
                    Currency currency = Money.currency(random.nextBoolean() ? "EUR" : "JPY");
                    int limit = 1 + random.nextInt(5);
                    assertThat(repo.topCustomers(period.start(), period.end(), currency, limit))
                            .isEqualTo(reference.topCustomers(period.start(), period.end(), currency, limit));
                    PageRequest first = PageRequest.first(1 + random.nextInt(4));
                    Page<CustomerPurchases> page = repo.purchases(period.start(), period.end(), first);
                    assertThat(page).isEqualTo(reference.purchases(period.start(), period.end(), first));
                    if (page.hasNext()) {
                        PageRequest next = PageRequest.after(page.next().get(), 3);
                        assertThat(repo.purchases(period.start(), period.end(), next))
                                .isEqualTo(reference.purchases(period.start(), period.end(), next));
                    }
                });
    }

    private static List<Order> randomOrders(TenantId t, List<CustomerId> customers, Random random) {
        String[] products = {"P-1", "P-2", "p-1", "Sản phẩm 4"};
        Instant from = Instant.parse("2024-12-25T00:00:00Z");
        List<Order> list = new ArrayList<>();
        int count = random.nextInt(40);
        for (int i = 0; i < count; i++) {
            boolean jpy = random.nextInt(3) == 0;
            List<LineItem> lines = new ArrayList<>();
            int lineCount = 1 + random.nextInt(3);
            for (int l = 0; l < lineCount; l++) {
                Money price = jpy
                        ? Money.of(String.valueOf(random.nextInt(100_000)), "JPY")
                        : Money.of(random.nextInt(100_000) + "." + random.nextInt(100), "EUR");
                LineItem line =
                        LineItem.of(products[random.nextInt(products.length)], "1." + random.nextInt(10), price);
                lines.add(random.nextBoolean() ? line : line.discounted("0.0" + random.nextInt(10)));
            }
            Money total =
                    lines.stream().map(LineItem::total).reduce(Money::plus).orElseThrow();
            Money cost = random.nextBoolean() ? null : total.times(new java.math.BigDecimal("0.6"));
            // around the clock and the calendar, with some instants exactly on midnights
            Instant at = random.nextInt(5) == 0
                    ? LocalDate.of(2025, 1 + random.nextInt(12), 1)
                            .atStartOfDay(ZONES.get(random.nextInt(ZONES.size())))
                            .toInstant()
                    : from.plusSeconds(random.nextInt(800 * 86_400)).plusNanos(random.nextInt(1_000_000) * 1000L);
            Channel channel = random.nextInt(4) == 0 ? null : Channel.values()[random.nextInt(3)];
            list.add(Order.of(
                    new OrderId(UUID.randomUUID()),
                    t,
                    customers.get(random.nextInt(customers.size())),
                    at,
                    lines,
                    cost,
                    channel,
                    null,
                    null,
                    Audit.created(at, ANNA)));
        }
        return list;
    }

    /** The same orders through the port's default methods alone: the reference computation. */
    private static OrderRepository reference(OrderRepository stored) {
        return new OrderRepository() {
            @Override
            public Optional<Order> findById(OrderId id) {
                return stored.findById(id);
            }

            @Override
            public Optional<Order> findByExternalId(String externalId) {
                return stored.findByExternalId(externalId);
            }

            @Override
            public Order append(Order order) {
                return stored.append(order);
            }

            @Override
            public List<Order> latestForCustomer(CustomerId customer, int limit) {
                return stored.latestForCustomer(customer, limit);
            }

            @Override
            public Page<Order> list(PageRequest page) {
                return stored.list(page);
            }
        };
    }

    private static Map<CustomerId, StaffId> ownersOf(CustomerRepository customers, Collection<CustomerId> ids) {
        Map<CustomerId, StaffId> owners = new HashMap<>();
        for (Customer c : customers.findAllById(ids)) {
            c.owner().ifPresent(o -> owners.put(c.id(), o));
        }
        return owners;
    }

    // ---- helpers -----------------------------------------------------------------------------

    private CrmScope scopeOf(TenantId t) {
        return Crm.builder()
                .store(store)
                .clock(SteppingClock.create())
                .build()
                .forTenant(t)
                .as(ANNA);
    }

    private static SalesQuery query(Granularity granularity, SalesDimension dimension) {
        return SalesQuery.of(MARCH_APRIL, granularity, dimension);
    }

    private CustomerId customer(Optional<String> owner) {
        var draft = aPerson();
        if (owner.isPresent()) {
            draft = draft.ownedBy(owner.get());
        }
        Customer created = scope.customers().create(draft.draft());
        assertThat(created.owner().map(StaffId::value)).isEqualTo(owner);
        return created.id();
    }

    private Order order(CustomerId customer, String at, Money cost, Channel channel, LineItem... lines) {
        Instant when = Instant.parse(at);
        return Order.of(
                new OrderId(UUID.randomUUID()),
                tenant,
                customer,
                when,
                Arrays.asList(lines),
                cost,
                channel,
                null,
                null,
                Audit.created(when, ANNA));
    }

    private static LineItem line(String product, String quantity, Money price) {
        return LineItem.of(product, quantity, price);
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private static Money vnd(String amount) {
        return Money.of(amount, "VND");
    }

    private static void assertField(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
