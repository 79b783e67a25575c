package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.crmkit.testkit.fixtures.CustomerFixtures.aPerson;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.crmkit.core.Crm;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.Audit;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.report.BasketCounts;
import org.crmkit.core.report.CrossSelling;
import org.crmkit.core.report.ProductAffinity;
import org.crmkit.core.report.ProductBaskets;
import org.crmkit.core.report.ProductSuggestion;
import org.crmkit.core.report.ReportPeriod;
import org.crmkit.core.sales.LineItem;
import org.crmkit.core.sales.Order;
import org.crmkit.core.sales.OrderId;
import org.crmkit.core.spi.CrmStore;
import org.crmkit.testkit.fixtures.SteppingClock;
import org.crmkit.testkit.fixtures.TestTenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * The behaviour of cross-selling on a store: the store's {@link ProductBaskets} count orders,
 * products and pairs of products of a period exactly as counting the orders one by one does (an
 * order counts once per product however many lines name it; the period's days are read in its
 * zone; pairs below the threshold are left out; other tenants' orders never count), and {@link
 * CrossSelling} turns those counts into rules and suggestions with the documented support,
 * confidence, lift and order.
 *
 * <p>A store runs it by extending it and supplying the store, as for {@link SalesServiceContract}.
 */
public abstract class CrossSellingContract {
    private static final Actor CLERK = Actor.user("clerk");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ReportPeriod YEAR_IN_BERLIN = ReportPeriod.year(2026).in(BERLIN);
    private static final double EXACT = 1e-12;

    private CrmStore store;
    private TenantId tenant;
    private CrossSelling crossSelling;

    /** Creates the contract; subclasses supply the store. */
    protected CrossSellingContract() {}

    /**
     * Returns the store under test, called once before each test. It may be new and empty or one
     * already used, as long as it holds no data of the random tenants the tests make.
     */
    protected abstract CrmStore newStore();

    @BeforeEach
    void setUpCrm() {
        store = newStore();
        tenant = TestTenants.random("x");
        crossSelling = Crm.builder()
                .store(store)
                .clock(SteppingClock.create())
                .build()
                .forTenant(tenant)
                .as(CLERK)
                .crossSelling();
    }

