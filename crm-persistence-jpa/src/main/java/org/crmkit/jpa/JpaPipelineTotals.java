package org.crmkit.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.report.ClosedSums;
import org.crmkit.core.report.ForecastSums;
import org.crmkit.core.report.Granularity;
import org.crmkit.core.report.OpenStageSums;
import org.crmkit.core.report.PipelineTotals;
import org.crmkit.core.report.ReportPeriod;
import org.crmkit.core.sales.ForecastCategory;
import org.crmkit.core.sales.OpportunityStatus;
import org.crmkit.core.sales.Pipeline;
import org.crmkit.core.sales.PipelineId;
import org.crmkit.core.sales.StageId;

/**
 * {@link PipelineTotals} of one tenant in portable JPQL over {@code crmkit_opportunity} and its stage
 * history; no opportunity is loaded as an entity, and the results equal {@link
 * PipelineTotals#scanning}.
 *
 * <ul>
 *   <li>{@link #open}: one {@code GROUP BY} over the open opportunities of the pipeline, summed in
 *       the database.
 *   <li>{@link #forecast}: per {@value #PERIODS_PER_STATEMENT} periods, one statement for the open
 *       opportunities (by expected close date) and one for the won ones (by close time, a range of {@code
 *       crmkit_opportunity_closed_ix}), summed in the database. Each period is a conditional sum
 *       ({@code SUM(CASE WHEN x >= :bi AND x < :bj THEN … ELSE 0 END)}) over the bound boundaries,
 *       grouped by owner, category, stage and currency only: grouping by a period expression would
 *       put parameters in {@code GROUP BY}, which PostgreSQL cannot match to the same expression in
 *       the select list, and JPQL has no derived tables to hide them in.
 *   <li>{@link #closed}: one statement that filters the pipeline's opportunities closed in the
 *       period (a range of {@code crmkit_opportunity_closed_ix}) and computes each one's furthest stage
 *       in the database, the {@code MAX} over its history of a {@code CASE} that maps the pipeline's
 *       stage ids (bound as parameters) to their positions. It returns a row per opportunity, which
 *       is summed here: the cycle is the whole seconds between two timestamps, and JPQL has no
 *       portable timestamp difference.
 * </ul>
 *
 * <p>Each statement reads the opportunities as they are when it starts: a forecast that takes several
 * statements while a writer wins or reopens an opportunity may count it both open and won, or
 * neither, as {@link PipelineTotals#scanning} may across its pages.
 *
 * <p>Thread-safe: holds no entity manager.
 */
final class JpaPipelineTotals implements PipelineTotals {
    /** How many forecast periods one statement sums at most. */
    static final int PERIODS_PER_STATEMENT = 50;

    private static final String ENTITY = "CrmkitOpportunity";
    private static final String CHANGE = "CrmkitOpportunityStageChange";
    private static final List<String> CLOSED = List.of(OpportunityStatus.WON.name(), OpportunityStatus.LOST.name());
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final JpaCrmStore store;
    private final TenantId tenant;

    JpaPipelineTotals(JpaCrmStore store, TenantId tenant) {
        this.store = store;
        this.tenant = tenant;
    }

    @Override
    public List<OpenStageSums> open(PipelineId pipeline, Optional<StaffId> owner) {
        ValidationException.requireNonNull(pipeline, "pipeline");
        ValidationException.requireNonNull(owner, "owner");
        return store.run(em -> {
            try {
                TypedQuery<Object[]> q = em.createQuery(
                        "select o.stageId, o.currency, count(o), sum(o.amount) from " + ENTITY + " o"
                                + " where o.tenantId = :tenant and o.status = :open and o.pipelineId = :pipeline"
                                + (owner.isPresent() ? " and o.ownerId = :owner" : "")
                                + " group by o.stageId, o.currency",
                        Object[].class);
                q.setParameter("tenant", tenant.value())
                        .setParameter("open", OpportunityStatus.OPEN.name())
                        .setParameter("pipeline", pipeline.value());
                owner.ifPresent(o -> q.setParameter("owner", o.value()));
                List<OpenStageSums> sums = new ArrayList<>();
                for (Object[] row : q.getResultList()) {
                    sums.add(new OpenStageSums(
                            new StageId((UUID) row[0]), currency(row[1]), count(row[2]), decimal(row[3])));
                }
                return sorted(sums, OPEN_ORDER);
            } catch (RuntimeException e) {
                throw Errors.translate(e);
            }
        });
    }

