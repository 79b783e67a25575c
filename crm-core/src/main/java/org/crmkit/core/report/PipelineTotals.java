package org.crmkit.core.report;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.crmkit.core.common.Ids;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageCursor;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.sales.Opportunity;
import org.crmkit.core.sales.OpportunityRepository;
import org.crmkit.core.sales.OpportunityStatus;
import org.crmkit.core.sales.Pipeline;
import org.crmkit.core.sales.PipelineId;
import org.crmkit.core.sales.StageChange;
import org.crmkit.core.sales.StageId;

/**
 * The query port behind pipeline analysis and the weighted forecast, for <em>one tenant</em>: the
 * opportunities summed per stage, per outcome and per forecast period. A store hands one out per
 * tenant ({@code CrmStore.pipelineTotals(tenant)}); SQL stores sum in the database. {@link
 * #scanning} sums by reading every opportunity, the reference the stores' sums must equal. Every
 * method returns its sums in the order its record's {@code ORDER} gives. Thread-safe.
 */
public interface PipelineTotals {

    /** {@link OpenStageSums} by stage id ({@link Ids#ORDER}), then currency code. */
    Comparator<OpenStageSums> OPEN_ORDER = Comparator.comparing(
                    (OpenStageSums s) -> s.stage().value(), Ids.ORDER)
            .thenComparing(s -> s.currency().getCurrencyCode());

    /** {@link ClosedSums} by outcome, furthest stage, then currency code. */
    Comparator<ClosedSums> CLOSED_ORDER = Comparator.comparing(ClosedSums::outcome)
            .thenComparingInt(ClosedSums::furthest)
            .thenComparing(s -> s.currency().getCurrencyCode());

    /** {@link ForecastSums} by period, owner, category, stage id ({@link Ids#ORDER}), then currency code. */
    Comparator<ForecastSums> FORECAST_ORDER = Comparator.comparingInt(ForecastSums::period)
            .thenComparing(s -> s.owner().value())
            .thenComparing(ForecastSums::category)
            .thenComparing(s -> s.stage().value(), Ids.ORDER)
            .thenComparing(s -> s.currency().getCurrencyCode());

    /**
     * The open opportunities of {@code pipeline} now, per stage and currency; only those owned by
     * {@code owner} when given.
     */
    List<OpenStageSums> open(PipelineId pipeline, Optional<StaffId> owner);

    /**
     * The opportunities of {@code pipeline} won or lost from {@code from} (inclusive) to {@code to}
     * (exclusive) by their close time, per outcome, furthest stage reached and currency; only those
     * owned by {@code owner} when given.
     */
    List<ClosedSums> closed(Pipeline pipeline, Instant from, Instant to, Optional<StaffId> owner);

    /**
     * The opportunities of every pipeline in the forecast periods {@code granularity} cuts {@code
     * period} into: the open ones by the period that holds their expected close date, the won ones
     * by the period that holds their close time (in the period's zone); lost ones are left out.
     */
    List<ForecastSums> forecast(ReportPeriod period, Granularity granularity);

