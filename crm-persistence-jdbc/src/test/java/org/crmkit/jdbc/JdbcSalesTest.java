package org.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmkit.testkit.fixtures.SalesFixtures.aPipeline;
import static org.crmkit.testkit.fixtures.SalesFixtures.anOpportunity;
import static org.crmkit.testkit.fixtures.SalesFixtures.anOrder;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.Audit;
import org.crmkit.core.common.ConcurrentUpdateException;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.sales.LineItem;
import org.crmkit.core.sales.Opportunity;
import org.crmkit.core.sales.OpportunityRepository;
import org.crmkit.core.sales.OpportunityStatus;
import org.crmkit.core.sales.Order;
import org.crmkit.core.sales.OrderRepository;
import org.crmkit.core.sales.Pipeline;
import org.crmkit.core.sales.PipelineRepository;
import org.crmkit.core.sales.StageChange;
import org.crmkit.testkit.db.TestDatabase;
import org.crmkit.testkit.fixtures.Concurrently;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the JDBC store does with pipelines, opportunities and orders beyond their contract suites:
 * amounts of every currency's minor unit read back exactly; instants cut to the microsecond; a
 * stage history written by its new entries only, yet read back as saved; lists read in a fixed
 * number of statements; refused writes inside a unit of work that leave it usable; batched order
 * imports beyond one batch, all or nothing; external ids that differ only in padding or Unicode
 * normal form kept apart; and reads that never see half of a concurrent save. One subclass per
 * database.
 */
abstract class JdbcSalesTest {
    private static final Instant T0 = Instant.parse("2024-06-03T08:15:30.123456Z");
    private static final Actor REP = Actor.user("rep");

    JdbcCrmStore store;
    TenantId tenant;
    Pipeline pipeline;

    /** The database of the running subclass. */
    abstract TestDatabase database();

    @BeforeEach
    void setUp() {
        store = Fixtures.store(database());
        tenant = Fixtures.newTenant();
        pipeline = store.pipelines(tenant).save(aPipeline(tenant));
    }

    @Test
    void amounts_ofEveryMinorUnit_readBackExactly() {
        OpportunityRepository opportunities = store.opportunities(tenant);
        OrderRepository orders = store.orders(tenant);
        List<Money> amounts = List.of(
                Money.of("1234567890123456789012345678901234", "JPY"),
                Money.of("12345678901234567890123456789012.34", "EUR"),
                Money.of("0.125", "BHD"),
                Money.of("0.0001", "XAU"),
                Money.of("0", "USD"));
        for (Money amount : amounts) {
            CustomerId customer = new CustomerId(UUID.randomUUID());
            Opportunity plain =
                    anOpportunity(tenant, customer, pipeline).amount(amount).build();
            Opportunity lined = anOpportunity(tenant, customer, pipeline)
                    .amount(null)
                    .lines(List.of(new LineItem("P", new java.math.BigDecimal("1"), amount, java.math.BigDecimal.ZERO)))
                    .build();
            Order order = order(
                    tenant,
                    customer,
                    T0,
                    List.of(new LineItem("P", new java.math.BigDecimal("1"), amount, java.math.BigDecimal.ZERO)),
                    amount,
                    null);

            assertThat(opportunities
                            .findById(opportunities.save(plain).id())
                            .orElseThrow()
                            .amount())
                    .isEqualTo(amount);
            assertThat(opportunities.findById(opportunities.save(lined).id()).orElseThrow())
                    .isEqualTo(lined.withVersion(1));
            assertThat(orders.findById(orders.append(order).id())).contains(order);
        }
    }