    @Override
    public List<ClosedSums> closed(Pipeline pipeline, Instant from, Instant to, Optional<StaffId> owner) {
        ValidationException.requireNonNull(pipeline, "pipeline");
        ValidationException.requireNonNull(from, "from");
        ValidationException.requireNonNull(to, "to");
        ValidationException.requireNonNull(owner, "owner");
        StringBuilder furthest = new StringBuilder("max(case");
        for (int i = 0; i < pipeline.stages().size(); i++) {
            furthest.append(" when c.stageId = :s").append(i).append(" then ").append(i);
        }
        furthest.append(" else -1 end)");
        return store.run(em -> {
            try {
                TypedQuery<Object[]> q = em.createQuery(
                        "select o.status, o.currency, o.amount, o.audit.createdAt, o.closedAt, " + furthest
                                + " from " + ENTITY + " o, " + CHANGE + " c"
                                + " where o.tenantId = :tenant and o.status in :closed"
                                + " and o.closedAt >= :from and o.closedAt < :to and o.pipelineId = :pipeline"
                                + (owner.isPresent() ? " and o.ownerId = :owner" : "")
                                + " and c.tenantId = :tenant and c.opportunityId = o.id"
                                + " group by o.id, o.status, o.currency, o.amount, o.audit.createdAt, o.closedAt",
                        Object[].class);
                q.setParameter("tenant", tenant.value())
                        .setParameter("closed", CLOSED)
                        .setParameter("from", from)
                        .setParameter("to", to)
                        .setParameter("pipeline", pipeline.id().value());
                owner.ifPresent(o -> q.setParameter("owner", o.value()));
                for (int i = 0; i < pipeline.stages().size(); i++) {
                    q.setParameter("s" + i, pipeline.stages().get(i).id().value());
                }
                Map<List<Object>, ClosedSums> sums = new HashMap<>();
                for (Object[] row : q.getResultList()) {
                    OpportunityStatus outcome = OpportunityStatus.valueOf((String) row[0]);
                    Currency currency = currency(row[1]);
                    int stage = ((Number) row[5]).intValue();
                    long cycle = cycleSeconds((Instant) row[3], (Instant) row[4]);
                    ClosedSums one = new ClosedSums(outcome, stage, currency, 1, decimal(row[2]), cycle);
                    sums.merge(
                            List.of(outcome, stage, currency),
                            one,
                            (a, b) -> new ClosedSums(
                                    a.outcome(),
                                    a.furthest(),
                                    a.currency(),
                                    a.count() + b.count(),
                                    a.amount().add(b.amount()),
                                    a.cycleSeconds() + b.cycleSeconds()));
                }
                return sorted(sums.values(), CLOSED_ORDER);
            } catch (RuntimeException e) {
                throw Errors.translate(e);
            }
        });
    }

    @Override
    public List<ForecastSums> forecast(ReportPeriod period, Granularity granularity) {
        ValidationException.requireNonNull(period, "period");
        ValidationException.requireNonNull(granularity, "granularity");
        List<LocalDate> days = period.dayBoundaries(granularity);
        List<Instant> instants = period.boundaries(granularity);
        int periods = days.size() - 1;
        return store.run(em -> {
            try {
                Map<List<Object>, ForecastSums> sums = new HashMap<>();
                for (int first = 0; first < periods; first += PERIODS_PER_STATEMENT) {
                    int end = Math.min(periods, first + PERIODS_PER_STATEMENT);
                    forecastOpen(em, days, first, end, sums);
                    forecastWon(em, instants, first, end, sums);
                }
                return sorted(sums.values(), FORECAST_ORDER);
            } catch (RuntimeException e) {
                throw Errors.translate(e);
            }
        });
    }

    @Override
    public String toString() {
        return "JpaPipelineTotals[" + tenant + "]";
    }

    /**
     * Adds the open opportunities expected to close in periods {@code first} (inclusive) to {@code
     * end} (exclusive) of {@code days} to {@code into}: per period, their count, amount, amount ×
     * their own percent (set by hand, else predicted) and the amount of those with neither.
     */
    private void forecastOpen(
            EntityManager em, List<LocalDate> days, int first, int end, Map<List<Object>, ForecastSums> into) {
        StringBuilder jpql = new StringBuilder("select o.ownerId, o.forecastCategory, o.stageId, o.currency");
        for (int i = first; i < end; i++) {
            String in = inPeriod("o.expectedClose", i);
            jpql.append(", sum(case when ").append(in).append(" then 1 else 0 end)");
            jpql.append(", sum(case when ").append(in).append(" then o.amount else 0 end)");
            jpql.append(", sum(case when ")
                    .append(in)
                    .append(" then o.amount * coalesce(o.probabilityOverride, o.predictedProbability, 0)"
                            + " else 0 end)");
            jpql.append(", sum(case when ")
                    .append(in)
                    .append(" and o.probabilityOverride is null and o.predictedProbability is null"
                            + " then o.amount else 0 end)");
        }
        jpql.append(" from ")
                .append(ENTITY)
                .append(" o where o.tenantId = :tenant and o.status = :status and ")
                .append(inRange("o.expectedClose", first, end))
                .append(" group by o.ownerId, o.forecastCategory, o.stageId, o.currency");
        TypedQuery<Object[]> q = em.createQuery(jpql.toString(), Object[].class);
        q.setParameter("tenant", tenant.value()).setParameter("status", OpportunityStatus.OPEN.name());
        for (int i = first; i <= end; i++) {
            q.setParameter("b" + i, days.get(i));
        }
        for (Object[] row : q.getResultList()) {
            for (int i = first; i < end; i++) {
                int at = 4 + 4 * (i - first);
                long count = count(row[at]);
                if (count > 0) {
                    add(into, i, row, count, decimal(row[at + 1]), decimal(row[at + 2]), decimal(row[at + 3]));
                }
            }
        }
    }

