package org.crmkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmkit.testkit.fixtures.SalesFixtures.aPipeline;
import static org.crmkit.testkit.fixtures.SalesFixtures.anOpportunity;
import static org.crmkit.testkit.fixtures.SalesFixtures.anOrder;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.Audit;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.ConcurrentUpdateException;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.report.Granularity;
import org.crmkit.core.report.PipelineTotals;
import org.crmkit.core.report.ReportPeriod;
import org.crmkit.core.sales.LineItem;
import org.crmkit.core.sales.Opportunity;
import org.crmkit.core.sales.OpportunityRepository;
import org.crmkit.core.sales.OpportunityStatus;
import org.crmkit.core.sales.Order;
import org.crmkit.core.sales.OrderRepository;
import org.crmkit.core.sales.Pipeline;
import org.crmkit.core.sales.StageChange;
import org.crmkit.testkit.fixtures.CustomerFixtures;
import org.crmkit.testkit.fixtures.TestTenants;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the JPA store promises for pipelines, opportunities and orders beyond the crm-testkit
 * contracts: lists of opportunities read with all their lines and history in two more statements
 * (no N+1), orders with all their lines in one more; the pipeline figures summed by the database in a
 * fixed number of statements that load no opportunity; an opportunity that a writer moves between the
 * statements of its read read again whole; instants finer than microseconds kept consistently to
 * the microsecond; amounts at the edges of {@code Money} read back exactly; {@code appendAll} of
 * orders batched, and all or nothing also when a concurrent writer takes an external id between the
 * check and the insert; a taken external id that leaves the unit of work usable. Subclasses name
 * the database.
 */
abstract class JpaSalesStoreContract {
    private static final Instant T0 = Instant.parse("2024-06-03T08:00:00Z");
    private static final Actor REP = Actor.user("rep");

    private JpaCrmStore store;
    private TenantId tenant;
    private Pipeline pipeline;

    /** The database of the subclass. */
    abstract JpaDatabase db();

    @BeforeEach
    void setUp() {
        store = db().store();
        tenant = TestTenants.random("jpa-sales");
        pipeline = store.pipelines(tenant).save(aPipeline(tenant));
    }

    @Test
    void opportunities_areReadWithAllTheirLinesAndHistoryInTwoMoreStatements() {
        OpportunityRepository opportunities = store.opportunities(tenant);
        CustomerId customer = CustomerFixtures.nextCustomerId();
        List<Opportunity> saved = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Opportunity o = opportunities.save(withLines(anOpportunity(tenant, customer, pipeline), i));
            saved.add(opportunities.save(o.movedTo(pipeline.stages().get(1 + i % 2), T0, REP)));
        }
        Opportunity bare = opportunities.save(opportunities
                .save(anOpportunity(tenant, customer, pipeline).build())
                .closed(OpportunityStatus.LOST, "price", T0, REP));
        Statistics statistics = db().statistics();

        Map<String, Supplier<Object>> reads = new LinkedHashMap<>();
        reads.put(
                "openOwnedBy",
                () -> opportunities
                        .openOwnedBy(StaffId.of("anna"), PageRequest.first(50))
                        .items());
        reads.put("openForCustomer", () -> opportunities.openForCustomer(customer, 60));
        reads.put("list", () -> opportunities.list(PageRequest.first(50)).items());
        reads.put(
                "findById",
                () -> List.of(opportunities.findById(saved.get(7).id()).orElseThrow()));
        Map<String, Long> statements = new LinkedHashMap<>();
        Map<String, Object> results = new LinkedHashMap<>();
        reads.forEach((what, read) -> {
            statistics.clear();
            results.put(what, read.get());
            statements.put(what, statistics.getPrepareStatementCount());
        });

