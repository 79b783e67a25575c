package org.crmkit.core.report;

import java.time.LocalDate;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.sales.ForecastCategory;

/**
 * The {@link ForecastFigure}s of every owner in one period, category and currency added up: the
 * team's line of a {@link WeightedForecast}.
 *
 * @param periodStart the first day of the period
 * @param category the forecast category
 * @param count how many opportunities
 * @param amount their amounts added up
 * @param weighted each amount × its win probability, added up, rounded half-even once
 */
public record ForecastTotal(
        LocalDate periodStart, ForecastCategory category, long count, Money amount, Money weighted) {

    /** Validates the total. */
    public ForecastTotal {
        ValidationException.requireNonNull(periodStart, "periodStart");
        ValidationException.requireNonNull(category, "category");
        ValidationException.requireNonNull(amount, "amount");
        ValidationException.requireNonNull(weighted, "weighted");
    }
}
