package org.crmkit.jdbc;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.crmkit.core.common.ValidationException;

/**
 * Instants as the store keeps and compares them, whole microseconds and query bounds beyond what a
 * dialect holds, so that a saved instant reads back equal and no unbindable one reaches a driver.
 */
final class Instants {
    private static final Instant H2_EARLIEST = Instant.parse("-999999999-01-01T00:00:00Z");
    private static final Instant H2_LATEST = Instant.parse("+999999999-12-31T23:59:59.999999Z");
    /** PostgreSQL's timestamp range: 4714-11-24 BC to 294276 AD. */
    private static final Instant POSTGRESQL_EARLIEST = Instant.parse("-4713-11-24T00:00:00Z");

    private static final Instant POSTGRESQL_LATEST = Instant.parse("+294276-12-31T23:59:59.999999Z");
    /** What DATETIME(6) holds on MariaDB and MySQL (documented from the year 1000; 1–999 work too). */
    private static final Instant MARIADB_EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

    private static final Instant MARIADB_LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private Instants() {}

    /** {@code at} cut to whole microseconds; null stays null. */
    static Instant micros(Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.MICROS);
    }

    /** {@code duration} cut to whole microseconds. */
    static Duration micros(Duration duration) {
        return duration.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * How many whole microseconds {@code duration} lasts.
     *
     * @throws ValidationException naming {@code field} when that does not fit a {@code long}
     */
    static long toMicros(Duration duration, String field) {
        try {
            return Math.addExact(Math.multiplyExact(duration.getSeconds(), 1_000_000L), duration.getNano() / 1000);
        } catch (ArithmeticException e) {
            throw new ValidationException(field, "is too long to store: " + duration);
        }
    }

    /**
     * The least whole microsecond at or after {@code at}: a stored (whole-microsecond) instant is
     * before {@code at}, or at or after it, exactly when it is so for this one.
     */
    static Instant ceilMicros(Instant at) {
        Instant cut = at.truncatedTo(ChronoUnit.MICROS);
        return cut.equals(at) || cut.equals(Instant.MAX.truncatedTo(ChronoUnit.MICROS)) ? cut : cut.plusNanos(1000);
    }

    /** Whether every instant {@code dialect}'s columns hold is before {@code bound}. */
    static boolean afterAll(Instant bound, JdbcDialect dialect) {
        return bound.isAfter(latest(dialect));
    }

    /** Whether no instant {@code dialect}'s columns hold is before {@code bound}. */
    static boolean beforeAll(Instant bound, JdbcDialect dialect) {
        return !bound.isAfter(earliest(dialect));
    }

    private static Instant earliest(JdbcDialect dialect) {
        switch (dialect) {
            case POSTGRESQL:
                return POSTGRESQL_EARLIEST;
            case MARIADB:
                return MARIADB_EARLIEST;
            default:
                return H2_EARLIEST;
        }
    }

    private static Instant latest(JdbcDialect dialect) {
        switch (dialect) {
            case POSTGRESQL:
                return POSTGRESQL_LATEST;
            case MARIADB:
                return MARIADB_LATEST;
            default:
                return H2_LATEST;
        }
    }
}
