package org.crmkit.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.crmkit.core.common.ValidationException;
import org.junit.jupiter.api.Test;

class BusinessHoursTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final BusinessHours OFFICE = BusinessHours.weekdays(BERLIN, LocalTime.of(9, 0), LocalTime.of(17, 0));

    @Test
    void workingTime_skipsNightsAndWeekends() {
        Instant fridayAfternoon =
                ZonedDateTime.of(2026, 11, 27, 16, 0, 0, 0, BERLIN).toInstant();

        assertThat(OFFICE.plusWorkingTime(fridayAfternoon, Duration.ofHours(2)))
                .isEqualTo(ZonedDateTime.of(2026, 11, 30, 10, 0, 0, 0, BERLIN).toInstant());
    }

    @Test
    void workingTime_startsAtTheNextOpening_andSkipsHolidays() {
        Instant christmasEveNight =
                ZonedDateTime.of(2026, 12, 24, 22, 0, 0, 0, BERLIN).toInstant();
        BusinessHours withHolidays = OFFICE.withHolidays(LocalDate.of(2026, 12, 25));

        assertThat(withHolidays.plusWorkingTime(christmasEveNight, Duration.ofMinutes(30)))
                .isEqualTo(ZonedDateTime.of(2026, 12, 28, 9, 30, 0, 0, BERLIN).toInstant());
    }

    @Test
    void workingTime_followsTheZoneAcrossDaylightSavingChanges() {
        Instant friday = ZonedDateTime.of(2026, 10, 23, 17, 0, 0, 0, BERLIN).toInstant();

        // the clocks go back on Sunday 25 October; Monday opens at 09:00 local, UTC+1
        assertThat(OFFICE.plusWorkingTime(friday, Duration.ofHours(1)))
                .isEqualTo(Instant.parse("2026-10-26T09:00:00Z"));
    }

    @Test
    void workingTime_countsExactlyTheRequestedTimeInsideTheWindows() {
        BusinessHours saturdayMornings = OFFICE.withDay(DayOfWeek.SATURDAY, LocalTime.of(8, 0), LocalTime.of(12, 0));
        qt().withFixedSeed(20261202L)
                .withExamples(60)
                .forAll(
                        longs().between(1_700_000_000L, 1_900_000_000L),
                        integers().between(0, 60 * 24 * 4))
                .checkAssert((seconds, minutes) -> {
                    Instant start = Instant.ofEpochSecond(seconds - seconds % 60);
                    Instant end = saturdayMornings.plusWorkingTime(start, Duration.ofMinutes(minutes));
                    assertThat(end).isAfterOrEqualTo(start);
                    assertThat(workingMinutes(saturdayMornings, start, end)).isEqualTo(minutes.longValue());
                });
    }

    @Test
    void hoursWithoutAnyWorkingTime_areRefused() {
        assertThatThrownBy(() -> BusinessHours.weekdays(BERLIN, LocalTime.of(9, 0), LocalTime.of(9, 0)))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("businessHours.close"));
        BusinessHours mondaysOnly = OFFICE.withoutDay(DayOfWeek.TUESDAY)
                .withoutDay(DayOfWeek.WEDNESDAY)
                .withoutDay(DayOfWeek.THURSDAY)
                .withoutDay(DayOfWeek.FRIDAY);
        assertThatThrownBy(() -> mondaysOnly.withoutDay(DayOfWeek.MONDAY))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("businessHours"));
    }

    /** Working minutes between two instants, counted minute by minute: the slow, obvious way. */
    private static long workingMinutes(BusinessHours hours, Instant from, Instant to) {
        long minutes = 0;
        for (Instant at = from; at.isBefore(to); at = at.plusSeconds(60)) {
            Instant next = at.plusSeconds(60).isAfter(to) ? to : at.plusSeconds(60);
            if (hours.plusWorkingTime(at, Duration.ZERO).equals(at) && !next.equals(at)) {
                minutes++;
            }
        }
        return minutes;
    }
}
