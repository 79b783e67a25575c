package org.crmkit.core.common;

import java.time.Instant;

/**
 * The instants every store can keep: from 1900 to the end of 9999, the range of the SQL databases
 * CRMKit supports. Aggregates refuse instants outside it, so that no store refuses one later.
 */
public final class TimeBounds {
    /** The earliest instant an aggregate may hold. */
    public static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");

    /** The latest instant an aggregate may hold. */
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private TimeBounds() {}

    /**
     * Returns {@code at}, or throws naming {@code field} when it is null or outside [{@link
     * #EARLIEST}, {@link #LATEST}].
     */
    public static Instant require(Instant at, String field) {
        ValidationException.requireNonNull(at, field);
        if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
            throw new ValidationException(field, "must lie between " + EARLIEST + " and " + LATEST + ", was " + at);
        }
        return at;
    }

    /** {@link #require} for an optional instant: returns null for null. */
    public static Instant requireIfPresent(Instant at, String field) {
        return at == null ? null : require(at, field);
    }
}
