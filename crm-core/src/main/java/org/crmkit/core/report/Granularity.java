package org.crmkit.core.report;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * How a report cuts time into periods: calendar days, ISO weeks (starting on Monday), calendar
 * months, quarters and years, or the whole reporting period as one.
 */
public enum Granularity {
    DAY,
    WEEK,
    MONTH,
    QUARTER,
    YEAR,
    /** The whole {@link ReportPeriod} is one period, starting on its first day. */
    WHOLE_PERIOD;

    /**
     * The first day of the period that holds {@code day}; for {@link #WHOLE_PERIOD}, {@code day}
     * itself.
     */
    public LocalDate start(LocalDate day) {
        return switch (this) {
            case DAY, WHOLE_PERIOD -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
            case QUARTER -> LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1, 1);
            case YEAR -> LocalDate.of(day.getYear(), 1, 1);
        };
    }

    /**
     * The first day of the period after the one starting on {@code start}; for {@link
     * #WHOLE_PERIOD}, {@link LocalDate#MAX} (it has no next).
     */
    public LocalDate next(LocalDate start) {
        return switch (this) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
            case QUARTER -> start.plusMonths(3);
            case YEAR -> start.plusYears(1);
            case WHOLE_PERIOD -> LocalDate.MAX;
        };
    }
}
