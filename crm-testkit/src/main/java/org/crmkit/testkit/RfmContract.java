package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.crmkit.core.Crm;
import org.crmkit.core.CrmScope;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.Audit;
import org.crmkit.core.common.Ids;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.sales.LineItem;
import org.crmkit.core.sales.Order;
import org.crmkit.core.sales.OrderId;
import org.crmkit.core.segment.RfmAnalysis;
import org.crmkit.core.segment.RfmCell;
import org.crmkit.core.segment.RfmGroup;
import org.crmkit.core.segment.RfmQuery;
import org.crmkit.core.segment.RfmScore;
import org.crmkit.core.segment.RfmScores;
import org.crmkit.core.spi.CrmStore;
import org.crmkit.testkit.fixtures.SteppingClock;
import org.crmkit.testkit.fixtures.TestTenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour of {@link RfmAnalysis} and of the store's {@link RfmScores}: a hand-checked tenant
 * with ties on every score, orders in another currency and at the {@code asOf} instant left out,
 * a {@code since} bound, the named groups and the grid, paging, validation and tenant isolation; and,
 * as a property over random orders, that the store's scores and grid equal {@link
 * RfmScores#scanning} over the same orders (the reference).
 *
 * <p>A store runs it by extending it and supplying the store, as for {@link SalesServiceContract}.
 */
public abstract class RfmContract {
    private static final Actor ANNA = Actor.user("anna");
    private static final Instant AS_OF = Instant.parse("2026-06-01T00:00:00Z");

    private CrmStore store;
    private TenantId tenant;
    private RfmAnalysis rfm;

    /** Creates the contract; subclasses supply the store. */
    protected RfmContract() {}

    /**
     * Returns the store under test, called once before each test. It may be new and empty or one
     * already used, as long as it holds no data of the random tenants the tests make.
     */
    protected abstract CrmStore newStore();

    @BeforeEach
    void setUpCrm() {
        store = newStore();
        tenant = TestTenants.random("r");
        rfm = scopeOf(tenant).rfm();
    }

    /** Six customers; E has no counted order. */
    private final class Example {
        final CustomerId a = new CustomerId(UUID.randomUUID());
        final CustomerId b = new CustomerId(UUID.randomUUID());
        final CustomerId c = new CustomerId(UUID.randomUUID());
        final CustomerId d = new CustomerId(UUID.randomUUID());
        final CustomerId e = new CustomerId(UUID.randomUUID());
        final CustomerId f = new CustomerId(UUID.randomUUID());

        Example() {
            store.orders(tenant)
                    .appendAll(List.of(
                            order(a, "2026-05-31T12:00:00Z", eur("100")), // half a day before: 0 days
                            order(a, "2026-04-01T12:00:00Z", eur("100")),
                            order(a, "2026-03-01T12:00:00Z", eur("100")),
                            order(b, "2026-05-20T00:00:00Z", eur("50")), // 12 days
                            order(c, "2026-01-01T00:00:00Z", eur("200")), // 151 days
                            order(c, "2025-12-01T00:00:00Z", eur("200")),
                            order(c, "2025-11-01T00:00:00Z", eur("200")),
                            order(c, "2025-10-01T00:00:00Z", eur("200")),
                            order(c, "2025-09-01T00:00:00Z", eur("200")),
                            order(d, "2026-05-20T00:00:00.000001Z", eur("25")), // 11.99… days: 11
                            order(d, "2026-05-10T00:00:00Z", eur("25")),
                            order(e, "2026-05-01T00:00:00Z", Money.of("5000", "JPY")), // another currency
                            order(e, "2026-06-01T00:00:00Z", eur("70")), // at asOf: not before it
                            order(f, "2025-06-01T00:00:00Z", eur("10")))); // 365 days
        }
    }

