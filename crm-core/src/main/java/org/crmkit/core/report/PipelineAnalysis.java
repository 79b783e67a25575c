package org.crmkit.core.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.ServiceContext;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.sales.ForecastCategory;
import org.crmkit.core.sales.OpportunityStatus;
import org.crmkit.core.sales.Pipeline;
import org.crmkit.core.sales.PipelineId;
import org.crmkit.core.sales.PipelineRepository;
import org.crmkit.core.sales.Quota;
import org.crmkit.core.sales.QuotaRepository;
import org.crmkit.core.sales.Stage;
import org.crmkit.core.sales.StageId;

/**
 * Pipeline analysis and the weighted forecast for one tenant: the funnel of a pipeline (open amount
 * per stage, conversion, win rate, deal size, sales cycle, velocity), win probabilities calibrated
 * from the closed opportunities, and the weighted pipeline per period with quota attainment.
 * Obtain it from {@code crm.forTenant(tenant).as(actor).pipelineAnalysis()}.
 *
 * <p>The store sums the opportunities ({@link PipelineTotals}, pushed down to SQL by the JDBC
 * store); this class only combines the sums. Amounts of different currencies are never added. Each
 * method reads in one unit of work (or joins the caller's). Thread-safe.
 */
public final class PipelineAnalysis {
    private static final BigDecimal SECONDS_PER_DAY = BigDecimal.valueOf(86_400);
    private static final Comparator<Currency> CURRENCY_ORDER = Comparator.comparing(Currency::getCurrencyCode);

    private final ServiceContext context;
    private final PipelineRepository pipelines;
    private final PipelineTotals totals;
    private final QuotaRepository quotas;

    /** Creates the analysis over one tenant's ports; the {@code CrmScope} does this for hosts. */
    public PipelineAnalysis(
            ServiceContext context, PipelineRepository pipelines, PipelineTotals totals, QuotaRepository quotas) {
        this.context = Objects.requireNonNull(context, "context");
        this.pipelines = Objects.requireNonNull(pipelines, "pipelines");
        this.totals = Objects.requireNonNull(totals, "totals");
        this.quotas = Objects.requireNonNull(quotas, "quotas");
    }

    /**
     * The funnel of {@code pipeline}: what is open in each stage now, and how the opportunities won
     * or lost during {@code closedIn} went through the stages. An opportunity has reached a stage
     * when its history holds that stage or a later one (a skipped stage counts as passed).
     *
     * @throws ValidationException naming {@code pipeline} or {@code closedIn} when missing
     * @throws org.crmkit.core.common.NotFoundException when the tenant has no such pipeline
     */
    public PipelineReport report(PipelineId pipeline, ReportPeriod closedIn) {
        return report(pipeline, closedIn, Optional.empty());
    }

    /** {@link #report(PipelineId, ReportPeriod)} over the opportunities owned by {@code owner} alone. */
    public PipelineReport report(PipelineId pipeline, ReportPeriod closedIn, StaffId owner) {
        return report(pipeline, closedIn, Optional.of(ValidationException.requireNonNull(owner, "owner")));
    }

    /**
     * Win probabilities per stage of every pipeline, learned from the opportunities won or lost
     * during {@code closedIn}: of those that reached a stage, the share won, in whole percent. A
     * stage reached by fewer than {@code minimumSample} keeps its configured default.
     *
     * @throws ValidationException naming {@code closedIn} when missing, or {@code minimumSample}
     *     when it is below 1
     */
    public StageProbabilities calibratedProbabilities(ReportPeriod closedIn, int minimumSample) {
        ValidationException.requireNonNull(closedIn, "closedIn");
        if (minimumSample < 1) {
            throw new ValidationException("minimumSample", "must be at least 1, was " + minimumSample);
        }
        return context.transactions().inTransaction(() -> {
            Map<StageId, Integer> percents = new HashMap<>();
            for (Pipeline pipeline : pipelines.all()) {
                List<ClosedSums> closed = totals.closed(pipeline, closedIn.start(), closedIn.end(), Optional.empty());
                for (StageFigures stage : report(pipeline, closedIn, Optional.empty(), List.of(), closed)
                        .stages()) {
                    if (stage.reached() >= minimumSample) {
                        percents.put(
                                stage.stage().id(),
                                stage.calibratedProbability().getAsInt());
                    }
                }
            }
            return new StageProbabilities(percents);
        });
    }

