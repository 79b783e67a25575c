package org.crmkit.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.crmkit.core.common.ValidationException;
import org.junit.jupiter.api.Test;

class ReportPeriodTest {

    @Test
    void starts_cutAtCalendarStarts_theFirstAtFrom() {
        ReportPeriod period = ReportPeriod.of(LocalDate.of(2026, 2, 15), LocalDate.of(2026, 8, 2));

        assertThat(period.starts(Granularity.QUARTER))
                .containsExactly(LocalDate.of(2026, 2, 15), LocalDate.of(2026, 4, 1), LocalDate.of(2026, 7, 1));
        assertThat(period.starts(Granularity.MONTH)).hasSize(7).endsWith(LocalDate.of(2026, 8, 1));
        assertThat(period.starts(Granularity.WHOLE_PERIOD)).containsExactly(LocalDate.of(2026, 2, 15));
        assertThat(ReportPeriod.of(LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 16))
                        .starts(Granularity.WEEK))
                .containsExactly(LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 14));
    }

    @Test
    void boundaries_areMidnightsInTheZone_acrossDaylightSaving() {
        ReportPeriod march =
                new ReportPeriod(LocalDate.of(2026, 3, 28), LocalDate.of(2026, 3, 31), ZoneId.of("Europe/Berlin"));

        assertThat(march.boundaries(Granularity.DAY))
                .containsExactly(
                        Instant.parse("2026-03-27T23:00:00Z"),
                        Instant.parse("2026-03-28T23:00:00Z"),
                        Instant.parse("2026-03-29T22:00:00Z"),
                        Instant.parse("2026-03-30T22:00:00Z"));
        assertThat(march.contains(Instant.parse("2026-03-30T21:59:59Z"))).isTrue();
        assertThat(march.contains(Instant.parse("2026-03-30T22:00:00Z"))).isFalse();
    }

    @Test
    void refusesEmptyPeriodsAndTooFinePeriods() {
        assertThatThrownBy(() -> ReportPeriod.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 1)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("period.to");
        assertThatThrownBy(() -> ReportPeriod.of(LocalDate.of(1950, 1, 1), LocalDate.of(2000, 1, 1))
                        .starts(Granularity.DAY))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("granularity");
    }
}