    @Test
    void scores_rankWithinTheTenant_tiesSharingTheScoreOfTheFirst_andWholeDaysCut() {
        Example x = new Example();

        List<RfmScore> scores = rfm.scores(RfmQuery.asOf(AS_OF, Money.currency("EUR")), PageRequest.first(100))
                .items();

        // recency, worst first: F 365, C 151, B 12, D 11, A 0 days; frequency: B and F 1, D 2, A 3, C 5;
        // monetary: F 10, B 50 and D 50, A 300, C 1000; n = 5, so each score is the rank
        assertThat(scores)
                .containsExactlyElementsOf(sortedById(List.of(
                        new RfmScore(x.a, 0, 3, eur("300"), 5, 4, 4),
                        new RfmScore(x.b, 12, 1, eur("50"), 3, 1, 2),
                        new RfmScore(x.c, 151, 5, eur("1000"), 2, 5, 5),
                        new RfmScore(x.d, 11, 2, eur("50"), 4, 3, 2),
                        new RfmScore(x.f, 365, 1, eur("10"), 1, 1, 1))));
        assertThat(scores)
                .filteredOn(s -> s.customer().equals(x.a))
                .extracting(RfmScore::code)
                .containsExactly("5-4-4");

        assertThat(rfm.grid(RfmQuery.asOf(AS_OF, Money.currency("EUR"))))
                .containsExactly(
                        new RfmCell(1, 1, 1),
                        new RfmCell(2, 5, 1),
                        new RfmCell(3, 1, 1),
                        new RfmCell(4, 3, 1),
                        new RfmCell(5, 4, 1));
        Map<RfmGroup, Long> groups = rfm.groups(RfmQuery.asOf(AS_OF, Money.currency("EUR")));
        assertThat(groups).hasSize(RfmGroup.values().length);
        assertThat(groups)
                .containsEntry(RfmGroup.CHAMPIONS, 1L)
                .containsEntry(RfmGroup.ABOUT_TO_SLEEP, 1L)
                .containsEntry(RfmGroup.CANT_LOSE, 1L)
                .containsEntry(RfmGroup.POTENTIAL_LOYALIST, 1L)
                .containsEntry(RfmGroup.LOST, 1L)
                .containsEntry(RfmGroup.NEW, 0L);

        // from 2026: F and C's older orders are not counted; n = 4
        List<RfmScore> recent = rfm.scores(
                        RfmQuery.asOf(AS_OF, Money.currency("EUR")).since(Instant.parse("2026-01-01T00:00:00Z")),
                        PageRequest.first(100))
                .items();
        assertThat(recent).extracting(RfmScore::customer).containsExactlyInAnyOrder(x.a, x.b, x.c, x.d);
        assertThat(recent)
                .filteredOn(s -> s.customer().equals(x.c))
                .containsExactly(new RfmScore(x.c, 151, 1, eur("200"), 1, 1, 3));
        // in JPY only E bought
        assertThat(rfm.scores(RfmQuery.asOf(AS_OF, Money.currency("JPY")), PageRequest.first(10))
                        .items())
                .containsExactly(new RfmScore(x.e, 31, 1, Money.of("5000", "JPY"), 1, 1, 1));
    }

    @Test
    void scores_walkedPageByPage_areTheOnePageInIdOrder() {
        new Example();
        RfmQuery query = RfmQuery.asOf(AS_OF, Money.currency("EUR"));
        List<RfmScore> all = rfm.scores(query, PageRequest.first(100)).items();

        List<RfmScore> walked = new ArrayList<>();
        Page<RfmScore> page = rfm.scores(query, PageRequest.first(2));
        walked.addAll(page.items());
        while (page.next().isPresent()) {
            page = rfm.scores(query, PageRequest.after(page.next().get(), 2));
            walked.addAll(page.items());
        }
        assertThat(walked).isEqualTo(all).hasSize(5);
    }