    /**
     * The weighted pipeline of every pipeline over {@code period} cut by {@code granularity}, with
     * each stage's configured probability.
     *
     * @see #weightedPipeline(ReportPeriod, Granularity, StageProbabilities)
     */
    public WeightedForecast weightedPipeline(ReportPeriod period, Granularity granularity) {
        return weightedPipeline(period, granularity, StageProbabilities.configured());
    }

    /**
     * The weighted pipeline of every pipeline over {@code period} cut by {@code granularity}: the
     * open opportunities by the period of their expected close date, each amount × its win
     * probability (set by hand, else predicted, else the stage's from {@code probabilities}, else
     * the stage's default); the won ones by the period they were won in, at 100 %; lost ones left
     * out. Quota attainment counts a month's quota in the period that holds its first day, so it
     * suits month, quarter and year periods.
     *
     * @throws ValidationException naming {@code period}, {@code granularity} or {@code
     *     probabilities} when missing, or {@code granularity} when it cuts too many periods
     */
    public WeightedForecast weightedPipeline(
            ReportPeriod period, Granularity granularity, StageProbabilities probabilities) {
        ValidationException.requireNonNull(period, "period");
        ValidationException.requireNonNull(granularity, "granularity");
        ValidationException.requireNonNull(probabilities, "probabilities");
        List<LocalDate> starts = period.starts(granularity);
        return context.transactions().inTransaction(() -> {
            Map<StageId, Integer> percent = new HashMap<>();
            for (Pipeline pipeline : pipelines.all()) {
                for (Stage stage : pipeline.stages()) {
                    percent.put(stage.id(), probabilities.probability(stage));
                }
            }
            // exact amount × percent per figure, rounded once at the end
            Map<OwnerKey, Exact> byOwner = new TreeMap<>(OwnerKey.ORDER);
            Map<TeamKey, Exact> byPeriod = new TreeMap<>(TeamKey.ORDER);
            for (ForecastSums s : totals.forecast(period, granularity)) {
                BigDecimal weighted = s.percentWeighted()
                        .add(s.atStageProbability().multiply(BigDecimal.valueOf(percent.getOrDefault(s.stage(), 0))));
                Exact one = new Exact(s.count(), s.amount(), weighted);
                byOwner.merge(new OwnerKey(s.period(), s.owner(), s.category(), s.currency()), one, Exact::plus);
                byPeriod.merge(new TeamKey(s.period(), s.category(), s.currency()), one, Exact::plus);
            }
            List<ForecastFigure> figures = new ArrayList<>(byOwner.size());
            byOwner.forEach((k, e) -> figures.add(new ForecastFigure(
                    starts.get(k.period()),
                    k.owner(),
                    k.category(),
                    e.count,
                    Money.of(e.amount, k.currency()),
                    Money.of(e.percentWeighted.movePointLeft(2), k.currency()))));
            List<ForecastTotal> team = new ArrayList<>(byPeriod.size());
            byPeriod.forEach((k, e) -> team.add(new ForecastTotal(
                    starts.get(k.period()),
                    k.category(),
                    e.count,
                    Money.of(e.amount, k.currency()),
                    Money.of(e.percentWeighted.movePointLeft(2), k.currency()))));
            return new WeightedForecast(period, granularity, figures, team, attainment(period, starts, byOwner));
        });
    }

