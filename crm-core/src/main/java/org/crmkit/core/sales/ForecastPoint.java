package org.crmkit.core.sales;

import java.time.LocalDate;
import org.crmkit.core.common.Money;

/**
 * The forecast revenue of one future period with its prediction interval.
 *
 * @param step how many periods after the last one of the series (1 is the next)
 * @param periodStart the first day of that period
 * @param forecast the point forecast
 * @param lower the lower end of the prediction interval (may be negative for a volatile series)
 * @param upper the upper end of the prediction interval
 * @param levelPercent the interval's coverage, in percent
 */
public record ForecastPoint(
        int step, LocalDate periodStart, Money forecast, Money lower, Money upper, int levelPercent) {}