    @Test
    void validation_andTenantIsolation() {
        new Example();
        RfmAnalysis other = scopeOf(TestTenants.random("r")).rfm();

        assertThat(other.scores(RfmQuery.asOf(AS_OF, Money.currency("EUR")), PageRequest.first(10))
                        .items())
                .isEmpty();
        assertThat(other.grid(RfmQuery.asOf(AS_OF, Money.currency("EUR")))).isEmpty();
        assertThatThrownBy(() -> RfmQuery.asOf(AS_OF, Money.currency("EUR")).since(AS_OF))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("since"));
        assertThatThrownBy(() -> RfmQuery.asOf(AS_OF, null))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("currency"));
        assertThatThrownBy(() -> rfm.scores(null, PageRequest.first(1)))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("query"));
        assertThatThrownBy(() -> RfmGroup.of(0, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- the property ------------------------------------------------------------------------

    @Test
    void scores_equalTheScanningReference_forRandomOrders() {
        Theories.qt(12).forAll(longs().all()).checkAssert(seed -> {
            TenantId t = TestTenants.random("r");
            Random random = new Random(seed);
            List<CustomerId> customers = new ArrayList<>();
            int n = 1 + random.nextInt(25);
            for (int i = 0; i < n; i++) {
                customers.add(new CustomerId(UUID.randomUUID()));
            }
            List<Order> orders = new ArrayList<>();
            int count = random.nextInt(80);
            for (int i = 0; i < count; i++) {
                // few distinct days and amounts, so that ties are common
                Instant at = AS_OF.minusSeconds(86_400L * random.nextInt(40) + random.nextInt(3) * 43_200L)
                        .minusNanos(random.nextInt(3) * 1000L);
                Money total = random.nextInt(5) == 0
                        ? Money.of(String.valueOf(100 * random.nextInt(4)), "JPY")
                        : Money.of(random.nextInt(4) + "." + random.nextInt(3) * 5, "EUR");
                orders.add(order(t, customers.get(random.nextInt(n)), at, total));
            }
            store.orders(t).appendAll(orders);
            RfmScores stored = store.rfmScores(t);
            RfmScores reference = RfmScores.scanning(store.orders(t));
            RfmQuery query = RfmQuery.asOf(AS_OF.minusSeconds(86_400L * random.nextInt(5)), Money.currency("EUR"));
            if (random.nextBoolean()) {
                query = query.since(query.asOf().minusSeconds(86_400L * (1 + random.nextInt(40))));
            }
            PageRequest all = PageRequest.first(100);
            assertThat(stored.scores(query, all)).as(query.toString()).isEqualTo(reference.scores(query, all));
            assertThat(stored.grid(query)).isEqualTo(reference.grid(query));
            Page<RfmScore> first = stored.scores(query, PageRequest.first(3));
            assertThat(first).isEqualTo(reference.scores(query, PageRequest.first(3)));
            if (first.next().isPresent()) {
                PageRequest next = PageRequest.after(first.next().get(), 4);
                assertThat(stored.scores(query, next)).isEqualTo(reference.scores(query, next));
            }
        });
    }

    // ---- helpers -----------------------------------------------------------------------------

    private Order order(CustomerId customer, String at, Money total) {
        return order(tenant, customer, Instant.parse(at), total);
    }

    private static Order order(TenantId t, CustomerId customer, Instant at, Money total) {
        return Order.of(
                new OrderId(UUID.randomUUID()),
                t,
                customer,
                at,
                List.of(LineItem.of("SKU", "1", total)),
                null,
                null,
                null,
                null,
                Audit.created(at, ANNA));
    }

    private static List<RfmScore> sortedById(List<RfmScore> scores) {
        List<RfmScore> sorted = new ArrayList<>(scores);
        sorted.sort(Comparator.comparing(s -> s.customer().value(), Ids.ORDER));
        return sorted;
    }

    private CrmScope scopeOf(TenantId t) {
        return Crm.builder()
                .store(store)
                .clock(SteppingClock.create())
                .build()
                .forTenant(t)
                .as(ANNA);
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }
}