    private List<QuotaAttainment> attainment(
            ReportPeriod period, List<LocalDate> starts, Map<OwnerKey, Exact> byOwner) {
        YearMonth first = YearMonth.from(period.from());
        YearMonth last = YearMonth.from(period.to().minusDays(1));
        Map<QuotaKey, Money> quota = new TreeMap<>(QuotaKey.ORDER);
        for (Quota q : quotas.between(first, last.plusMonths(1))) {
            LocalDate day = q.month().atDay(1);
            if (!period.contains(day)) {
                continue;
            }
            int at = java.util.Collections.binarySearch(starts, day);
            int index = at >= 0 ? at : -at - 2;
            quota.merge(new QuotaKey(index, q.owner(), q.amount().currency()), q.amount(), Money::plus);
        }
        List<QuotaAttainment> attainment = new ArrayList<>(quota.size());
        quota.forEach((k, q) -> {
            BigDecimal won = BigDecimal.ZERO;
            BigDecimal forecast = BigDecimal.ZERO;
            for (ForecastCategory category : ForecastCategory.values()) {
                Exact e = byOwner.get(new OwnerKey(k.period(), k.owner(), category, k.currency()));
                if (e == null || category == ForecastCategory.OMITTED) {
                    continue;
                }
                forecast = forecast.add(e.percentWeighted);
                if (category == ForecastCategory.CLOSED) {
                    won = won.add(e.amount);
                }
            }
            attainment.add(new QuotaAttainment(
                    starts.get(k.period()),
                    k.owner(),
                    q,
                    Money.of(won, q.currency()),
                    Money.of(forecast.movePointLeft(2), q.currency())));
        });
        return attainment;
    }

    private PipelineReport report(PipelineId id, ReportPeriod closedIn, Optional<StaffId> owner) {
        ValidationException.requireNonNull(id, "pipeline");
        ValidationException.requireNonNull(closedIn, "closedIn");
        return context.transactions().inTransaction(() -> {
            Pipeline pipeline = pipelines
                    .findById(id)
                    .orElseThrow(() -> new org.crmkit.core.common.NotFoundException("Pipeline", id));
            List<OpenStageSums> open = totals.open(id, owner);
            List<ClosedSums> closed = totals.closed(pipeline, closedIn.start(), closedIn.end(), owner);
            return report(pipeline, closedIn, owner, open, closed);
        });
    }

