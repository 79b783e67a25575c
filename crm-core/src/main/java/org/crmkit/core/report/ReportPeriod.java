package org.crmkit.core.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.common.ValidationException;

/**
 * The days a report covers, from {@code from} (inclusive) to {@code to} (exclusive), read in {@code
 * zone}: a day starts at midnight there, so that "March" means the host's March, not UTC's.
 *
 * @param from the first day covered
 * @param to the day after the last one covered; after {@code from}
 * @param zone the time zone that turns days into instants
 */
public record ReportPeriod(LocalDate from, LocalDate to, ZoneId zone) {
    /** The most periods one report may cut a period into, so that a report stays a report. */
    public static final int MAX_PERIODS = 10_000;

    /** Checks the days and the zone. */
    public ReportPeriod {
        ValidationException.requireNonNull(from, "period.from");
        ValidationException.requireNonNull(to, "period.to");
        ValidationException.requireNonNull(zone, "period.zone");
        if (!to.isAfter(from)) {
            throw new ValidationException("period.to", "must be after period.from (" + from + "), was " + to);
        }
        if (from.getYear() < 1900 || to.getYear() > 9999) {
            throw new ValidationException(
                    "period", "must lie between the years 1900 and 9999, was " + from + " to " + to);
        }
    }

    /** The days from {@code from} (inclusive) to {@code to} (exclusive) in UTC. */
    public static ReportPeriod of(LocalDate from, LocalDate to) {
        return new ReportPeriod(from, to, ZoneOffset.UTC);
    }

    /** The calendar year {@code year} in UTC. */
    public static ReportPeriod year(int year) {
        return of(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
    }

    /** The same days read in {@code zone}. */
    public ReportPeriod in(ZoneId zone) {
        return new ReportPeriod(from, to, zone);
    }

    /** The instant the period starts: midnight of {@code from} in the zone. */
    public Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The instant the period ends (exclusive): midnight of {@code to} in the zone. */
    public Instant end() {
        return to.atStartOfDay(zone).toInstant();
    }

    /** Whether {@code at} lies in the period. */
    public boolean contains(Instant at) {
        return !at.isBefore(start()) && at.isBefore(end());
    }

    /** Whether {@code day} lies in the period. */
    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && day.isBefore(to);
    }

    /**
     * The first day of each period that {@code granularity} cuts this one into, in order; the first
     * is {@code from} (a period cut short by {@code from} starts there, not at its calendar start),
     * and every later one is a calendar start.
     *
     * @throws ValidationException naming {@code granularity} when that gives more than {@value
     *     #MAX_PERIODS} periods
     */
    public List<LocalDate> starts(Granularity granularity) {
        ValidationException.requireNonNull(granularity, "granularity");
        List<LocalDate> starts = new ArrayList<>();
        starts.add(from);
        LocalDate next = granularity.next(granularity.start(from));
        while (next.isBefore(to)) {
            if (starts.size() == MAX_PERIODS) {
                throw new ValidationException(
                        "granularity",
                        "cuts " + from + " to " + to + " into more than " + MAX_PERIODS
                                + " periods; choose a coarser one");
            }
            starts.add(next);
            next = granularity.next(next);
        }
        return starts;
    }

    /**
     * The first days of the periods of {@link #starts}, followed by {@code to}: period {@code i}
     * holds the days from element {@code i} (inclusive) to element {@code i + 1} (exclusive), as
     * {@link #boundaries} cuts instants. Stores bucket dates (an opportunity's expected close) by
     * these.
     */
    public List<LocalDate> dayBoundaries(Granularity granularity) {
        List<LocalDate> days = new ArrayList<>(starts(granularity));
        days.add(to);
        return days;
    }

    /**
     * The instants at which the periods of {@link #starts} begin, followed by {@link #end()}: period
     * {@code i} holds the instants from element {@code i} (inclusive) to element {@code i + 1}
     * (exclusive). Stores bucket by these, so that every store cuts time the same way.
     */
    public List<Instant> boundaries(Granularity granularity) {
        List<LocalDate> starts = starts(granularity);
        List<Instant> boundaries = new ArrayList<>(starts.size() + 1);
        for (LocalDate start : starts) {
            boundaries.add(start.atStartOfDay(zone).toInstant());
        }
        boundaries.add(end());
        return boundaries;
    }
}
