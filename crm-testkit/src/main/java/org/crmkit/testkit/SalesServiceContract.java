package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmkit.testkit.fixtures.CustomerFixtures.aPerson;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.crmkit.core.Crm;
import org.crmkit.core.CrmScope;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.Cancellation;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.ProgressListener;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.LifecycleStage;
import org.crmkit.core.routing.AssignmentStrategy;
import org.crmkit.core.routing.Team;
import org.crmkit.core.sales.ForecastCategory;
import org.crmkit.core.sales.LineItem;
import org.crmkit.core.sales.Opportunity;
import org.crmkit.core.sales.OpportunityDraft;
import org.crmkit.core.sales.OpportunityStatus;
import org.crmkit.core.sales.Order;
import org.crmkit.core.sales.OrderDraft;
import org.crmkit.core.sales.Pipeline;
import org.crmkit.core.sales.PipelineDraft;
import org.crmkit.core.sales.ProbabilitySource;
import org.crmkit.core.sales.SalesEvent;
import org.crmkit.core.sales.SalesService;
import org.crmkit.core.sales.Stage;
import org.crmkit.core.sales.WinModel;
import org.crmkit.core.sales.WinProbability;
import org.crmkit.core.spi.CrmStore;
import org.crmkit.testkit.fixtures.Concurrently;
import org.crmkit.testkit.fixtures.CustomerFixtures;
import org.crmkit.testkit.fixtures.RecordingListener;
import org.crmkit.testkit.fixtures.SteppingClock;
import org.crmkit.testkit.fixtures.TestTenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour of {@link SalesService} on a store, through the {@link Crm} facade: pipelines are
 * created and their stages added, renamed, moved and retired without breaking the opportunities in
 * them; opportunities start in the first active stage, move only while open and only into active
 * stages, close with a reason from the pipeline's lists and reopen explicitly, keeping their full
 * history; qualifying a lead moves the customer to prospect and routes the new opportunity to sales
 * staff, fairly under concurrency; orders are recorded once per external id, and a bulk recording
 * with one bad draft records nothing. Everything persists: a second {@code Crm} on the same store
 * reads it.
 *
 * <p>A store runs it by extending it and supplying the store, as for {@link
 * InteractionServiceContract}.
 */
public abstract class SalesServiceContract {
    private static final Actor ANNA = Actor.user("anna");
    private static final LocalDate CLOSE = LocalDate.of(2024, 9, 30);

    private CrmStore store;
    private SteppingClock clock;
    private RecordingListener events;
    private TenantId tenant;
    private CrmScope scope;
    private SalesService sales;

    /** Creates the contract; subclasses supply the store. */
    protected SalesServiceContract() {}

    /**
     * Returns the store under test, called once before each test. It may be new and empty or one
     * already used, as long as it holds no data of the random tenants the tests make.
     */
    protected abstract CrmStore newStore();

    @BeforeEach
    void setUpCrm() {
        store = newStore();
        clock = SteppingClock.create();
        events = new RecordingListener();
        tenant = TestTenants.random("v");
        scope = crm(b -> b).forTenant(tenant).as(ANNA);
        sales = scope.sales();
    }

