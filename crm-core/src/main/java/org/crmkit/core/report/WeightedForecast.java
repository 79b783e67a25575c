package org.crmkit.core.report;

import java.util.List;
import org.crmkit.core.common.ValidationException;

/**
 * The weighted pipeline per period: each opportunity's amount × its win probability, by the period
 * of its expected close date (the won ones by the period they were won in, at 100 %), per owner
 * and forecast category and in total, with quota attainment where quotas are set.
 *
 * @param period the period forecast
 * @param granularity how it is cut
 * @param figures per period, owner, category and currency, ordered so
 * @param totals per period, category and currency over every owner, ordered so
 * @param attainment per period, owner and quota currency where the owner has a quota, ordered so
 */
public record WeightedForecast(
        ReportPeriod period,
        Granularity granularity,
        List<ForecastFigure> figures,
        List<ForecastTotal> totals,
        List<QuotaAttainment> attainment) {

    /** Validates the forecast and copies the lists. */
    public WeightedForecast {
        ValidationException.requireNonNull(period, "period");
        ValidationException.requireNonNull(granularity, "granularity");
        figures = List.copyOf(ValidationException.requireNonNull(figures, "figures"));
        totals = List.copyOf(ValidationException.requireNonNull(totals, "totals"));
        attainment = List.copyOf(ValidationException.requireNonNull(attainment, "attainment"));
    }
}