    /**
     * Eight orders of 2026 in Berlin: A+B+C, A+B, A+C, B+D, A twice, C+D (New Year's Eve 23:30 UTC,
     * already 2026 in Berlin), D, D; and one of 2025 that no count of 2026 sees.
     */
    private List<Customer> basket() {
        List<Customer> c = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            c.add(store.customers(tenant).save(aPerson().in(tenant).build()));
        }
        append(c.get(0), "2026-03-01T10:00:00Z", "A", "B", "C");
        append(c.get(1), "2026-03-02T10:00:00Z", "A", "B");
        append(c.get(2), "2026-06-30T21:59:59Z", "A", "C");
        append(c.get(3), "2026-07-01T10:00:00Z", "B", "D");
        append(c.get(0), "2026-08-01T10:00:00Z", "A", "A");
        append(c.get(4), "2025-12-31T23:30:00Z", "C", "D");
        append(c.get(5), "2026-12-31T22:59:59Z", "D");
        append(c.get(5), "2026-10-01T10:00:00Z", "D");
        append(c.get(1), "2025-06-01T10:00:00Z", "E", "A");
        return c;
    }

    @Test
    void count_countsEachOrderOncePerProductAndPair_inThePeriodsZone() {
        basket();
        ProductBaskets baskets = store.productBaskets(tenant);

        BasketCounts all = baskets.count(YEAR_IN_BERLIN, 1);
        assertThat(all.orders()).isEqualTo(8);
        assertThat(all.productOrders()).containsOnly(entry("A", 4), entry("B", 3), entry("C", 3), entry("D", 4));
        assertThat(all.pairs())
                .containsExactlyInAnyOrder(
                        new BasketCounts.PairCount("A", "B", 2),
                        new BasketCounts.PairCount("A", "C", 2),
                        new BasketCounts.PairCount("B", "C", 1),
                        new BasketCounts.PairCount("B", "D", 1),
                        new BasketCounts.PairCount("C", "D", 1));
        assertThat(baskets.count(YEAR_IN_BERLIN, 2).pairs())
                .containsExactlyInAnyOrder(
                        new BasketCounts.PairCount("A", "B", 2), new BasketCounts.PairCount("A", "C", 2));

        BasketCounts utc = baskets.count(ReportPeriod.year(2026), 1);
        assertThat(utc.orders()).as("New Year's Eve 23:30 UTC is 2025 in UTC").isEqualTo(7);
        assertThat(utc.pairs()).doesNotContain(new BasketCounts.PairCount("C", "D", 1));
        assertThat(baskets.count(ReportPeriod.year(2025), 1).pairs())
                .containsExactly(new BasketCounts.PairCount("A", "E", 1), new BasketCounts.PairCount("C", "D", 1));
    }

    @Test
    void affinities_areBothDirectionsOfEachPair_strongestFirst() {
        basket();

        List<ProductAffinity> rules = crossSelling.affinities(YEAR_IN_BERLIN, 2, 10);

        assertThat(rules)
                .extracting(r -> r.product() + ">" + r.boughtWith())
                .containsExactly("B>A", "C>A", "A>B", "A>C");
        ProductAffinity bToA = rules.get(0);
        assertThat(bToA.orders()).isEqualTo(2);
        assertThat(bToA.support()).isCloseTo(2.0 / 8, within(EXACT));
        assertThat(bToA.confidence()).isCloseTo(2.0 / 3, within(EXACT));
        assertThat(bToA.lift()).isCloseTo((2.0 / 3) / (4.0 / 8), within(EXACT));
        assertThat(rules.get(2).confidence()).isCloseTo(0.5, within(EXACT));
        assertThat(crossSelling.affinities(YEAR_IN_BERLIN, 2, 1)).containsExactly(bToA);
        assertThat(crossSelling.affinities(YEAR_IN_BERLIN, 3, 10)).isEmpty();

        List<ProductAffinity> withB = crossSelling.boughtWith("B", YEAR_IN_BERLIN, 1, 10);
        assertThat(withB).extracting(ProductAffinity::boughtWith).containsExactly("A", "C", "D");
        assertThat(withB.get(2).lift()).isCloseTo((1.0 / 3) / (4.0 / 8), within(EXACT));
    }

    @Test
    void suggestionsFor_namesUnboughtProductsThatWhatTheyBoughtPointsTo() {
        List<Customer> c = basket();

        assertThat(crossSelling.suggestionsFor(c.get(1).id(), YEAR_IN_BERLIN, 2, 5))
                .containsExactly(new ProductSuggestion("C", 0.5, (0.5) / (3.0 / 8), "A"));
        List<ProductSuggestion> forD = crossSelling.suggestionsFor(c.get(3).id(), YEAR_IN_BERLIN, 2, 5);
        assertThat(forD)
                .extracting(ProductSuggestion::product, ProductSuggestion::because)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("A", "B"));
        assertThat(forD.get(0).confidence()).isCloseTo(2.0 / 3, within(EXACT));
        assertThat(crossSelling.suggestionsFor(c.get(0).id(), YEAR_IN_BERLIN, 2, 5))
                .as("bought everything the rules point to")
                .isEmpty();
        assertThat(crossSelling.suggestionsFor(c.get(6).id(), YEAR_IN_BERLIN, 1, 5))
                .as("never ordered")
                .isEmpty();
        assertThat(crossSelling.suggestionsFor(c.get(5).id(), YEAR_IN_BERLIN, 1, 5))
                .as("D's companions are bought with it less often than chance")
                .isEmpty();
        assertThat(store.productBaskets(tenant).productsBoughtBy(c.get(1).id()))
                .containsExactlyInAnyOrder("A", "B", "E");
    }

    @Test
    void badArgumentsAndOtherTenants() {
        List<Customer> c = basket();
        TenantId other = TestTenants.random("y");

        assertThat(store.productBaskets(other).count(YEAR_IN_BERLIN, 1))
                .isEqualTo(new BasketCounts(0, java.util.Map.of(), List.of()));
        assertThat(store.productBaskets(other).productsBoughtBy(c.get(0).id())).isEmpty();
        assertThatThrownBy(() -> store.productBaskets(tenant).count(YEAR_IN_BERLIN, 0))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("minPairOrders"));
        assertThatThrownBy(() -> crossSelling.affinities(YEAR_IN_BERLIN, 1, 0))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("limit"));
        assertThatThrownBy(() -> crossSelling.suggestionsFor(new CustomerId(UUID.randomUUID()), YEAR_IN_BERLIN, 1, 5))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("customerId"));
        assertThatThrownBy(() -> crossSelling.boughtWith(null, YEAR_IN_BERLIN, 1, 5))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("product"));
    }

    @Test
    void count_equalsCountingTheOrdersOneByOne_forRandomOrders() {
        List<String> products = List.of("SKU-1", "sku-1", "Ärger", "b", "B", "寿司", "a b");
        Gen<List<Integer>> basket =
                SourceDSL.lists().of(Generate.range(0, products.size() - 1)).ofSizeBetween(1, 4);
        Gen<List<List<Integer>>> orders = SourceDSL.lists().of(basket).ofSizeBetween(0, 25);
        Theories.qt(15)
                .forAll(orders, Generate.range(0, 400), Generate.range(1, 3), Generate.range(-12, 12))
                .checkAssert((baskets, shift, min, offset) -> {
                    TenantId own = TestTenants.random("xs");
                    CustomerId customer =
                            store.customers(own).save(aPerson().in(own).build()).id();
                    List<Order> all = new ArrayList<>();
                    Instant first = Instant.parse("2026-01-01T00:00:00Z");
                    for (int i = 0; i < baskets.size(); i++) {
                        List<LineItem> lines = new ArrayList<>();
                        for (int p : baskets.get(i)) {
                            lines.add(LineItem.of(products.get(p), "1", Money.of("1.00", "EUR")));
                        }
                        all.add(order(own, customer, first.plusSeconds(3_600L * 31 * i + 7), lines));
                    }
                    store.orders(own).appendAll(all);
                    ReportPeriod period = new ReportPeriod(
                            LocalDate.of(2026, 1, 1).plusDays(shift % 20),
                            LocalDate.of(2026, 1, 21).plusDays(shift),
                            java.time.ZoneOffset.ofHours(offset));
                    ProductBaskets.Counter counter = new ProductBaskets.Counter();
                    all.stream().filter(o -> period.contains(o.orderedAt())).forEach(counter::add);
                    BasketCounts expected = counter.counts(min);

                    BasketCounts counted = store.productBaskets(own).count(period, min);

                    assertThat(counted.orders()).as("orders in %s", period).isEqualTo(expected.orders());
                    assertThat(counted.productOrders()).isEqualTo(expected.productOrders());
                    assertThat(counted.pairs()).containsExactlyInAnyOrderElementsOf(expected.pairs());
                    Set<String> bought = new HashSet<>();
                    all.forEach(o -> o.lines().forEach(l -> bought.add(l.product())));
                    assertThat(store.productBaskets(own).productsBoughtBy(customer))
                            .isEqualTo(bought);
                });
    }

    private void append(Customer customer, String at, String... products) {
        List<LineItem> lines = new ArrayList<>();
        for (String product : products) {
            lines.add(LineItem.of(product, "1", Money.of("10.00", "EUR")));
        }
        store.orders(tenant).append(order(tenant, customer.id(), Instant.parse(at), lines));
    }

    private static Order order(TenantId tenant, CustomerId customer, Instant at, List<LineItem> lines) {
        return Order.of(
                new OrderId(UUID.randomUUID()),
                tenant,
                customer,
                at,
                lines,
                null,
                null,
                null,
                null,
                Audit.created(at, CLERK));
    }

    private static java.util.Map.Entry<String, Long> entry(String product, long orders) {
        return java.util.Map.entry(product, orders);
    }
}