    private static PipelineReport report(
            Pipeline pipeline,
            ReportPeriod period,
            Optional<StaffId> owner,
            List<OpenStageSums> open,
            List<ClosedSums> closed) {
        List<Stage> stages = pipeline.stages();
        long[][] reach = reach(pipeline, closed);
        Map<StageId, Long> openCount = new HashMap<>();
        Map<StageId, Map<Currency, BigDecimal>> openAmount = new HashMap<>();
        Map<Currency, Long> openByCurrency = new TreeMap<>(CURRENCY_ORDER);
        for (OpenStageSums s : open) {
            openCount.merge(s.stage(), s.count(), Long::sum);
            openAmount
                    .computeIfAbsent(s.stage(), k -> new TreeMap<>(CURRENCY_ORDER))
                    .merge(s.currency(), s.amount(), BigDecimal::add);
            openByCurrency.merge(s.currency(), s.count(), Long::sum);
        }
        List<StageFigures> figures = new ArrayList<>(stages.size());
        for (int i = 0; i < stages.size(); i++) {
            Stage stage = stages.get(i);
            OptionalDouble conversion = i + 1 < stages.size() && reach[0][i] > 0
                    ? OptionalDouble.of((double) reach[0][i + 1] / reach[0][i])
                    : OptionalDouble.empty();
            figures.add(new StageFigures(
                    stage,
                    i,
                    openCount.getOrDefault(stage.id(), 0L),
                    money(openAmount.getOrDefault(stage.id(), Map.of())),
                    reach[0][i],
                    reach[1][i],
                    conversion));
        }
        long won = 0;
        long lost = 0;
        long wonCycleSeconds = 0;
        Map<Currency, BigDecimal> wonAmount = new TreeMap<>(CURRENCY_ORDER);
        Map<Currency, Long> wonCount = new TreeMap<>(CURRENCY_ORDER);
        for (ClosedSums s : closed) {
            if (s.outcome() == OpportunityStatus.WON) {
                won += s.count();
                wonCycleSeconds += s.cycleSeconds();
                wonAmount.merge(s.currency(), s.amount(), BigDecimal::add);
                wonCount.merge(s.currency(), s.count(), Long::sum);
            } else {
                lost += s.count();
            }
        }
        Map<Currency, BigDecimal> dealSize = new TreeMap<>(CURRENCY_ORDER);
        wonAmount.forEach((c, amount) ->
                dealSize.put(c, amount.divide(BigDecimal.valueOf(wonCount.get(c)), MathContext.DECIMAL128)));
        Optional<Duration> cycle = won == 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(wonCycleSeconds / won));
        Map<Currency, BigDecimal> velocity = new TreeMap<>(CURRENCY_ORDER);
        if (won > 0) {
            BigDecimal winRate = BigDecimal.valueOf(won).divide(BigDecimal.valueOf(won + lost), MathContext.DECIMAL128);
            // a cycle under one second counts as one, so that velocity stays finite
            BigDecimal days = BigDecimal.valueOf(Math.max(1, wonCycleSeconds / won))
                    .divide(SECONDS_PER_DAY, MathContext.DECIMAL128);
            openByCurrency.forEach((c, count) -> {
                if (dealSize.containsKey(c)) {
                    velocity.put(
                            c,
                            BigDecimal.valueOf(count)
                                    .multiply(winRate)
                                    .multiply(dealSize.get(c))
                                    .divide(days, MathContext.DECIMAL128));
                }
            });
        }
        return new PipelineReport(
                pipeline.id(),
                period,
                owner,
                figures,
                won,
                lost,
                money(wonAmount),
                money(dealSize),
                cycle,
                money(velocity));
    }

    /**
     * Per stage position, how many of the closed opportunities reached it or a later stage ({@code
     * [0]}) and how many of those were won ({@code [1]}).
     */
    private static long[][] reach(Pipeline pipeline, List<ClosedSums> closed) {
        int n = pipeline.stages().size();
        long[][] reach = new long[2][n];
        for (ClosedSums s : closed) {
            for (int i = 0; i <= Math.min(s.furthest(), n - 1); i++) {
                reach[0][i] += s.count();
                if (s.outcome() == OpportunityStatus.WON) {
                    reach[1][i] += s.count();
                }
            }
        }
        return reach;
    }

    private static List<Money> money(Map<Currency, BigDecimal> amounts) {
        Map<Currency, BigDecimal> ordered = new TreeMap<>(CURRENCY_ORDER);
        ordered.putAll(amounts);
        List<Money> money = new ArrayList<>(ordered.size());
        ordered.forEach((c, a) -> money.add(Money.of(a, c)));
        return money;
    }

    /** A figure's key: period, owner, category, currency; ordered so. */
    private record OwnerKey(int period, StaffId owner, ForecastCategory category, Currency currency) {
        static final Comparator<OwnerKey> ORDER = Comparator.comparingInt(OwnerKey::period)
                .thenComparing(k -> k.owner().value())
                .thenComparing(OwnerKey::category)
                .thenComparing(k -> k.currency().getCurrencyCode());
    }

    /** A quota attainment's key: period, owner, currency; ordered so. */
    private record QuotaKey(int period, StaffId owner, Currency currency) {
        static final Comparator<QuotaKey> ORDER = Comparator.comparingInt(QuotaKey::period)
                .thenComparing(k -> k.owner().value())
                .thenComparing(k -> k.currency().getCurrencyCode());
    }

    /** A team total's key: period, category, currency; ordered so. */
    private record TeamKey(int period, ForecastCategory category, Currency currency) {
        static final Comparator<TeamKey> ORDER = Comparator.comparingInt(TeamKey::period)
                .thenComparing(TeamKey::category)
                .thenComparing(k -> k.currency().getCurrencyCode());
    }

    /** Exact sums of one figure: count, amount, and amount × percent. */
    private record Exact(long count, BigDecimal amount, BigDecimal percentWeighted) {
        Exact plus(Exact other) {
            return new Exact(count + other.count, amount.add(other.amount), percentWeighted.add(other.percentWeighted));
        }
    }
}