    /**
     * The port answered by reading all of the tenant's opportunities through {@code opportunities},
     * a page at a time: correct for every store, and the reference for those that sum in SQL.
     */
    static PipelineTotals scanning(OpportunityRepository opportunities) {
        ValidationException.requireNonNull(opportunities, "opportunities");
        return new PipelineTotals() {
            @Override
            public List<OpenStageSums> open(PipelineId pipeline, Optional<StaffId> owner) {
                ValidationException.requireNonNull(pipeline, "pipeline");
                ValidationException.requireNonNull(owner, "owner");
                Map<List<Object>, OpenStageSums> sums = new HashMap<>();
                forEach(opportunities, o -> {
                    if (o.status() == OpportunityStatus.OPEN
                            && o.pipeline().equals(pipeline)
                            && owner.map(o.owner()::equals).orElse(true)) {
                        Currency c = o.amount().currency();
                        sums.merge(
                                List.of(o.stage(), c),
                                new OpenStageSums(o.stage(), c, 1, o.amount().amount()),
                                (a, b) -> new OpenStageSums(
                                        a.stage(), c, a.count() + 1, a.amount().add(b.amount())));
                    }
                });
                return sorted(sums, OPEN_ORDER);
            }

            @Override
            public List<ClosedSums> closed(Pipeline pipeline, Instant from, Instant to, Optional<StaffId> owner) {
                ValidationException.requireNonNull(pipeline, "pipeline");
                ValidationException.requireNonNull(from, "from");
                ValidationException.requireNonNull(to, "to");
                ValidationException.requireNonNull(owner, "owner");
                Map<StageId, Integer> positions = new HashMap<>();
                for (int i = 0; i < pipeline.stages().size(); i++) {
                    positions.put(pipeline.stages().get(i).id(), i);
                }
                Map<List<Object>, ClosedSums> sums = new HashMap<>();
                forEach(opportunities, o -> {
                    Instant closedAt = o.closedAt().orElse(null);
                    if (o.status() != OpportunityStatus.OPEN
                            && o.pipeline().equals(pipeline.id())
                            && !closedAt.isBefore(from)
                            && closedAt.isBefore(to)
                            && owner.map(o.owner()::equals).orElse(true)) {
                        int furthest = -1;
                        for (StageChange change : o.history()) {
                            furthest = Math.max(furthest, positions.getOrDefault(change.stage(), -1));
                        }
                        long cycle = Duration.between(o.audit().createdAt(), closedAt)
                                .getSeconds();
                        if (cycle < 0
                                && Duration.between(o.audit().createdAt(), closedAt)
                                                .getNano()
                                        > 0) {
                            cycle++; // whole seconds toward zero, as SQL truncates
                        }
                        Currency c = o.amount().currency();
                        ClosedSums one = new ClosedSums(
                                o.status(), furthest, c, 1, o.amount().amount(), cycle);
                        sums.merge(
                                List.of(o.status(), furthest, c),
                                one,
                                (a, b) -> new ClosedSums(
                                        a.outcome(),
                                        a.furthest(),
                                        c,
                                        a.count() + 1,
                                        a.amount().add(b.amount()),
                                        a.cycleSeconds() + b.cycleSeconds()));
                    }
                });
                return sorted(sums, CLOSED_ORDER);
            }

            @Override
            public List<ForecastSums> forecast(ReportPeriod period, Granularity granularity) {
                ValidationException.requireNonNull(period, "period");
                ValidationException.requireNonNull(granularity, "granularity");
                List<LocalDate> days = period.dayBoundaries(granularity);
                List<Instant> instants = period.boundaries(granularity);
                Map<List<Object>, ForecastSums> sums = new HashMap<>();
                forEach(opportunities, o -> {
                    int at;
                    BigDecimal own;
                    BigDecimal atStage;
                    BigDecimal amount = o.amount().amount();
                    if (o.status() == OpportunityStatus.OPEN) {
                        at = periodOf(days, o.expectedClose());
                        Integer percent = o.probabilityOverride().isPresent()
                                ? Integer.valueOf(o.probabilityOverride().getAsInt())
                                : o.predictedProbability().isPresent()
                                        ? Integer.valueOf(
                                                o.predictedProbability().getAsInt())
                                        : null;
                        own = percent == null ? BigDecimal.ZERO : amount.multiply(BigDecimal.valueOf(percent));
                        atStage = percent == null ? amount : BigDecimal.ZERO;
                    } else if (o.status() == OpportunityStatus.WON) {
                        at = periodOf(instants, o.closedAt().orElseThrow());
                        own = amount.multiply(BigDecimal.valueOf(100));
                        atStage = BigDecimal.ZERO;
                    } else {
                        return;
                    }
                    if (at < 0) {
                        return;
                    }
                    Currency c = o.amount().currency();
                    ForecastSums one = new ForecastSums(
                            at, o.owner(), o.forecastCategory(), o.stage(), c, 1, amount, own, atStage);
                    sums.merge(
                            List.of(at, o.owner(), o.forecastCategory(), o.stage(), c),
                            one,
                            (a, b) -> new ForecastSums(
                                    a.period(),
                                    a.owner(),
                                    a.category(),
                                    a.stage(),
                                    c,
                                    a.count() + 1,
                                    a.amount().add(b.amount()),
                                    a.percentWeighted().add(b.percentWeighted()),
                                    a.atStageProbability().add(b.atStageProbability())));
                });
                return sorted(sums, FORECAST_ORDER);
            }
        };
    }

    /**
     * The period of {@code value} among {@code bounds} (ascending, period {@code i} from element
     * {@code i} inclusive to {@code i + 1} exclusive); -1 outside them all.
     */
    private static <T extends Comparable<? super T>> int periodOf(List<T> bounds, T value) {
        if (value.compareTo(bounds.get(0)) < 0 || value.compareTo(bounds.get(bounds.size() - 1)) >= 0) {
            return -1;
        }
        int at = java.util.Collections.binarySearch(bounds, value);
        return at >= 0 ? at : -at - 2;
    }

    private static <T> List<T> sorted(Map<?, T> sums, Comparator<T> order) {
        List<T> list = new ArrayList<>(sums.values());
        list.sort(order);
        return list;
    }

    private static void forEach(OpportunityRepository opportunities, Consumer<Opportunity> action) {
        Optional<PageCursor> next = Optional.empty();
        do {
            Page<Opportunity> page =
                    opportunities.list(next.map(c -> PageRequest.after(c, 500)).orElse(PageRequest.first(500)));
            page.items().forEach(action);
            next = page.next();
        } while (next.isPresent());
    }
}
