package org.crmkit.core.report;

import java.time.LocalDate;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.sales.ForecastCategory;

/**
 * One line of a {@link WeightedForecast}: the opportunities of one owner and forecast category
 * expected to close (or won) in one period, in one currency.
 *
 * @param periodStart the first day of the period
 * @param owner their owner
 * @param category their forecast category
 * @param count how many
 * @param amount their amounts added up
 * @param weighted each amount × its win probability, added up, rounded half-even once
 */
public record ForecastFigure(
        LocalDate periodStart, StaffId owner, ForecastCategory category, long count, Money amount, Money weighted) {

    /** Validates the figure. */
    public ForecastFigure {
        ValidationException.requireNonNull(periodStart, "periodStart");
        ValidationException.requireNonNull(owner, "owner");
        ValidationException.requireNonNull(category, "category");
        ValidationException.requireNonNull(amount, "amount");
        ValidationException.requireNonNull(weighted, "weighted");
        if (!amount.currency().equals(weighted.currency())) {
            throw new ValidationException("weighted", "must be in " + amount.currency() + ", was " + weighted);
        }
    }
}
