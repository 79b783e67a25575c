package org.crmkit.core.interaction;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.ValidationException;

/**
 * Which of a customer's interactions a timeline holds: filters by channel, direction and period
 * {@code [from, to)} of {@link Interaction#occurredAt()}, all of which must hold. Interactions that
 * a later correction superseded are left out unless asked for. The order is always {@link
 * TimelineOrder#NEWEST_FIRST}.
 *
 * <pre>{@code
 * TimelineQuery.all().withChannels(Channel.PHONE, Channel.WHATSAPP).since(monthStart)
 * }</pre>
 *
 * <p>Immutable; each {@code with…} and period method returns a narrowed copy. Thread-safe.
 */
public final class TimelineQuery {
    private static final TimelineQuery ALL = new TimelineQuery(Set.of(), Set.of(), null, null, false);

    private final Set<Channel> channels;
    private final Set<Direction> directions;
    private final Instant from;
    private final Instant to;
    private final boolean includeSuperseded;

    private TimelineQuery(
            Set<Channel> channels, Set<Direction> directions, Instant from, Instant to, boolean includeSuperseded) {
        if (from != null && to != null && !to.isAfter(from)) {
            throw new ValidationException("timeline.to", "must be after from " + from + ", was " + to);
        }
        this.channels = channels;
        this.directions = directions;
        this.from = from;
        this.to = to;
        this.includeSuperseded = includeSuperseded;
    }

    /** Every interaction that no correction superseded, on every channel, in both directions, at any time. */
    public static TimelineQuery all() {
        return ALL;
    }

    /** Narrowed to interactions on one of these channels. */
    public TimelineQuery withChannels(Channel first, Channel... more) {
        EnumSet<Channel> set = EnumSet.of(ValidationException.requireNonNull(first, "timeline.channels"));
        for (Channel c : ValidationException.requireNonNull(more, "timeline.channels")) {
            set.add(ValidationException.requireNonNull(c, "timeline.channels"));
        }
        return withChannels(set);
    }

    /** Narrowed to interactions on one of these channels; an empty set means every channel. */
    public TimelineQuery withChannels(Set<Channel> channels) {
        ValidationException.requireNonNull(channels, "timeline.channels");
        EnumSet<Channel> set = EnumSet.noneOf(Channel.class);
        for (Channel c : channels) {
            set.add(ValidationException.requireNonNull(c, "timeline.channels"));
        }
        return new TimelineQuery(frozen(set), directions, from, to, includeSuperseded);
    }

    /** Narrowed to one direction. */
    public TimelineQuery withDirection(Direction direction) {
        return withDirections(Set.of(ValidationException.requireNonNull(direction, "timeline.directions")));
    }

    /** Narrowed to these directions; an empty set means both. */
    public TimelineQuery withDirections(Set<Direction> directions) {
        ValidationException.requireNonNull(directions, "timeline.directions");
        EnumSet<Direction> set = EnumSet.noneOf(Direction.class);
        for (Direction d : directions) {
            set.add(ValidationException.requireNonNull(d, "timeline.directions"));
        }
        return new TimelineQuery(channels, frozen(set), from, to, includeSuperseded);
    }

    /**
     * Narrowed to interactions that occurred at or after {@code from} and before {@code to}.
     *
     * @throws ValidationException when {@code to} is not after {@code from}
     */
    public TimelineQuery between(Instant from, Instant to) {
        return new TimelineQuery(
                channels,
                directions,
                ValidationException.requireNonNull(from, "timeline.from"),
                ValidationException.requireNonNull(to, "timeline.to"),
                includeSuperseded);
    }

    /**
     * Narrowed to interactions that occurred at or after {@code from}.
     *
     * @throws ValidationException when an end set before is not after {@code from}
     */
    public TimelineQuery since(Instant from) {
        return new TimelineQuery(
                channels, directions, ValidationException.requireNonNull(from, "timeline.from"), to, includeSuperseded);
    }

    /**
     * Narrowed to interactions that occurred before {@code to}.
     *
     * @throws ValidationException when a start set before is not before {@code to}
     */
    public TimelineQuery until(Instant to) {
        return new TimelineQuery(
                channels, directions, from, ValidationException.requireNonNull(to, "timeline.to"), includeSuperseded);
    }

    /** Widened to interactions that a correction superseded too. */
    public TimelineQuery includingSuperseded() {
        return new TimelineQuery(channels, directions, from, to, true);
    }

    /** The channels asked for; empty when every channel is. */
    public Set<Channel> channels() {
        return channels;
    }

    /** The directions asked for; empty when both are. */
    public Set<Direction> directions() {
        return directions;
    }

    /** The start of the period (inclusive), if any. */
    public Optional<Instant> from() {
        return Optional.ofNullable(from);
    }

    /** The end of the period (exclusive), if any. */
    public Optional<Instant> to() {
        return Optional.ofNullable(to);
    }

    /** Whether superseded interactions are included. */
    public boolean includesSuperseded() {
        return includeSuperseded;
    }

    /**
     * Whether {@code interaction} passes every filter, given whether a correction supersedes it: the
     * reference rule every store must follow. It does not look at participants; the timeline's
     * customer selects those.
     */
    public boolean matches(Interaction interaction, boolean superseded) {
        Instant at = interaction.occurredAt();
        return (includeSuperseded || !superseded)
                && (channels.isEmpty() || channels.contains(interaction.channel()))
                && (directions.isEmpty() || directions.contains(interaction.direction()))
                && (from == null || !at.isBefore(from))
                && (to == null || at.isBefore(to));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimelineQuery q
                && channels.equals(q.channels)
                && directions.equals(q.directions)
                && Objects.equals(from, q.from)
                && Objects.equals(to, q.to)
                && includeSuperseded == q.includeSuperseded;
    }

    @Override
    public int hashCode() {
        return Objects.hash(channels, directions, from, to, includeSuperseded);
    }

    @Override
    public String toString() {
        return "TimelineQuery[channels=" + (channels.isEmpty() ? "all" : channels) + ", directions="
                + (directions.isEmpty() ? "both" : directions) + ", from=" + from + ", to=" + to + ", superseded="
                + includeSuperseded + "]";
    }

    private static <E extends Enum<E>> Set<E> frozen(EnumSet<E> set) {
        return set.isEmpty() ? Set.of() : Collections.unmodifiableSet(set);
    }
}