    @Test
    void instantsFinerThanMicroseconds_areCut_andReadBackAsReturned() {
        Instant precise = T0.plusNanos(789);
        Audit audit = new Audit(precise, REP, precise.plusNanos(1), REP);
        Pipeline p = aPipeline(tenant);
        Pipeline storedPipeline = store.pipelines(tenant)
                .save(Pipeline.restore(
                        p.id(), tenant, p.name(), p.stages(), p.wonReasons(), p.lostReasons(), audit, 0));
        Opportunity deal = anOpportunity(tenant, new CustomerId(UUID.randomUUID()), pipeline)
                .audit(audit)
                .history(List.of(
                        new StageChange(pipeline.firstStage().id(), OpportunityStatus.OPEN, precise.plusNanos(2), REP)))
                .build()
                .closed(OpportunityStatus.WON, "price", precise.plusNanos(3), REP);
        Order order = order(tenant, new CustomerId(UUID.randomUUID()), precise, anOrderLines(), null, null);

        Opportunity storedDeal = store.opportunities(tenant).save(deal);
        Order storedOrder = store.orders(tenant).append(order);

        assertThat(storedPipeline.audit()).isEqualTo(new Audit(T0, REP, T0, REP));
        assertThat(store.pipelines(tenant).findById(p.id())).contains(storedPipeline);
        assertThat(storedDeal.closedAt()).contains(T0);
        assertThat(storedDeal.history()).extracting(StageChange::at).containsOnly(T0);
        assertThat(storedDeal.audit().createdAt()).isEqualTo(T0);
        assertThat(store.opportunities(tenant).findById(deal.id())).contains(storedDeal);
        assertThat(storedOrder.orderedAt()).isEqualTo(T0);
        assertThat(store.orders(tenant).findById(order.id())).contains(storedOrder);
    }

    @Test
    void aMove_writesOnlyItsNewHistoryEntry_whateverTheHistory() throws SQLException {
        InstrumentedDataSource counting = new InstrumentedDataSource(database().dataSource());
        OpportunityRepository counted =
                JdbcCrmStore.builder(counting).dialect(store.dialect()).build().opportunities(tenant);
        OpportunityRepository opportunities = store.opportunities(tenant);
        Opportunity young = opportunities.save(anOpportunity(tenant, new CustomerId(UUID.randomUUID()), pipeline)
                .build());
        Opportunity old = opportunities.save(anOpportunity(tenant, new CustomerId(UUID.randomUUID()), pipeline)
                .build());
        for (int i = 0; i < 40; i++) {
            old = opportunities.save(old.movedTo(pipeline.stages().get(1 + i % 2), T0.plusSeconds(i), REP));
        }

        counting.reset();
        counted.save(young.movedTo(pipeline.stages().get(1), T0, REP));
        List<String> youngStatements = counting.executed();
        counting.reset();
        Opportunity moved = counted.save(old.movedTo(pipeline.stages().get(0), T0, REP));
        List<String> oldStatements = counting.executed();

        assertThat(oldStatements)
                .as("the row, its lines (delete), the stored history, the new entry")
                .hasSameSizeAs(youngStatements)
                .hasSize(4);
        assertThat(oldStatements.get(oldStatements.size() - 1)).contains("VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        assertThat(historyRows(moved)).isEqualTo(42);
        assertThat(opportunities.findById(old.id())).contains(moved);
    }

    @Test
    void aHistoryThatDoesNotExtendTheStoredOne_isStoredAsGiven() throws SQLException {
        OpportunityRepository opportunities = store.opportunities(tenant);
        Opportunity deal = opportunities.save(anOpportunity(tenant, new CustomerId(UUID.randomUUID()), pipeline)
                .build());
        for (int i = 1; i <= 3; i++) {
            deal = opportunities.save(deal.movedTo(pipeline.stages().get(i % 3), T0.plusSeconds(i), REP));
        }
        List<StageChange> history = deal.history();
        StageChange other = new StageChange(history.get(1).stage(), OpportunityStatus.OPEN, T0, Actor.system("fix"));

        Opportunity rewritten = opportunities.save(deal.toBuilder()
                .history(List.of(history.get(0), other, history.get(2), history.get(3)))
                .build());
        assertThat(opportunities.findById(deal.id())).contains(rewritten);
        assertThat(historyRows(rewritten)).isEqualTo(4);

        Opportunity shorter = opportunities.save(
                rewritten.toBuilder().history(List.of(history.get(0))).build());
        assertThat(opportunities.findById(deal.id())).contains(shorter);
        assertThat(historyRows(shorter)).isEqualTo(1);
    }

    @Test
    void lists_readTheirChildrenInOneStatementEach() {
        InstrumentedDataSource counting = new InstrumentedDataSource(database().dataSource());
        JdbcCrmStore counted =
                JdbcCrmStore.builder(counting).dialect(store.dialect()).build();
        StaffId lined = StaffId.of("lined");
        StaffId plain = StaffId.of("plain");
        CustomerId customer = new CustomerId(UUID.randomUUID());
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Opportunity deal = store.opportunities(tenant)
                    .save(anOpportunity(tenant, customer, pipeline)
                            .owner(lined)
                            .amount(null)
                            .lines(anOrderLines())
                            .build());
            store.opportunities(tenant).save(deal.movedTo(pipeline.stages().get(1), T0, REP));
            store.opportunities(tenant)
                    .save(anOpportunity(tenant, customer, pipeline).owner(plain).build());
            orders.add(order(tenant, customer, T0.plusSeconds(i), anOrderLines(), null, null));
        }
        store.orders(tenant).appendAll(orders);

        counting.reset();
        assertThat(counted.opportunities(tenant)
                        .openOwnedBy(lined, PageRequest.first(25))
                        .items())
                .hasSize(25)
                .allSatisfy(o -> assertThat(o.history()).hasSize(2));
        assertThat(counting.executed()).as("opportunities, histories, lines").hasSize(3);
        counting.reset();
        assertThat(counted.opportunities(tenant)
                        .openOwnedBy(plain, PageRequest.first(25))
                        .items())
                .hasSize(25);
        assertThat(counting.executed()).as("no lines: no statement for them").hasSize(2);
        counting.reset();
        assertThat(counted.orders(tenant).list(PageRequest.first(1000)).items()).containsExactlyElementsOf(orders);
        assertThat(counting.executed()).as("orders, lines").hasSize(2);
    }

