package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.crmkit.testkit.fixtures.CustomerFixtures.aPerson;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.UUID;
import org.crmkit.core.Crm;
import org.crmkit.core.CrmScope;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.Audit;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.NotFoundException;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.report.ForecastFigure;
import org.crmkit.core.report.ForecastTotal;
import org.crmkit.core.report.Granularity;
import org.crmkit.core.report.PipelineAnalysis;
import org.crmkit.core.report.PipelineReport;
import org.crmkit.core.report.PipelineTotals;
import org.crmkit.core.report.QuotaAttainment;
import org.crmkit.core.report.ReportPeriod;
import org.crmkit.core.report.StageFigures;
import org.crmkit.core.report.StageProbabilities;
import org.crmkit.core.report.WeightedForecast;
import org.crmkit.core.sales.ForecastCategory;
import org.crmkit.core.sales.Opportunity;
import org.crmkit.core.sales.OpportunityDraft;
import org.crmkit.core.sales.OpportunityId;
import org.crmkit.core.sales.OpportunityRepository;
import org.crmkit.core.sales.OpportunityStatus;
import org.crmkit.core.sales.Pipeline;
import org.crmkit.core.sales.PipelineDraft;
import org.crmkit.core.sales.Quota;
import org.crmkit.core.sales.QuotaRepository;
import org.crmkit.core.sales.SalesService;
import org.crmkit.core.sales.Stage;
import org.crmkit.core.sales.StageChange;
import org.crmkit.core.spi.CrmStore;
import org.crmkit.testkit.fixtures.SteppingClock;
import org.crmkit.testkit.fixtures.TestTenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour of {@link PipelineAnalysis}, of the store's {@link PipelineTotals} and of its {@link
 * QuotaRepository}: the funnel of a hand-checked pipeline (open amount per stage, reach and
 * conversion with a skipped stage, win rate, deal size, cycle, velocity, an owner filter), stage
 * probabilities calibrated from closed opportunities, the weighted pipeline per month with the
 * precedence of probabilities, calibrated probabilities and quota attainment; quotas kept and
 * replaced; validation; tenant isolation; and, as a property over random opportunities, periods,
 * granularities and zones, that the store's sums equal {@link PipelineTotals#scanning} over the
 * same opportunities (the reference).
 *
 * <p>A store runs it by extending it and supplying the store, as for {@link SalesServiceContract}.
 */