    @Test
    void pipelines_changeStagesWithoutBreakingOpportunities() {
        Pipeline pipeline = wholesale();
        Stage qualify = pipeline.stages().get(0);
        Opportunity inQualify = sales.createOpportunity(
                draft(customerOwnedBy("rep-1"), pipeline).amount(eur("500")));

        Pipeline renamed = sales.renameStage(pipeline.id(), qualify.id(), "Tìm hiểu");
        Pipeline added = sales.addStage(pipeline.id(), "Demo", 25, ForecastCategory.PIPELINE, 1);
        Pipeline moved = sales.moveStage(pipeline.id(), added.stages().get(1).id(), 0);
        Pipeline retired = sales.retireStage(pipeline.id(), qualify.id());

        assertThat(renamed.stage(qualify.id()).orElseThrow().name()).isEqualTo("Tìm hiểu");
        assertThat(moved.stages())
                .extracting(Stage::name)
                .containsExactly("Demo", "Tìm hiểu", "Proposal", "Negotiation");
        assertThat(retired.firstStage().name()).isEqualTo("Demo");
        assertThat(reread().pipeline(pipeline.id())).isEqualTo(retired);
        assertThat(reread().opportunity(inQualify.id()).stage()).isEqualTo(qualify.id());
        Opportunity newOne = sales.createOpportunity(
                draft(customerOwnedBy("rep-1"), pipeline).amount(eur("1")));
        assertThat(newOne.stage()).isEqualTo(moved.stages().get(0).id());
        assertThatThrownBy(() -> sales.createOpportunity(draft(customerOwnedBy("rep-1"), pipeline)
                        .amount(eur("1"))
                        .stage(qualify.id())))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("stageId"));
        assertThat(sales.moveToStage(inQualify.id(), retired.stages().get(2).id())
                        .stage())
                .isEqualTo(retired.stages().get(2).id());
        assertThat(events.events(SalesEvent.PipelineChanged.class)).hasSize(5);
    }

    @Test
    void opportunities_moveCloseAndReopen_keepingTheirHistory() {
        Pipeline pipeline = wholesale();
        Opportunity created = sales.createOpportunity(draft(customerOwnedBy("rep-1"), pipeline)
                .line(LineItem.of("SKU-1", "10", eur("12.50")).discounted("0.2"))
                .source(Channel.WEB_FORM));

        Opportunity proposal =
                sales.moveToStage(created.id(), pipeline.stages().get(1).id());
        assertThatThrownBy(() ->
                        sales.moveToStage(created.id(), pipeline.stages().get(1).id()))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> sales.lose(created.id(), "weather"))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("reason"));
        Opportunity lost = sales.lose(created.id(), "competitor");
        assertThatThrownBy(() ->
                        sales.moveToStage(created.id(), pipeline.stages().get(2).id()))
                .isInstanceOf(IllegalTransitionException.class);
        Opportunity reopened =
                sales.reopen(created.id(), pipeline.stages().get(2).id());
        Opportunity won = sales.win(created.id(), "price");

        assertThat(created.amount()).isEqualTo(eur("100.00"));
        assertThat(created.owner()).isEqualTo(StaffId.of("rep-1"));
        assertThat(proposal.forecastCategory()).isEqualTo(ForecastCategory.BEST_CASE);
        assertThat(lost.status()).isEqualTo(OpportunityStatus.LOST);
        assertThat(reopened.closeReason()).isEmpty();
        assertThat(won.probability(pipeline.stages().get(2))).isEqualTo(100);
        assertThat(reread().opportunity(created.id())).isEqualTo(won);
        assertThat(won.history())
                .extracting(c -> c.status())
                .containsExactly(
                        OpportunityStatus.OPEN,
                        OpportunityStatus.OPEN,
                        OpportunityStatus.LOST,
                        OpportunityStatus.OPEN,
                        OpportunityStatus.WON);
        assertThat(events.events(SalesEvent.OpportunityStageChanged.class)).hasSize(4);
        assertThat(reread().openOpportunities(created.customer(), 10)).isEmpty();
    }

    @Test
    void winProbability_isTheOverrideThenThePredictionThenTheStageDefault_andThePredictionPersists() {
        Pipeline pipeline = wholesale();
        Stage first = pipeline.stages().get(0);
        // no factor counts: the prior alone, 3 won to 1 lost, is 100 / (1 + 1/3) = 75 %
        WinModel model = new WinModel(tenant, 3, 1, List.of(), List.of());
        Opportunity byStage = sales.createOpportunity(
                draft(customerOwnedBy("rep-1"), pipeline).amount(eur("500")));
        Opportunity byHand = sales.createOpportunity(
                draft(customerOwnedBy("rep-1"), pipeline).amount(eur("700")).probability(40));

        Opportunity predicted = sales.recordPrediction(byStage.id(), model);
        Opportunity overridden = sales.recordPrediction(byHand.id(), model);

        assertThat(byStage.winProbability(first))
                .isEqualTo(new WinProbability(first.probability(), ProbabilitySource.STAGE_DEFAULT));
        assertThat(predicted.predictedProbability()).hasValue(75);
        assertThat(reread().opportunity(byStage.id())).isEqualTo(predicted);
        assertThat(reread().opportunity(byStage.id()).winProbability(first))
                .isEqualTo(new WinProbability(75, ProbabilitySource.PREDICTED));
        assertThat(reread().opportunity(byHand.id()).predictedProbability()).hasValue(75);
        assertThat(reread().opportunity(byHand.id()).winProbability(first))
                .isEqualTo(new WinProbability(40, ProbabilitySource.OVERRIDE));
        assertThat(sales.recordPrediction(byStage.id(), model)).isEqualTo(predicted); // unchanged: not saved again
        Opportunity won = sales.win(byStage.id(), "price");
        assertThat(reread().opportunity(byStage.id()).winProbability(first))
                .isEqualTo(new WinProbability(100, ProbabilitySource.CLOSED));
        assertThat(won.predictedProbability()).hasValue(75);
        assertThatThrownBy(() -> sales.recordPrediction(byStage.id(), model))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("opportunity.status"));
        assertThatThrownBy(() -> sales.recordPrediction(
                        byHand.id(), new WinModel(TestTenants.random("w"), 3, 1, List.of(), List.of())))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("opportunity.tenant"));
        assertThatThrownBy(() -> overridden.winProbability(pipeline.stages().get(1)))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("stage"));
    }

    @Test
    void qualify_movesTheLeadToProspect_andRoutesItToSalesStaff() {
        Pipeline pipeline = wholesale();
        Team reps = Team.of("reps", "an", "binh");
        SalesService routed = crm(b -> b.leadRouting(AssignmentStrategy.roundRobin(reps)))
                .forTenant(tenant)
                .as(ANNA)
                .sales();
        CustomerId lead1 = lead();
        CustomerId lead2 = lead();

        Opportunity first = routed.qualify(lead1, draft(lead1, pipeline).amount(eur("10")));
        Opportunity second = routed.qualify(lead2, draft(lead2, pipeline).amount(eur("10")));

        assertThat(List.of(first.owner(), second.owner())).containsExactly(StaffId.of("an"), StaffId.of("binh"));
        assertThat(scope.customers().get(lead1).stage()).isEqualTo(LifecycleStage.PROSPECT);
        assertThatThrownBy(() -> routed.qualify(lead1, draft(lead1, pipeline).amount(eur("10"))))
                .isInstanceOf(IllegalTransitionException.class);
        CustomerId unowned = scope.customers().create(aPerson().draft()).id();
        assertThatThrownBy(
                        () -> sales.createOpportunity(draft(unowned, pipeline).amount(eur("1"))))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("opportunity.owner"));
    }

    @Test
    void leastLoadedLeads_fromEightThreads_areSharedFairly() throws Exception {
        Pipeline pipeline = wholesale();
        Team reps = Team.of("reps", "a", "b", "c", "d");
        List<CustomerId> leads = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            leads.add(lead());
        }

        List<List<Opportunity>> made = Concurrently.run(8, t -> {
            SalesService service = crm(b -> b.leadRouting(AssignmentStrategy.leastLoaded(reps)))
                    .forTenant(tenant)
                    .as(ANNA)
                    .sales();
            List<Opportunity> mine = new ArrayList<>();
            for (int i = t * 4; i < t * 4 + 4; i++) {
                mine.add(service.qualify(
                        leads.get(i), draft(leads.get(i), pipeline).amount(eur("10"))));
            }
            return mine;
        });

        Map<StaffId, Integer> share = new ConcurrentHashMap<>();
        made.stream().flatMap(List::stream).forEach(o -> share.merge(o.owner(), 1, Integer::sum));
        assertThat(share)
                .containsOnlyKeys(reps.members())
                .allSatisfy((rep, count) -> assertThat(count).isEqualTo(8));
    }

    @Test
    void orders_areRecordedOncePerExternalId() {
        CustomerId customer = customerOwnedBy("rep-1");
        Instant at = Instant.parse("2024-05-02T14:00:00Z");
        OrderDraft draft = OrderDraft.of(customer, at)
                .line(LineItem.of("Kem 50ml", "2", eur("19.90")))
                .cost(eur("15.00"))
                .channel(Channel.WEB_FORM)
                .externalId("shop:1001");

        Order first = sales.recordOrder(draft);
        Order again = sales.recordOrder(draft);

        assertThat(again).isEqualTo(first);
        assertThat(first.total()).isEqualTo(eur("39.80"));
        assertThat(first.margin()).contains(eur("24.80"));
        assertThat(reread().latestOrders(customer, 10)).containsExactly(first);
        assertThat(events.events(SalesEvent.OrderRecorded.class)).hasSize(1);
        assertThatThrownBy(() -> sales.recordOrder(
                        OrderDraft.of(CustomerFixtures.nextCustomerId(), at).line(LineItem.of("x", "1", eur("1")))))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("order.customer"));
        assertThatThrownBy(() -> sales.recordOrder(OrderDraft.of(customer, at)))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("order.lines"));
    }

    @Test
    void recordOrders_recordsAllOrNothing_andSkipsRepeatedExternalIds() {
        CustomerId customer = customerOwnedBy("rep-1");
        Instant at = Instant.parse("2024-05-02T14:00:00Z");
        List<OrderDraft> good = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            good.add(OrderDraft.of(customer, at.plusSeconds(i))
                    .line(LineItem.of("SKU", "1", eur("1")))
                    .externalId("e" + (i % 2400)));
        }
        List<OrderDraft> bad = new ArrayList<>(good);
        bad.set(
                2101,
                OrderDraft.of(customer, at)
                        .line(LineItem.of("SKU", "1", Money.of("1", "USD")))
                        .line(LineItem.of("SKU", "1", eur("1"))));

        assertThatThrownBy(() -> sales.recordOrders(bad.iterator(), ProgressListener.NONE, Cancellation.none()))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("orders[2101].lines[1]"));
        assertThat(reread().latestOrders(customer, 10)).isEmpty();

        long recorded = sales.recordOrders(good.iterator(), ProgressListener.NONE, Cancellation.none());
        long again = sales.recordOrders(good.iterator(), ProgressListener.NONE, Cancellation.none());

        assertThat(recorded).isEqualTo(2400);
        assertThat(again).isZero();
        assertThat(reread().latestOrders(customer, 1000)).hasSize(1000);
    }

    // ---- helpers -----------------------------------------------------------------------------

    private Pipeline wholesale() {
        return sales.createPipeline(PipelineDraft.named("Wholesale")
                .stage("Qualify", 10)
                .stage("Proposal", 40, ForecastCategory.BEST_CASE)
                .stage("Negotiation", 70, ForecastCategory.COMMIT)
                .wonReasons("price", "relationship")
                .lostReasons("price", "competitor", "no budget"));
    }

    private static OpportunityDraft draft(CustomerId customer, Pipeline pipeline) {
        return OpportunityDraft.of(customer, pipeline.id(), "Đơn hàng mùa thu", CLOSE);
    }

    private CustomerId customerOwnedBy(String owner) {
        return scope.customers()
                .create(aPerson()
                        .ownedBy(owner)
                        .inStage(LifecycleStage.CUSTOMER)
                        .draft())
                .id();
    }

    private CustomerId lead() {
        return scope.customers()
                .create(aPerson().inStage(LifecycleStage.LEAD).draft())
                .id();
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private Crm crm(Function<Crm.Builder, Crm.Builder> configure) {
        return configure
                .apply(Crm.builder().store(store).clock(clock).listener(events))
                .build();
    }

    /** The sales of the test's tenant as a second {@code Crm} on the same store reads them. */
    private SalesService reread() {
        return Crm.builder()
                .store(store)
                .clock(clock)
                .build()
                .forTenant(tenant)
                .as(Actor.user("auditor"))
                .sales();
    }
}
