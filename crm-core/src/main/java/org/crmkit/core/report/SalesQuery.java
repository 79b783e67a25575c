package org.crmkit.core.report;

import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.ValidationException;

/**
 * Which sales figures to compute: the orders of a {@link ReportPeriod}, cut by a {@link
 * Granularity}, split by a {@link SalesDimension}, optionally only those of customers with a given
 * current owner or those placed on a given channel. Immutable and thread-safe.
 *
 * <pre>{@code
 * SalesQuery q = SalesQuery.of(ReportPeriod.year(2026).in(zone), Granularity.MONTH, SalesDimension.PRODUCT)
 *         .ownedBy(StaffId.of("rep-7"));
 * }</pre>
 */
public final class SalesQuery {
    private final ReportPeriod period;
    private final Granularity granularity;
    private final SalesDimension dimension;
    private final StaffId owner;
    private final Channel channel;

    private SalesQuery(
            ReportPeriod period, Granularity granularity, SalesDimension dimension, StaffId owner, Channel channel) {
        this.period = period;
        this.granularity = granularity;
        this.dimension = dimension;
        this.owner = owner;
        this.channel = channel;
    }

    /**
     * Every order of {@code period}, cut by {@code granularity}, split by {@code dimension}.
     *
     * @throws ValidationException naming {@code query.period}, {@code query.granularity} or {@code
     *     query.dimension} when one is missing, or {@code granularity} when it cuts the period into
     *     more than {@value ReportPeriod#MAX_PERIODS} periods
     */
    public static SalesQuery of(ReportPeriod period, Granularity granularity, SalesDimension dimension) {
        ValidationException.requireNonNull(period, "query.period");
        ValidationException.requireNonNull(granularity, "query.granularity");
        ValidationException.requireNonNull(dimension, "query.dimension");
        period.starts(granularity); // refuses too many periods now, not when the figures are read
        return new SalesQuery(period, granularity, dimension, null, null);
    }

    /**
     * This query narrowed to the customers whose current owner is {@code owner}.
     *
     * @throws ValidationException naming {@code query.owner} when it is missing
     */
    public SalesQuery ownedBy(StaffId owner) {
        return new SalesQuery(
                period, granularity, dimension, ValidationException.requireNonNull(owner, "query.owner"), channel);
    }

    /**
     * This query narrowed to the orders placed on {@code channel}.
     *
     * @throws ValidationException naming {@code query.channel} when it is missing
     */
    public SalesQuery on(Channel channel) {
        return new SalesQuery(
                period, granularity, dimension, owner, ValidationException.requireNonNull(channel, "query.channel"));
    }

    /** The days covered, in their zone. */
    public ReportPeriod period() {
        return period;
    }

    /** How the period is cut. */
    public Granularity granularity() {
        return granularity;
    }

    /** What each period is split by. */
    public SalesDimension dimension() {
        return dimension;
    }

    /** The current owner the customers must have; empty for any. */
    public Optional<StaffId> owner() {
        return Optional.ofNullable(owner);
    }

    /** The channel the orders must have been placed on; empty for any. */
    public Optional<Channel> channel() {
        return Optional.ofNullable(channel);
    }

    /** The same query cut by {@code other} instead. */
    SalesQuery cutBy(Granularity other) {
        return new SalesQuery(period, other, dimension, owner, channel);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SalesQuery q
                && period.equals(q.period)
                && granularity == q.granularity
                && dimension == q.dimension
                && Objects.equals(owner, q.owner)
                && channel == q.channel;
    }

    @Override
    public int hashCode() {
        return Objects.hash(period, granularity, dimension, owner, channel);
    }

    @Override
    public String toString() {
        return "SalesQuery[" + period + " by " + granularity + ", " + dimension
                + (owner == null ? "" : ", owner " + owner) + (channel == null ? "" : ", channel " + channel) + "]";
    }
}