public abstract class PipelineAnalysisContract {
    private static final Actor ANNA = Actor.user("anna");
    private static final StaffId REP_1 = StaffId.of("rep-1");
    private static final StaffId REP_2 = StaffId.of("rep-2");
    /** The clock starts on 2 March 2026 and moves an hour per read, so cycles are long enough to see. */
    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    private static final ReportPeriod MARCH = ReportPeriod.of(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1));
    private static final List<ZoneId> ZONES =
            List.of(ZoneOffset.UTC, ZoneId.of("Europe/Berlin"), ZoneId.of("America/New_York"), ZoneId.of("Asia/Tokyo"));

    private CrmStore store;
    private TenantId tenant;
    private CrmScope scope;
    private SalesService sales;
    private PipelineAnalysis analysis;

    /** Creates the contract; subclasses supply the store. */
    protected PipelineAnalysisContract() {}

    /**
     * Returns the store under test, called once before each test. It may be new and empty or one
     * already used, as long as it holds no data of the random tenants the tests make.
     */
    protected abstract CrmStore newStore();

    @BeforeEach
    void setUpCrm() {
        store = newStore();
        tenant = TestTenants.random("p");
        scope = scopeOf(tenant);
        sales = scope.sales();
        analysis = scope.pipelineAnalysis();
    }

    // ---- the hand-checked funnel -----------------------------------------------------------

    /** Lead (10 %), Offer (50 %), Negotiation (80 %), and seven opportunities through them. */
    private final class Funnel {
        final Pipeline pipeline = sales.createPipeline(PipelineDraft.named("Wholesale")
                .stage("Lead", 10)
                .stage("Offer", 50, ForecastCategory.BEST_CASE)
                .stage("Negotiation", 80, ForecastCategory.COMMIT)
                .wonReasons("price")
                .lostReasons("competitor"));
        final Stage lead = pipeline.stages().get(0);
        final Stage offer = pipeline.stages().get(1);
        final Stage negotiation = pipeline.stages().get(2);
        final CustomerId customer = scope.customers().create(aPerson().draft()).id();
        final List<Opportunity> won = new ArrayList<>();

        Funnel() {
            open(REP_1, eur("100"), LocalDate.of(2026, 4, 10)); // stays in Lead
            sales.moveToStage(open(REP_1, eur("200"), LocalDate.of(2026, 4, 20)).id(), offer.id());
            sales.moveToStage(
                    open(REP_1, Money.of("50", "USD"), LocalDate.of(2026, 5, 5)).id(), offer.id());
            Opportunity three = open(REP_1, eur("300"), LocalDate.of(2026, 3, 31));
            sales.moveToStage(three.id(), offer.id());
            sales.moveToStage(three.id(), negotiation.id());
            won.add(sales.win(three.id(), "price"));
            sales.lose(open(REP_1, eur("400"), LocalDate.of(2026, 3, 31)).id(), "competitor");
            Opportunity five = open(REP_1, eur("500"), LocalDate.of(2026, 3, 31));
            sales.moveToStage(five.id(), offer.id());
            sales.lose(five.id(), "competitor");
            Opportunity six = open(REP_2, eur("600"), LocalDate.of(2026, 3, 31));
            sales.moveToStage(six.id(), negotiation.id()); // skips Offer
            won.add(sales.win(six.id(), "price"));
        }

        Opportunity open(StaffId owner, Money amount, LocalDate close) {
            return sales.createOpportunity(OpportunityDraft.of(customer, pipeline.id(), "Đơn hàng", close)
                    .owner(owner)
                    .amount(amount));
        }

        long cycleSeconds(Opportunity o) {
            return Duration.between(o.audit().createdAt(), o.closedAt().orElseThrow())
                    .getSeconds();
        }
    }

    @Test
    void report_givesOpenAmountsPerStage_andTheFunnelOfThoseClosedInThePeriod() {
        Funnel f = new Funnel();

        PipelineReport report = analysis.report(f.pipeline.id(), MARCH);

        assertThat(report.stages()).extracting(s -> s.stage().name()).containsExactly("Lead", "Offer", "Negotiation");
        StageFigures lead = report.stages().get(0);
        StageFigures offer = report.stages().get(1);
        StageFigures negotiation = report.stages().get(2);
        assertThat(lead.openCount()).isEqualTo(1);
        assertThat(lead.openAmount()).containsExactly(eur("100"));
        assertThat(offer.openCount()).isEqualTo(2);
        assertThat(offer.openAmount()).containsExactly(eur("200"), Money.of("50", "USD"));
        assertThat(negotiation.openCount()).isZero();
        assertThat(negotiation.openAmount()).isEmpty();
        // reached: all four closed reached Lead; the skipped Offer counts as passed for the sixth
        assertThat(List.of(lead.reached(), offer.reached(), negotiation.reached()))
                .containsExactly(4L, 3L, 2L);
        assertThat(List.of(lead.won(), offer.won(), negotiation.won())).containsExactly(2L, 2L, 2L);
        assertThat(lead.conversion().getAsDouble()).isCloseTo(0.75, within(1e-12));
        assertThat(offer.conversion().getAsDouble()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(negotiation.conversion()).isEmpty();
        assertThat(List.of(
                        lead.calibratedProbability().getAsInt(),
                        offer.calibratedProbability().getAsInt(),
                        negotiation.calibratedProbability().getAsInt()))
                .containsExactly(50, 67, 100);
        assertThat(report.won()).isEqualTo(2);
        assertThat(report.lost()).isEqualTo(2);
        assertThat(report.winRate().getAsDouble()).isEqualTo(0.5);
        assertThat(report.wonAmount()).containsExactly(eur("900"));
        assertThat(report.averageDealSize()).containsExactly(eur("450"));
        long cycle = (f.cycleSeconds(f.won.get(0)) + f.cycleSeconds(f.won.get(1))) / 2;
        assertThat(report.averageCycle()).contains(Duration.ofSeconds(cycle));
        // 2 open in EUR × 0.5 × 450 EUR ÷ the cycle in days; nothing won in USD, so no USD velocity
        BigDecimal days = BigDecimal.valueOf(cycle).divide(BigDecimal.valueOf(86_400), MathContext.DECIMAL128);
        assertThat(report.velocity())
                .containsExactly(
                        Money.of(BigDecimal.valueOf(450).divide(days, MathContext.DECIMAL128), eur("0").currency()));

        PipelineReport second = analysis.report(f.pipeline.id(), MARCH, REP_2);
        assertThat(second.owner()).contains(REP_2);
        assertThat(second.won()).isEqualTo(1);
        assertThat(second.lost()).isZero();
        assertThat(second.stages()).allSatisfy(s -> assertThat(s.openCount()).isZero());
        assertThat(second.stages()).extracting(StageFigures::reached).containsExactly(1L, 1L, 1L);
        assertThat(second.velocity()).isEmpty();

        PipelineReport april =
                analysis.report(f.pipeline.id(), ReportPeriod.of(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 5, 1)));
        assertThat(april.won() + april.lost()).isZero();
        assertThat(april.winRate()).isEqualTo(OptionalDouble.empty());
        assertThat(april.averageCycle()).isEmpty();
        assertThat(april.stages().get(1).openCount()).isEqualTo(2);
        assertThat(april.stages())
                .allSatisfy(s -> assertThat(s.calibratedProbability()).isEmpty());
    }

    @Test
    void calibratedProbabilities_replaceTheDefaultsOfStagesReachedOftenEnough() {
        Funnel f = new Funnel();

        StageProbabilities anySample = analysis.calibratedProbabilities(MARCH, 1);
        StageProbabilities threeOrMore = analysis.calibratedProbabilities(MARCH, 3);

        assertThat(anySample.percents())
                .containsExactlyInAnyOrderEntriesOf(Map.of(f.lead.id(), 50, f.offer.id(), 67, f.negotiation.id(), 100));
        assertThat(threeOrMore.percents())
                .containsExactlyInAnyOrderEntriesOf(Map.of(f.lead.id(), 50, f.offer.id(), 67));
        assertThat(threeOrMore.probability(f.negotiation)).isEqualTo(80);
        assertThatThrownBy(() -> analysis.calibratedProbabilities(MARCH, 0))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("minimumSample"));
    }

    @Test
    void weightedPipeline_weighsByOverrideThenPredictionThenStage_perOwnerAndCategory_withQuotaAttainment() {
        Funnel f = new Funnel();
        OpportunityRepository repo = store.opportunities(tenant);
        // a fourth open one in April with a probability set by hand, and one with a predicted probability
        Opportunity byHand = sales.createOpportunity(
                OpportunityDraft.of(f.customer, f.pipeline.id(), "Hand", LocalDate.of(2026, 4, 30))
                        .owner(REP_1)
                        .amount(eur("1000"))
                        .probability(33));
        Opportunity predicted = f.open(REP_2, eur("80.01"), LocalDate.of(2026, 4, 1));
        repo.save(predicted.toBuilder().predictedProbability(25).build());
        sales.setQuota(new Quota(REP_1, YearMonth.of(2026, 3), eur("500")));
        sales.setQuota(new Quota(REP_2, YearMonth.of(2026, 3), eur("1000")));
        sales.setQuota(new Quota(REP_2, YearMonth.of(2026, 4), eur("0")));
        sales.setQuota(new Quota(REP_1, YearMonth.of(2026, 4), eur("200")));
        sales.setQuota(new Quota(REP_1, YearMonth.of(2026, 5), eur("100")));
        ReportPeriod spring = ReportPeriod.of(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 6, 1));
        LocalDate march = LocalDate.of(2026, 3, 1);
        LocalDate april = LocalDate.of(2026, 4, 1);
        LocalDate may = LocalDate.of(2026, 5, 1);

        WeightedForecast forecast = analysis.weightedPipeline(spring, Granularity.MONTH);

        assertThat(forecast.figures())
                .containsExactly(
                        new ForecastFigure(march, REP_1, ForecastCategory.CLOSED, 1, eur("300"), eur("300")),
                        new ForecastFigure(march, REP_2, ForecastCategory.CLOSED, 1, eur("600"), eur("600")),
                        // Lead 100 × 10 % + Hand 1000 × 33 %
                        new ForecastFigure(april, REP_1, ForecastCategory.PIPELINE, 2, eur("1100"), eur("340")),
                        new ForecastFigure(april, REP_1, ForecastCategory.BEST_CASE, 1, eur("200"), eur("100")),
                        // 80.01 × 25 % = 20.0025, rounded half-even once
                        new ForecastFigure(april, REP_2, ForecastCategory.PIPELINE, 1, eur("80.01"), eur("20.00")),
                        new ForecastFigure(may, REP_1, ForecastCategory.BEST_CASE, 1, usd("50"), usd("25")));
        assertThat(forecast.totals())
                .containsExactly(
                        new ForecastTotal(march, ForecastCategory.CLOSED, 2, eur("900"), eur("900")),
                        new ForecastTotal(april, ForecastCategory.PIPELINE, 3, eur("1180.01"), eur("360.00")),
                        new ForecastTotal(april, ForecastCategory.BEST_CASE, 1, eur("200"), eur("100")),
                        new ForecastTotal(may, ForecastCategory.BEST_CASE, 1, usd("50"), usd("25")));
        assertThat(forecast.attainment())
                .containsExactly(
                        new QuotaAttainment(march, REP_1, eur("500"), eur("300"), eur("300")),
                        new QuotaAttainment(march, REP_2, eur("1000"), eur("600"), eur("600")),
                        new QuotaAttainment(april, REP_1, eur("200"), eur("0"), eur("440")),
                        new QuotaAttainment(april, REP_2, eur("0"), eur("0"), eur("20.00")),
                        // the USD opportunity of May does not count against a EUR quota
                        new QuotaAttainment(may, REP_1, eur("100"), eur("0"), eur("0")));
        assertThat(forecast.attainment().get(0).attainment().getAsDouble()).isEqualTo(0.6);
        assertThat(forecast.attainment().get(2).forecastAttainment().getAsDouble())
                .isEqualTo(2.2);
        assertThat(forecast.attainment().get(3).attainment()).isEmpty();

        // calibrated: Lead 50 %, Offer 67 %; the hand-set and predicted ones keep theirs
        WeightedForecast calibrated =
                analysis.weightedPipeline(spring, Granularity.MONTH, analysis.calibratedProbabilities(MARCH, 1));
        assertThat(calibrated.figures())
                .filteredOn(x -> x.periodStart().equals(april) && x.owner().equals(REP_1))
                .extracting(ForecastFigure::weighted)
                .containsExactly(eur("380"), eur("134"));

        // by quarter: a quarter holds the quotas of its months
        WeightedForecast half = analysis.weightedPipeline(
                ReportPeriod.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 7, 1)), Granularity.QUARTER);
        LocalDate q1 = LocalDate.of(2026, 1, 1);
        assertThat(half.attainment())
                .containsExactly(
                        new QuotaAttainment(q1, REP_1, eur("500"), eur("300"), eur("300")),
                        new QuotaAttainment(q1, REP_2, eur("1000"), eur("600"), eur("600")),
                        new QuotaAttainment(april, REP_1, eur("300"), eur("0"), eur("440")),
                        new QuotaAttainment(april, REP_2, eur("0"), eur("0"), eur("20.00")));
    }

    @Test
    void quotas_arePutReplacedAndRemoved_perOwnerAndMonth() {
        sales.setQuota(new Quota(REP_2, YearMonth.of(2026, 2), eur("10")));
        sales.setQuota(new Quota(REP_1, YearMonth.of(2026, 2), eur("20")));
        sales.setQuota(new Quota(REP_1, YearMonth.of(2026, 1), Money.of("30", "JPY")));
        sales.setQuota(new Quota(REP_1, YearMonth.of(2026, 2), eur("25.5")));
        sales.setQuota(new Quota(REP_1, YearMonth.of(2026, 3), eur("1")));

        assertThat(sales.quotas(YearMonth.of(2026, 1), YearMonth.of(2026, 3)))
                .containsExactly(
                        new Quota(REP_1, YearMonth.of(2026, 1), Money.of("30", "JPY")),
                        new Quota(REP_1, YearMonth.of(2026, 2), eur("25.5")),
                        new Quota(REP_2, YearMonth.of(2026, 2), eur("10")));
        assertThat(sales.removeQuota(REP_1, YearMonth.of(2026, 2))).isTrue();
        assertThat(sales.removeQuota(REP_1, YearMonth.of(2026, 2))).isFalse();
        assertThat(sales.quotas(YearMonth.of(2026, 2), YearMonth.of(2027, 1)))
                .containsExactly(
                        new Quota(REP_2, YearMonth.of(2026, 2), eur("10")),
                        new Quota(REP_1, YearMonth.of(2026, 3), eur("1")));
        assertThat(sales.quotas(YearMonth.of(2026, 3), YearMonth.of(2026, 3))).isEmpty();
        assertThat(scopeOf(TestTenants.random("p")).sales().quotas(YearMonth.of(2000, 1), YearMonth.of(3000, 1)))
                .isEmpty();
        assertThatThrownBy(() -> new Quota(REP_1, YearMonth.of(2026, 1), eur("-1")))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("quota.amount"));
        assertThatThrownBy(() -> sales.setQuota(null))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("quota"));
    }

    @Test
    void quotas_areUndoneWithTheirUnitOfWork() {
        sales.setQuota(new Quota(REP_1, YearMonth.of(2026, 2), eur("20")));
        assertThatThrownBy(() -> store.inTransaction(() -> {
                    store.quotas(tenant).put(new Quota(REP_1, YearMonth.of(2026, 2), eur("99")));
                    store.quotas(tenant).put(new Quota(REP_2, YearMonth.of(2026, 2), eur("99")));
                    throw new IllegalStateException("host failure");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(sales.quotas(YearMonth.of(2026, 2), YearMonth.of(2026, 3)))
                .containsExactly(new Quota(REP_1, YearMonth.of(2026, 2), eur("20")));
    }

    @Test
    void validation_andTenantIsolation() {
        Funnel f = new Funnel();
        CrmScope other = scopeOf(TestTenants.random("p"));

        assertThatThrownBy(() -> other.pipelineAnalysis().report(f.pipeline.id(), MARCH))
                .isInstanceOf(NotFoundException.class);
        assertThat(other.pipelineAnalysis()
                        .weightedPipeline(MARCH, Granularity.MONTH)
                        .figures())
                .isEmpty();
        assertThat(store.pipelineTotals(other.tenant()).open(f.pipeline.id(), Optional.empty()))
                .isEmpty();
        assertThat(store.pipelineTotals(other.tenant())
                        .closed(f.pipeline, MARCH.start(), MARCH.end(), Optional.empty()))
                .isEmpty();
        assertThatThrownBy(() -> analysis.report(null, MARCH))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("pipeline"));
        assertThatThrownBy(() -> analysis.report(f.pipeline.id(), null))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("closedIn"));
        assertThatThrownBy(() -> analysis.weightedPipeline(MARCH, null))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("granularity"));
        assertThatThrownBy(() -> analysis.weightedPipeline(MARCH, Granularity.MONTH, null))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("probabilities"));
        assertThatThrownBy(() -> new StageProbabilities(Map.of(f.lead.id(), 101)))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("percents"));
    }

    // ---- the property ------------------------------------------------------------------------

    @Test
    void totals_equalTheScanningReference_forRandomOpportunitiesPeriodsAndZones() {
        Theories.qt(12)
                .forAll(longs().all(), integers().between(0, 5), integers().between(0, ZONES.size() - 1))
                .checkAssert((seed, granularity, zone) -> {
                    TenantId t = TestTenants.random("p");
                    CrmScope s = scopeOf(t);
                    Random random = new Random(seed);
                    List<Pipeline> pipelines = List.of(randomPipeline(s, "A", random), randomPipeline(s, "B", random));
                    CustomerId customer =
                            s.customers().create(aPerson().draft()).id();
                    OpportunityRepository repo = store.opportunities(t);
                    int count = random.nextInt(40);
                    for (int i = 0; i < count; i++) {
                        repo.save(randomOpportunity(t, customer, pipelines.get(random.nextInt(2)), random));
                    }
                    PipelineTotals stored = store.pipelineTotals(t);
                    PipelineTotals reference = PipelineTotals.scanning(repo);
                    ReportPeriod period = new ReportPeriod(
                            LocalDate.of(2025, 1 + random.nextInt(12), 1 + random.nextInt(28)),
                            LocalDate.of(2026, 1 + random.nextInt(12), 1 + random.nextInt(28)),
                            ZONES.get(zone));
                    Granularity g = Granularity.values()[granularity];
                    Optional<StaffId> owner = random.nextInt(3) == 0 ? Optional.of(REP_2) : Optional.empty();
                    for (Pipeline p : pipelines) {
                        assertThat(stored.open(p.id(), owner)).isEqualTo(reference.open(p.id(), owner));
                        assertThat(stored.closed(p, period.start(), period.end(), owner))
                                .as(period + " " + owner)
                                .isEqualTo(reference.closed(p, period.start(), period.end(), owner));
                    }
                    assertThat(stored.forecast(period, g))
                            .as(period + " by " + g)
                            .isEqualTo(reference.forecast(period, g));
                    // 401 days: SQL stores bucket them in several statements
                    ReportPeriod days =
                            new ReportPeriod(period.from(), period.from().plusDays(401), period.zone());
                    assertThat(stored.forecast(days, Granularity.DAY))
                            .isEqualTo(reference.forecast(days, Granularity.DAY));
                });
    }

    private Pipeline randomPipeline(CrmScope s, String name, Random random) {
        PipelineDraft draft = PipelineDraft.named(name).wonReasons("price").lostReasons("competitor");
        int stages = 1 + random.nextInt(5);
        for (int i = 0; i < stages; i++) {
            draft = draft.stage("S" + i, random.nextInt(101), ForecastCategory.values()[random.nextInt(3)]);
        }
        return s.sales().createPipeline(draft);
    }

    /** An opportunity with a random history through {@code pipeline}'s stages, open, won or lost. */
    private static Opportunity randomOpportunity(TenantId t, CustomerId customer, Pipeline pipeline, Random random) {
        List<Stage> stages = pipeline.stages();
        Instant created = Instant.parse("2024-12-20T00:00:00Z")
                .plusSeconds(random.nextInt(700 * 86_400))
                .plusNanos(random.nextInt(1_000_000) * 1000L);
        Instant at = created;
        List<StageChange> history = new ArrayList<>();
        Stage stage = stages.get(random.nextInt(stages.size()));
        history.add(new StageChange(stage.id(), OpportunityStatus.OPEN, at, ANNA));
        int moves = random.nextInt(3);
        for (int i = 0; i < moves; i++) {
            stage = stages.get(random.nextInt(stages.size()));
            at = at.plusSeconds(random.nextInt(40 * 86_400)).plusNanos(random.nextInt(1_000_000) * 1000L);
            history.add(new StageChange(stage.id(), OpportunityStatus.OPEN, at, ANNA));
        }
        OpportunityStatus status = OpportunityStatus.values()[random.nextInt(3)];
        boolean jpy = random.nextInt(4) == 0;
        Money amount = jpy
                ? Money.of(String.valueOf(random.nextInt(1_000_000)), "JPY")
                : Money.of(random.nextInt(100_000) + "." + random.nextInt(100), "EUR");
        // some expected close dates and close times fall exactly on period starts
        LocalDate close = random.nextInt(4) == 0
                ? LocalDate.of(2025 + random.nextInt(2), 1 + random.nextInt(12), 1)
                : LocalDate.of(2025, 1, 1).plusDays(random.nextInt(730));
        Opportunity.Builder b = Opportunity.builder(
                        new OpportunityId(UUID.randomUUID()),
                        t,
                        customer,
                        random.nextBoolean() ? REP_1 : REP_2,
                        pipeline.id(),
                        "Random",
                        close,
                        stage.id(),
                        Audit.created(created, ANNA))
                .amount(amount)
                .forecastCategory(stage.category());
        if (random.nextInt(4) == 0) {
            b.probabilityOverride(random.nextInt(101));
        }
        if (random.nextInt(3) == 0) {
            b.predictedProbability(random.nextInt(101));
        }
        if (status != OpportunityStatus.OPEN) {
            Instant closedAt = random.nextInt(5) == 0
                    ? LocalDate.of(2025 + random.nextInt(2), 1 + random.nextInt(12), 1)
                            .atStartOfDay(ZONES.get(random.nextInt(ZONES.size())))
                            .toInstant()
                    : at.plusSeconds(random.nextInt(60 * 86_400)).plusNanos(random.nextInt(1_000_000) * 1000L);
            history.add(new StageChange(stage.id(), status, closedAt, ANNA));
            b.status(status)
                    .closeReason(status == OpportunityStatus.WON ? "price" : "competitor")
                    .closedAt(closedAt)
                    .forecastCategory(
                            status == OpportunityStatus.WON ? ForecastCategory.CLOSED : ForecastCategory.OMITTED);
        }
        return b.history(history).build();
    }

    // ---- helpers -----------------------------------------------------------------------------

    private CrmScope scopeOf(TenantId t) {
        return Crm.builder()
                .store(store)
                .clock(SteppingClock.startingAt(START, Duration.ofHours(1)))
                .build()
                .forTenant(t)
                .as(ANNA);
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private static Money usd(String amount) {
        return Money.of(amount, "USD");
    }
}
