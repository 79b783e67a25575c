package org.crmkit.core.service;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.crmkit.core.common.ValidationException;

/**
 * When the tenant's staff work, in one time zone: one opening window per weekday and a list of
 * holidays. A service level counted in business hours advances only inside the windows. Immutable
 * and thread-safe.
 *
 * <pre>{@code
 * BusinessHours hours = BusinessHours.weekdays(ZoneId.of("Europe/Berlin"), LocalTime.of(9, 0), LocalTime.of(17, 0))
 *         .withHolidays(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 26));
 * }</pre>
 */
public final class BusinessHours {
    private static final int MAX_DAYS = 3700; // ten years of calendar: more means no working time at all

    private final ZoneId zone;
    private final Map<DayOfWeek, Window> windows;
    private final Set<LocalDate> holidays;

    private BusinessHours(ZoneId zone, Map<DayOfWeek, Window> windows, Set<LocalDate> holidays) {
        this.zone = zone;
        this.windows = Map.copyOf(windows);
        this.holidays = Set.copyOf(holidays);
        if (this.windows.isEmpty()) {
            throw new ValidationException("businessHours", "must be open on at least one day of the week");
        }
    }

    /** Monday to Friday from {@code open} to {@code close} in {@code zone}. */
    public static BusinessHours weekdays(ZoneId zone, LocalTime open, LocalTime close) {
        ValidationException.requireNonNull(zone, "businessHours.zone");
        Window window = new Window(open, close);
        Map<DayOfWeek, Window> windows = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
                windows.put(day, window);
            }
        }
        return new BusinessHours(zone, windows, Set.of());
    }

    /** These hours, open on {@code day} from {@code open} to {@code close} instead. */
    public BusinessHours withDay(DayOfWeek day, LocalTime open, LocalTime close) {
        ValidationException.requireNonNull(day, "businessHours.day");
        Map<DayOfWeek, Window> changed = new EnumMap<>(DayOfWeek.class);
        changed.putAll(windows);
        changed.put(day, new Window(open, close));
        return new BusinessHours(zone, changed, holidays);
    }

    /** These hours, closed every {@code day}. */
    public BusinessHours withoutDay(DayOfWeek day) {
        ValidationException.requireNonNull(day, "businessHours.day");
        Map<DayOfWeek, Window> changed = new EnumMap<>(DayOfWeek.class);
        changed.putAll(windows);
        changed.remove(day);
        return new BusinessHours(zone, changed, holidays);
    }

    /** These hours, closed on each of {@code dates} as well. */
    public BusinessHours withHolidays(LocalDate... dates) {
        ValidationException.requireNonNull(dates, "businessHours.holidays");
        Set<LocalDate> changed = new TreeSet<>(holidays);
        for (LocalDate date : dates) {
            changed.add(ValidationException.requireNonNull(date, "businessHours.holidays"));
        }
        return new BusinessHours(zone, windows, changed);
    }

    /** The time zone the windows are in. */
    public ZoneId zone() {
        return zone;
    }

    /**
     * The instant at which {@code work} of working time has passed since {@code start}: time outside
     * the windows and on holidays does not count. A start outside the windows counts from the next
     * opening.
     *
     * @throws ValidationException naming {@code businessHours} when the holidays leave no working
     *     time within ten years
     */
    public Instant plusWorkingTime(Instant start, Duration work) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(work, "work");
        Duration left = work;
        ZonedDateTime at = start.atZone(zone);
        LocalDate day = at.toLocalDate();
        for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
            Window window = windows.get(day.getDayOfWeek());
            if (window == null || holidays.contains(day)) {
                continue;
            }
            ZonedDateTime open = day.atTime(window.open()).atZone(zone);
            ZonedDateTime close = day.atTime(window.close()).atZone(zone);
            ZonedDateTime from = at.isAfter(open) ? at : open;
            if (!from.isBefore(close)) {
                continue;
            }
            Duration available = Duration.between(from, close);
            if (left.compareTo(available) <= 0) {
                return from.plus(left).toInstant();
            }
            left = left.minus(available);
        }
        throw new ValidationException("businessHours", "leave no working time within ten years of " + start);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BusinessHours other
                && zone.equals(other.zone)
                && windows.equals(other.windows)
                && holidays.equals(other.holidays);
    }

    @Override
    public int hashCode() {
        return Objects.hash(zone, windows, holidays);
    }

    @Override
    public String toString() {
        return "BusinessHours[" + zone + ", " + new java.util.TreeMap<>(windows) + ", " + holidays.size()
                + " holidays]";
    }

    /** The opening window of one day. */
    private record Window(LocalTime open, LocalTime close) {
        Window {
            ValidationException.requireNonNull(open, "businessHours.open");
            ValidationException.requireNonNull(close, "businessHours.close");
            if (!close.isAfter(open)) {
                throw new ValidationException(
                        "businessHours.close", "must be after the opening time " + open + ", was " + close);
            }
        }

        @Override
        public String toString() {
            return open + "-" + close;
        }
    }
}