    /**
     * Adds the opportunities won in periods {@code first} (inclusive) to {@code end} (exclusive) of
     * {@code instants} to {@code into}: per period, their count and amount, which weighs 100 %.
     */
    private void forecastWon(
            EntityManager em, List<Instant> instants, int first, int end, Map<List<Object>, ForecastSums> into) {
        StringBuilder jpql = new StringBuilder("select o.ownerId, o.forecastCategory, o.stageId, o.currency");
        for (int i = first; i < end; i++) {
            String in = inPeriod("o.closedAt", i);
            jpql.append(", sum(case when ").append(in).append(" then 1 else 0 end)");
            jpql.append(", sum(case when ").append(in).append(" then o.amount else 0 end)");
        }
        jpql.append(" from ")
                .append(ENTITY)
                .append(" o where o.tenantId = :tenant and o.status = :status and ")
                .append(inRange("o.closedAt", first, end))
                .append(" group by o.ownerId, o.forecastCategory, o.stageId, o.currency");
        TypedQuery<Object[]> q = em.createQuery(jpql.toString(), Object[].class);
        q.setParameter("tenant", tenant.value()).setParameter("status", OpportunityStatus.WON.name());
        for (int i = first; i <= end; i++) {
            q.setParameter("b" + i, instants.get(i));
        }
        for (Object[] row : q.getResultList()) {
            for (int i = first; i < end; i++) {
                int at = 4 + 2 * (i - first);
                long count = count(row[at]);
                if (count > 0) {
                    BigDecimal amount = decimal(row[at + 1]);
                    add(into, i, row, count, amount, amount.multiply(HUNDRED), BigDecimal.ZERO);
                }
            }
        }
    }

    /** Adds one period's sums of the group in {@code row} (owner, category, stage, currency) to {@code into}. */
    private static void add(
            Map<List<Object>, ForecastSums> into,
            int period,
            Object[] row,
            long count,
            BigDecimal amount,
            BigDecimal percentWeighted,
            BigDecimal atStage) {
        StaffId owner = StaffId.of((String) row[0]);
        ForecastCategory category = ForecastCategory.valueOf((String) row[1]);
        StageId stage = new StageId((UUID) row[2]);
        Currency currency = currency(row[3]);
        into.merge(
                List.of(period, owner, category, stage, currency),
                new ForecastSums(period, owner, category, stage, currency, count, amount, percentWeighted, atStage),
                (a, b) -> new ForecastSums(
                        period,
                        owner,
                        category,
                        stage,
                        currency,
                        a.count() + b.count(),
                        a.amount().add(b.amount()),
                        a.percentWeighted().add(b.percentWeighted()),
                        a.atStageProbability().add(b.atStageProbability())));
    }

    /** Whether {@code path} lies in period {@code i}: from boundary {@code :bi} to {@code :b(i+1)}. */
    private static String inPeriod(String path, int i) {
        return path + " >= :b" + i + " and " + path + " < :b" + (i + 1);
    }

    /** Whether {@code path} lies in periods {@code first} to {@code end} (exclusive). */
    private static String inRange(String path, int first, int end) {
        return path + " >= :b" + first + " and " + path + " < :b" + end;
    }

    /** The whole seconds from {@code created} to {@code closed}, truncated toward zero as the reference does. */
    private static long cycleSeconds(Instant created, Instant closed) {
        Duration cycle = Duration.between(created, closed);
        long seconds = cycle.getSeconds();
        return seconds < 0 && cycle.getNano() > 0 ? seconds + 1 : seconds;
    }

    private static <T> List<T> sorted(Collection<T> sums, Comparator<T> order) {
        List<T> list = new ArrayList<>(sums);
        list.sort(order);
        return list;
    }

    private static Currency currency(Object code) {
        return Money.currency(code.toString().trim());
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    }

    private static long count(Object value) {
        return ((Number) value).longValue();
    }
}