    @Test
    void refusedWritesInsideAUnitOfWork_leaveItUsable() {
        OrderRepository orders = store.orders(tenant);
        OpportunityRepository opportunities = store.opportunities(tenant);
        PipelineRepository pipelines = store.pipelines(tenant);
        CustomerId customer = new CustomerId(UUID.randomUUID());
        Order recorded = orders.append(order(tenant, customer, T0, anOrderLines(), null, "ERP-1"));
        Opportunity deal =
                opportunities.save(anOpportunity(tenant, customer, pipeline).build());
        Order fresh = order(tenant, customer, T0, anOrderLines(), null, "ERP-2");
        Order after = order(tenant, customer, T0, anOrderLines(), null, "ERP-3");

        store.inTransaction(() -> {
            assertThatThrownBy(() -> orders.append(recorded)).isInstanceOf(ConcurrentUpdateException.class);
            assertThatThrownBy(() -> orders.appendAll(
                            List.of(fresh, order(tenant, customer, T0, anOrderLines(), null, "ERP-1"))))
                    .isInstanceOf(ConcurrentUpdateException.class);
            assertThatThrownBy(
                            () -> opportunities.save(deal.toBuilder().version(0).build()))
                    .isInstanceOf(ConcurrentUpdateException.class);
            assertThatThrownBy(
                            () -> opportunities.save(deal.toBuilder().version(7).build()))
                    .isInstanceOf(ConcurrentUpdateException.class);
            assertThatThrownBy(() -> pipelines.save(pipeline.withVersion(0)))
                    .isInstanceOf(ConcurrentUpdateException.class);
            orders.append(after);
            return null;
        });

        assertThat(orders.findById(after.id())).contains(after);
        assertThat(orders.findById(fresh.id())).isEmpty();
        assertThat(orders.findByExternalId("ERP-1")).contains(recorded);
        assertThat(opportunities.findById(deal.id())).contains(deal);
        assertThat(pipelines.findById(pipeline.id())).contains(pipeline);
    }

    @Test
    void appendAll_beyondOneBatch_recordsAllOrNothing() {
        OrderRepository orders = store.orders(tenant);
        CustomerId customer = new CustomerId(UUID.randomUUID());
        Order taken = orders.append(order(tenant, customer, T0, anOrderLines(), null, "import-taken"));
        List<Order> batch = new ArrayList<>();
        for (int i = 0; i < JdbcOrderRepository.BATCH * 2 + 37; i++) {
            batch.add(order(tenant, customer, T0.plusSeconds(i), anOrderLines(), null, "import-" + i));
        }
        List<Order> refused = new ArrayList<>(batch);
        refused.add(order(tenant, customer, T0, anOrderLines(), null, "import-taken"));

        assertThatThrownBy(() -> orders.appendAll(refused))
                .isInstanceOf(ConcurrentUpdateException.class)
                .hasMessageContaining(refused.get(refused.size() - 1).id().toString());
        assertThat(orders.list(PageRequest.first(10)).items()).containsExactly(taken);

        assertThat(orders.appendAll(batch)).containsExactlyElementsOf(batch);
        assertThat(orders.existingExternalIds(List.of("import-0", "import-1036", "import-x")))
                .containsExactlyInAnyOrder("import-0", "import-1036");
        assertThat(orders.latestForCustomer(customer, 1)).containsExactly(batch.get(batch.size() - 1));
    }

