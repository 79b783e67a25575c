package org.crmkit.core.sales;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.ValidationException;

/**
 * What {@link OrderRepository#sums} adds up: the orders placed from the first of {@code
 * boundaries} (inclusive) to the last (exclusive), period {@code i} holding those from element
 * {@code i} (inclusive) to element {@code i + 1} (exclusive), split by a {@link OrderGrouping},
 * optionally only those of customers with a given current owner or those placed on a given
 * channel. Immutable and thread-safe.
 */
public final class OrderSumsQuery {
    private final List<Instant> boundaries;
    private final OrderGrouping grouping;
    private final StaffId owner;
    private final Channel channel;

    private OrderSumsQuery(List<Instant> boundaries, OrderGrouping grouping, StaffId owner, Channel channel) {
        this.boundaries = boundaries;
        this.grouping = grouping;
        this.owner = owner;
        this.channel = channel;
    }

    /**
     * Every order between the first and the last of {@code boundaries}, cut into the periods between
     * consecutive ones, split by {@code grouping}.
     *
     * @throws ValidationException naming {@code boundaries} when there are fewer than two or they
     *     are not strictly ascending, or {@code grouping} when it is missing
     */
    public static OrderSumsQuery of(List<Instant> boundaries, OrderGrouping grouping) {
        List<Instant> copy = List.copyOf(ValidationException.requireNonNull(boundaries, "boundaries"));
        if (copy.size() < 2) {
            throw new ValidationException("boundaries", "must hold at least two instants, held " + copy.size());
        }
        for (int i = 1; i < copy.size(); i++) {
            if (!copy.get(i).isAfter(copy.get(i - 1))) {
                throw new ValidationException("boundaries", "must be strictly ascending, were not at " + i);
            }
        }
        return new OrderSumsQuery(copy, ValidationException.requireNonNull(grouping, "grouping"), null, null);
    }

    /** This query narrowed to the orders of customers whose current owner is {@code owner}. */
    public OrderSumsQuery ownedBy(StaffId owner) {
        return new OrderSumsQuery(boundaries, grouping, ValidationException.requireNonNull(owner, "owner"), channel);
    }

    /** This query narrowed to the orders placed on {@code channel}. */
    public OrderSumsQuery on(Channel channel) {
        return new OrderSumsQuery(boundaries, grouping, owner, ValidationException.requireNonNull(channel, "channel"));
    }

    /** The instants that cut the periods, strictly ascending, at least two. */
    public List<Instant> boundaries() {
        return boundaries;
    }

    /** How many periods the boundaries cut: one less than there are boundaries. */
    public int periods() {
        return boundaries.size() - 1;
    }

    /** How each period's orders are split. */
    public OrderGrouping grouping() {
        return grouping;
    }

    /** The current owner the customers must have; empty for any customer. */
    public Optional<StaffId> owner() {
        return Optional.ofNullable(owner);
    }

    /** The channel the orders must have been placed on; empty for any. */
    public Optional<Channel> channel() {
        return Optional.ofNullable(channel);
    }

    /**
     * The period that holds {@code at}: the largest {@code i} with {@code boundaries[i] <= at}; -1
     * when {@code at} lies before the first boundary or at or after the last.
     */
    public int periodOf(Instant at) {
        if (at.isBefore(boundaries.get(0)) || !at.isBefore(boundaries.get(boundaries.size() - 1))) {
            return -1;
        }
        int low = 0;
        int high = boundaries.size() - 2;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (boundaries.get(mid).isAfter(at)) {
                high = mid - 1;
            } else {
                low = mid;
            }
        }
        return low;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OrderSumsQuery q
                && boundaries.equals(q.boundaries)
                && grouping == q.grouping
                && Objects.equals(owner, q.owner)
                && channel == q.channel;
    }

    @Override
    public int hashCode() {
        return Objects.hash(boundaries, grouping, owner, channel);
    }

    @Override
    public String toString() {
        return "OrderSumsQuery[" + periods() + " periods from " + boundaries.get(0) + ", by " + grouping
                + (owner == null ? "" : ", owner " + owner) + (channel == null ? "" : ", channel " + channel) + "]";
    }
}
