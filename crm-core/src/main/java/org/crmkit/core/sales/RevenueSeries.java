package org.crmkit.core.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.crmkit.core.common.ValidationException;

/**
 * A regular series of revenue totals, one per period, in one currency: what {@link RevenueForecast}
 * learns from. Another step builds it (for example monthly revenue from the orders); this value
 * only checks that it is regular and complete. Immutable and thread-safe.
 *
 * @param currency the currency every total is in
 * @param firstPeriod the first day of the first period
 * @param periodLength how long each period is (a month, a quarter, a week), positive
 * @param seasonLength how many periods make one season (12 for months, 4 for quarters), or 1 for
 *     a series without seasonality
 * @param totals the totals, oldest first; a missing period is a zero, never left out
 */
public record RevenueSeries(
        Currency currency, LocalDate firstPeriod, Period periodLength, int seasonLength, List<BigDecimal> totals) {
    /** The most periods a series may hold. */
    public static final int MAX_PERIODS = 10_000;

    /**
     * Validates the series.
     *
     * @throws ValidationException naming {@code series.totals} when it is empty or too long, {@code
     *     series.totals[i]} for a missing total, or the field of another missing or bad component
     */
    public RevenueSeries {
        ValidationException.requireNonNull(currency, "series.currency");
        ValidationException.requireNonNull(firstPeriod, "series.firstPeriod");
        ValidationException.requireNonNull(periodLength, "series.periodLength");
        if (periodLength.isZero() || periodLength.isNegative()) {
            throw new ValidationException("series.periodLength", "must be positive, was " + periodLength);
        }
        if (seasonLength < 1 || seasonLength > 366) {
            throw new ValidationException(
                    "series.seasonLength", "must be from 1 (no season) to 366 periods, was " + seasonLength);
        }
        ValidationException.requireNonNull(totals, "series.totals");
        if (totals.isEmpty()) {
            throw new ValidationException("series.totals", "must hold at least one period");
        }
        if (totals.size() > MAX_PERIODS) {
            throw new ValidationException(
                    "series.totals", "must hold at most " + MAX_PERIODS + " periods, held " + totals.size());
        }
        for (int i = 0; i < totals.size(); i++) {
            ValidationException.requireNonNull(totals.get(i), "series.totals[" + i + "]");
        }
        totals = List.copyOf(totals);
    }

    /** A monthly series starting in the month of {@code firstMonth}, with a season of 12 months. */
    public static RevenueSeries monthly(Currency currency, LocalDate firstMonth, List<BigDecimal> totals) {
        ValidationException.requireNonNull(firstMonth, "series.firstPeriod");
        return new RevenueSeries(currency, firstMonth.withDayOfMonth(1), Period.ofMonths(1), 12, totals);
    }

    /** A quarterly series starting on {@code firstQuarter}, with a season of 4 quarters. */
    public static RevenueSeries quarterly(Currency currency, LocalDate firstQuarter, List<BigDecimal> totals) {
        return new RevenueSeries(currency, firstQuarter, Period.ofMonths(3), 4, totals);
    }

    /**
     * A series from doubles, as an analysis computed them.
     *
     * @throws ValidationException naming {@code series.totals[i]} for a NaN or infinite total
     */
    public static RevenueSeries of(
            Currency currency, LocalDate firstPeriod, Period periodLength, int seasonLength, double... totals) {
        ValidationException.requireNonNull(totals, "series.totals");
        List<BigDecimal> values = new ArrayList<>(totals.length);
        for (int i = 0; i < totals.length; i++) {
            if (!Double.isFinite(totals[i])) {
                throw new ValidationException("series.totals[" + i + "]", "must be a finite number, was " + totals[i]);
            }
            values.add(BigDecimal.valueOf(totals[i]));
        }
        return new RevenueSeries(currency, firstPeriod, periodLength, seasonLength, values);
    }

    /** The number of periods. */
    public int size() {
        return totals.size();
    }

    /** Whether the series has a season (a season length above 1). */
    public boolean seasonal() {
        return seasonLength > 1;
    }

    /** The first day of period {@code index} (0 is the first; the size is the first period after it). */
    public LocalDate periodStart(int index) {
        return firstPeriod.plus(periodLength.multipliedBy(index));
    }

    double[] values() {
        double[] y = new double[totals.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = totals.get(i).doubleValue();
        }
        return y;
    }
}