        assertThat(results.get("openOwnedBy")).isEqualTo(saved.subList(0, 50));
        assertThat(results.get("openForCustomer")).isEqualTo(saved);
        assertThat(results.get("list")).isEqualTo(saved.subList(0, 50));
        assertThat(results.get("findById")).isEqualTo(List.of(saved.get(7)));
        assertThat(statements)
                .as(
                        "statements per read: one for the opportunities, one for all their history, one for all their lines")
                .allSatisfy((what, count) -> assertThat(count).as(what).isEqualTo(3L));
        statistics.clear();
        assertThat(opportunities.findById(bare.id())).contains(bare);
        assertThat(statistics.getPrepareStatementCount())
                .as("an opportunity without lines skips their table")
                .isEqualTo(2);
        Page<Opportunity> first = opportunities.list(PageRequest.first(50));
        Page<Opportunity> second =
                opportunities.list(PageRequest.after(first.next().orElseThrow(), 50));
        List<Opportunity> rest = new ArrayList<>(saved.subList(50, 60));
        rest.add(bare);
        assertThat(second.items()).as("list, closed ones too, pages on by id").isEqualTo(rest);
        assertThat(second.next()).isEmpty();
    }

    @Test
    void pipelineTotals_areSummedByTheDatabase_inAFixedNumberOfStatements_loadingNoOpportunity() {
        OpportunityRepository opportunities = store.opportunities(tenant);
        CustomerId customer = CustomerFixtures.nextCustomerId();
        for (int i = 0; i < 30; i++) {
            Opportunity o = opportunities.save(anOpportunity(tenant, customer, pipeline)
                    .expectedClose(LocalDate.of(2024, 6, 1).plusDays(i))
                    .build());
            o = opportunities.save(o.movedTo(pipeline.stages().get(1 + i % 2), T0.plusSeconds(i), REP));
            if (i % 3 == 0) {
                opportunities.save(o.closed(
                        i % 2 == 0 ? OpportunityStatus.WON : OpportunityStatus.LOST,
                        "price",
                        T0.plusSeconds(86_400L * i),
                        REP));
            }
        }
        PipelineTotals totals = store.pipelineTotals(tenant);
        PipelineTotals reference = PipelineTotals.scanning(opportunities);
        ReportPeriod year = ReportPeriod.year(2024);
        ReportPeriod days = ReportPeriod.of(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 2, 5)); // 401 days
        Statistics statistics = db().statistics();

        Map<String, Supplier<Object>> sums = new LinkedHashMap<>();
        sums.put("open", () -> totals.open(pipeline.id(), Optional.empty()));
        sums.put("closed", () -> totals.closed(pipeline, year.start(), year.end(), Optional.of(StaffId.of("anna"))));
        sums.put("forecast by month", () -> totals.forecast(year, Granularity.MONTH));
        sums.put("forecast by day", () -> totals.forecast(days, Granularity.DAY));
        Map<String, List<Long>> counts = new LinkedHashMap<>();
        Map<String, Object> results = new LinkedHashMap<>();
        sums.forEach((what, sum) -> {
            statistics.clear();
            results.put(what, sum.get());
            counts.put(what, List.of(statistics.getPrepareStatementCount(), statistics.getEntityLoadCount()));
        });

        assertThat(results.get("open")).isEqualTo(reference.open(pipeline.id(), Optional.empty()));
        assertThat((List<?>) results.get("closed"))
                .hasSize(2)
                .isEqualTo(reference.closed(pipeline, year.start(), year.end(), Optional.of(StaffId.of("anna"))));
        assertThat(results.get("forecast by month")).isEqualTo(reference.forecast(year, Granularity.MONTH));
        assertThat(results.get("forecast by day")).isEqualTo(reference.forecast(days, Granularity.DAY));
        assertThat(counts)
                .as("statements and entities loaded: one grouped query for open and for closed, two (open and"
                        + " won) per " + JpaPipelineTotals.PERIODS_PER_STATEMENT + " forecast periods")
                .containsExactly(
                        Map.entry("open", List.of(1L, 0L)),
                        Map.entry("closed", List.of(1L, 0L)),
                        Map.entry("forecast by month", List.of(2L, 0L)),
                        Map.entry("forecast by day", List.of(18L, 0L)));
    }

    @Test
    void orders_areReadWithAllTheirLinesInOneMoreStatement_andAppendedInBatches() {
        OrderRepository orders = store.orders(tenant);
        CustomerId customer = CustomerFixtures.nextCustomerId();
        List<Order> batch = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            batch.add(threeLines(anOrder(tenant, customer, T0.plusSeconds(i), "SKU-" + i), "shop:" + i));
        }
        Statistics statistics = db().statistics();

        statistics.clear();
        orders.appendAll(batch);
        long forAppend = statistics.getPrepareStatementCount();
        statistics.clear();
        List<Order> latest = orders.latestForCustomer(customer, 100);
        long forLatest = statistics.getPrepareStatementCount();
        statistics.clear();
        List<Order> page = orders.list(PageRequest.first(250)).items();
        long forList = statistics.getPrepareStatementCount();

        assertThat(forAppend)
                .as("statements to append 300 orders of 1,200 rows: two checks, then a batched insert per"
                        + " table and flush (Hibernate reuses a prepared statement across its batches)")
                .isLessThanOrEqualTo(10);
        List<Order> newestFirst = new ArrayList<>(batch);
        java.util.Collections.reverse(newestFirst);
        assertThat(latest).containsExactlyElementsOf(newestFirst.subList(0, 100));
        assertThat(page).containsExactlyElementsOf(batch.subList(0, 250));
        assertThat(forLatest).isEqualTo(2);
        assertThat(forList).isEqualTo(2);
    }

    @Test
    void findById_anOpportunityMovedBetweenItsRowAndItsHistory_isReadAgainWhole() throws Exception {
        OpportunityRepository opportunities = store.opportunities(tenant);
        Opportunity v1 =
                opportunities.save(withLines(anOpportunity(tenant, CustomerFixtures.nextCustomerId(), pipeline), 1));
        AtomicBoolean armed = new AtomicBoolean(true);
        AtomicReference<Opportunity> written = new AtomicReference<>();
        // just before the reader asks for the history, another host moves the opportunity and commits
        DataSource interrupted =
                beforePreparing(db().database().dataSource(), "crmkit_opportunity_stage_change", () -> {
                    if (armed.getAndSet(false)) {
                        written.set(CompletableFuture.supplyAsync(() -> opportunities.save(v1.toBuilder()
                                        .lines(List.of(LineItem.of("SKU-new", "7", Money.of("3.00", "EUR"))))
                                        .build()
                                        .movedTo(pipeline.stages().get(2), T0, Actor.user("other host"))))
                                .get(30, TimeUnit.SECONDS));
                    }
                });
        EntityManagerFactory factory = JpaDatabase.createFactory(db().database(), unit -> {
            unit.properties().remove(PersistenceConfiguration.JDBC_URL);
            unit.property(
                            "hibernate.connection.provider_class",
                            "org.hibernate.engine.jdbc.connections.internal.DataSourceConnectionProvider")
                    .property("hibernate.connection.datasource", interrupted);
        });
        try {
            Opportunity read = JpaCrmStore.create(factory)
                    .opportunities(tenant)
                    .findById(v1.id())
                    .orElseThrow();

            assertThat(written.get())
                    .as("the writer ran between the statements")
                    .isNotNull();
            assertThat(read).isEqualTo(written.get());
            assertThat(read.version()).isEqualTo(2);
            assertThat(read.lines()).hasSize(1);
            assertThat(read.history()).hasSize(2);
        } finally {
            factory.close();
        }
    }

    @Test
    void save_finerThanMicroseconds_keepsOpportunitiesAndOrdersToTheMicrosecond() {
        OpportunityRepository opportunities = store.opportunities(tenant);
        Instant fine = T0.plusNanos(123_456_789);
        Opportunity v1 = opportunities.save(anOpportunity(tenant, CustomerFixtures.nextCustomerId(), pipeline)
                .audit(Audit.created(fine, REP))
                .history(List.of(new StageChange(pipeline.firstStage().id(), OpportunityStatus.OPEN, fine, REP)))
                .build());
        Opportunity won = opportunities.save(v1.closed(OpportunityStatus.WON, "price", fine.plusNanos(999), REP));

        Instant micros = T0.plusNanos(123_456_000);
        assertThat(v1.audit().createdAt()).isEqualTo(micros);
        assertThat(v1.history().get(0).at()).isEqualTo(micros);
        assertThat(won.closedAt()).contains(T0.plusNanos(123_457_000));
        assertThat(opportunities.findById(v1.id())).contains(won);

        Order order = anOrder(tenant, CustomerFixtures.nextCustomerId(), fine, "SKU-1");
        Order stored = store.orders(tenant).append(order);
        assertThat(stored.orderedAt()).isEqualTo(micros);
        assertThat(stored.audit().createdAt()).isEqualTo(micros);
        assertThat(store.orders(tenant).findById(order.id())).contains(stored);
    }

    @Test
    void amountsAtTheEdgesOfMoney_readBackExactly() {
        String largest = "9".repeat(32) + ".99"; // 34 digits, Money's most
        Order euros = order(List.of(LineItem.of("big", "1", Money.of(largest, "EUR"))), null);
        Order yen = order(
                List.of(LineItem.of("yen", "0.3333", Money.of("1000", "JPY")).discounted("0.0001")),
                Money.of("1", "JPY"));
        Order dinars = order(
                List.of(
                        LineItem.of("fils", "999999999999999.9999", Money.of("0.001", "BHD")),
                        LineItem.of("free", "1", Money.of("0", "BHD")).discounted("1")),
                Money.of("0.000", "BHD"));
        OrderRepository orders = store.orders(tenant);
        orders.appendAll(List.of(euros, yen, dinars));

        assertThat(orders.findById(euros.id())).contains(euros);
        assertThat(orders.findById(euros.id()).orElseThrow().total()).isEqualTo(Money.of(largest, "EUR"));
        assertThat(orders.findById(yen.id())).contains(yen);
        assertThat(orders.findById(yen.id()).orElseThrow().total()).isEqualTo(Money.of("333", "JPY"));
        assertThat(orders.findById(dinars.id())).contains(dinars);
        assertThat(orders.findById(dinars.id()).orElseThrow().margin()).contains(dinars.total());

        Opportunity deal = store.opportunities(tenant)
                .save(anOpportunity(tenant, CustomerFixtures.nextCustomerId(), pipeline)
                        .amount(Money.of(largest, "EUR"))
                        .build());
        assertThat(store.opportunities(tenant).findById(deal.id())).contains(deal);
    }

    @Test
    void aTakenExternalId_leavesTheUnitOfWorkUsable() {
        OrderRepository orders = store.orders(tenant);
        CustomerId customer = CustomerFixtures.nextCustomerId();
        orders.append(threeLines(anOrder(tenant, customer, T0, "a"), "ERP-1"));
        Order next = anOrder(tenant, customer, T0.plusSeconds(1), "b");

        store.inTransaction(() -> {
            assertThatThrownBy(() -> orders.append(threeLines(anOrder(tenant, customer, T0, "c"), "ERP-1")))
                    .isInstanceOf(ConcurrentUpdateException.class);
            return orders.append(next);
        });

        assertThat(orders.findById(next.id())).contains(next);
    }

    @Test
    void appendAll_whenAConcurrentWriterTakesAnExternalIdAfterTheCheck_failsAndWritesNothing() throws Exception {
        CustomerId customer = CustomerFixtures.nextCustomerId();
        List<Order> batch = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            batch.add(threeLines(anOrder(tenant, customer, T0.plusSeconds(i), "p" + i), "race-" + i));
        }
        Order rival = threeLines(anOrder(tenant, customer, T0, "rival"), "race-3");
        AtomicBoolean armed = new AtomicBoolean(true);
        // after the store has checked the external ids, another host records one of them and commits
        DataSource interrupted = beforePreparing(db().database().dataSource(), "insert into crmkit_order", () -> {
            if (armed.getAndSet(false)) {
                CompletableFuture.runAsync(() -> store.orders(tenant).append(rival))
                        .get(30, TimeUnit.SECONDS);
            }
        });
        EntityManagerFactory factory = JpaDatabase.createFactory(db().database(), unit -> {
            unit.properties().remove(PersistenceConfiguration.JDBC_URL);
            unit.property(
                            "hibernate.connection.provider_class",
                            "org.hibernate.engine.jdbc.connections.internal.DataSourceConnectionProvider")
                    .property("hibernate.connection.datasource", interrupted);
        });
        try {
            OrderRepository racing = JpaCrmStore.create(factory).orders(tenant);

            assertThatThrownBy(() -> racing.appendAll(batch)).isInstanceOf(ConcurrentUpdateException.class);

            assertThat(armed).as("the rival ran before the insert").isFalse();
            OrderRepository orders = store.orders(tenant);
            assertThat(orders.findByExternalId("race-3")).contains(rival);
            assertThat(orders.latestForCustomer(customer, 10)).containsExactly(rival);
        } finally {
            factory.close();
        }
    }

    private Order order(List<LineItem> lines, Money cost) {
        return Order.of(
                new org.crmkit.core.sales.OrderId(java.util.UUID.randomUUID()),
                tenant,
                CustomerFixtures.nextCustomerId(),
                T0,
                lines,
                cost,
                Channel.PHONE,
                null,
                null,
                Audit.created(T0, REP));
    }

    private static Opportunity withLines(Opportunity.Builder b, int i) {
        return b.amount(null)
                .lines(List.of(
                        LineItem.of("SKU-" + i, "2.5", Money.of("19.99", "EUR")).discounted("0.125"),
                        LineItem.of("Dịch vụ", "1", Money.of("80.00", "EUR"))))
                .build();
    }

    private static Order threeLines(Order order, String externalId) {
        return Order.of(
                order.id(),
                order.tenant(),
                order.customer(),
                order.orderedAt(),
                List.of(
                        order.lines().get(0),
                        LineItem.of("Gift wrap", "1", Money.of("2.50", "EUR")),
                        LineItem.of("Shipping", "1", Money.of("4.90", "EUR"))),
                Money.of("12.00", "EUR"),
                Channel.WEB_FORM,
                null,
                externalId,
                order.audit());
    }

    /** Work that a test thread runs and that may throw. */
    private interface Step {
        void run() throws Exception;
    }

    /**
     * A data source over {@code target} whose connections run {@code step} before preparing SQL that
     * contains {@code text} (compared without case).
     */
    private static DataSource beforePreparing(DataSource target, String text, Step step) {
        ClassLoader loader = JpaSalesStoreContract.class.getClassLoader();
        return (DataSource) Proxy.newProxyInstance(
                loader, new Class<?>[] {DataSource.class}, (ds, dsMethod, dsArgs) -> {
                    Object connection = invoke(target, dsMethod, dsArgs);
                    if (!(connection instanceof Connection real)) {
                        return connection;
                    }
                    return Proxy.newProxyInstance(loader, new Class<?>[] {Connection.class}, (c, method, args) -> {
                        if (method.getName().equals("prepareStatement")
                                && ((String) args[0])
                                        .toLowerCase(java.util.Locale.ROOT)
                                        .contains(text)) {
                            step.run();
                        }
                        return invoke(real, method, args);
                    });
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