    @Test
    void externalIds_differingInPaddingOrNormalForm_areDifferentOrders() {
        OrderRepository orders = store.orders(tenant);
        CustomerId customer = new CustomerId(UUID.randomUUID());
        List<String> externalIds = List.of("ERP-7", "erp-7", "ERP-7\u00a0", "caf\u00e9", "cafe\u0301", "𠮷-1");
        List<Order> recorded = new ArrayList<>();
        for (String externalId : externalIds) {
            recorded.add(orders.append(order(tenant, customer, T0, anOrderLines(), null, externalId)));
        }

        for (int i = 0; i < externalIds.size(); i++) {
            assertThat(orders.findByExternalId(externalIds.get(i))).contains(recorded.get(i));
        }
        assertThat(orders.findByExternalId("ERP-7 ")).as("no padding").isEmpty();
        assertThat(orders.findByExternalId("\ud842")).isEmpty();
        assertThat(orders.existingExternalIds(externalIds)).containsExactlyInAnyOrderElementsOf(externalIds);
    }

    @Test
    void readsWhileAWriterSaves_seeOnlyWholeOpportunities() throws Exception {
        OpportunityRepository opportunities = store.opportunities(tenant);
        Opportunity first = opportunities.save(anOpportunity(tenant, new CustomerId(UUID.randomUUID()), pipeline)
                .build());
        Map<Long, Opportunity> saved = new ConcurrentHashMap<>();
        saved.put(first.version(), first);
        AtomicBoolean writing = new AtomicBoolean(true);

        List<List<Opportunity>> reads = Concurrently.run(3, thread -> {
            List<Opportunity> seen = new ArrayList<>();
            if (thread == 0) {
                try {
                    Opportunity current = first;
                    for (int i = 0; i < 40; i++) {
                        List<LineItem> lines = new ArrayList<>();
                        for (int k = 0; k <= i % 4; k++) {
                            lines.add(LineItem.of("SKU-" + i + "-" + k, "1", Money.of("1.00", "EUR")));
                        }
                        current = opportunities.save(
                                current.movedTo(pipeline.stages().get(1 + i % 2), T0.plusSeconds(i), REP).toBuilder()
                                        .amount(null)
                                        .lines(lines)
                                        .build());
                        saved.put(current.version(), current);
                    }
                } finally {
                    writing.set(false);
                }
            } else {
                while (writing.get()) {
                    seen.add(opportunities.findById(first.id()).orElseThrow());
                }
            }
            return seen;
        });

        assertThat(reads.get(1).size() + reads.get(2).size()).isPositive();
        for (List<Opportunity> seen : reads) {
            for (Opportunity read : seen) {
                assertThat(read).isEqualTo(saved.get(read.version()));
            }
        }
    }

    private int historyRows(Opportunity opportunity) throws SQLException {
        try (Connection connection = database().dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT COUNT(*) FROM crm_opportunity_stage_change WHERE tenant_id = ? AND opportunity_id = ?")) {
            Sql.bind(statement, 1, tenant.value(), store.dialect());
            Sql.bind(statement, 2, opportunity.id().value(), store.dialect());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static List<LineItem> anOrderLines() {
        return List.of(
                LineItem.of("SKU-1", "2", Money.of("9.90", "EUR")),
                LineItem.of("SKU-2", "0.3333", Money.of("100.00", "EUR")).discounted("0.05"));
    }

    private static Order order(
            TenantId tenant, CustomerId customer, Instant at, List<LineItem> lines, Money cost, String externalId) {
        Order one = anOrder(tenant, customer, at, "x");
        return Order.of(
                one.id(), // time-ordered, so that lists by id keep the order they were made in
                tenant,
                customer,
                at,
                lines,
                cost,
                null,
                null,
                externalId,
                one.audit());
    }
}
