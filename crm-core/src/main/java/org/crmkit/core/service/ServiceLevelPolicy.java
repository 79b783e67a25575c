package org.crmkit.core.service;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.Priority;
import org.crmkit.core.common.ValidationException;

/**
 * Which service level a request gets: by channel and priority, else by priority, else the default;
 * counted around the clock or in {@link BusinessHours}. Configured once on the {@code Crm} builder.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * ServiceLevelPolicy policy = ServiceLevelPolicy.of(ServiceLevel.of(Duration.ofHours(8), Duration.ofDays(3)))
 *         .forPriority(Priority.URGENT, ServiceLevel.of(Duration.ofHours(1), Duration.ofHours(8)))
 *         .forChannel(Channel.LIVE_CHAT, Priority.NORMAL, ServiceLevel.of(Duration.ofMinutes(5), Duration.ofHours(4)))
 *         .inBusinessHours(hours);
 * }</pre>
 */
public final class ServiceLevelPolicy {
    private final ServiceLevel fallback;
    private final Map<Priority, ServiceLevel> byPriority;
    private final Map<Key, ServiceLevel> byChannel;
    private final BusinessHours hours;

    private ServiceLevelPolicy(
            ServiceLevel fallback,
            Map<Priority, ServiceLevel> byPriority,
            Map<Key, ServiceLevel> byChannel,
            BusinessHours hours) {
        this.fallback = fallback;
        this.byPriority = Map.copyOf(byPriority);
        this.byChannel = Map.copyOf(byChannel);
        this.hours = hours;
    }

    /** A policy that gives every request {@code fallback}, around the clock. */
    public static ServiceLevelPolicy of(ServiceLevel fallback) {
        return new ServiceLevelPolicy(
                ValidationException.requireNonNull(fallback, "serviceLevel"), Map.of(), Map.of(), null);
    }

    /**
     * The policy of a {@code Crm} that configured none, around the clock: urgent 1 h to the first
     * response and 8 h to resolution, high 4 h and 24 h, normal 8 h and 3 days, low 24 h and 7 days.
     */
    public static ServiceLevelPolicy standard() {
        return of(ServiceLevel.of(Duration.ofHours(8), Duration.ofDays(3)))
                .forPriority(Priority.URGENT, ServiceLevel.of(Duration.ofHours(1), Duration.ofHours(8)))
                .forPriority(Priority.HIGH, ServiceLevel.of(Duration.ofHours(4), Duration.ofHours(24)))
                .forPriority(Priority.LOW, ServiceLevel.of(Duration.ofHours(24), Duration.ofDays(7)));
    }

    /** This policy, giving requests of {@code priority} {@code level} on channels without their own. */
    public ServiceLevelPolicy forPriority(Priority priority, ServiceLevel level) {
        ValidationException.requireNonNull(priority, "priority");
        ValidationException.requireNonNull(level, "serviceLevel");
        Map<Priority, ServiceLevel> changed = new EnumMap<>(Priority.class);
        changed.putAll(byPriority);
        changed.put(priority, level);
        return new ServiceLevelPolicy(fallback, changed, byChannel, hours);
    }

    /** This policy, giving requests of {@code priority} that came in on {@code channel} {@code level}. */
    public ServiceLevelPolicy forChannel(Channel channel, Priority priority, ServiceLevel level) {
        Key key = new Key(
                ValidationException.requireNonNull(channel, "channel"),
                ValidationException.requireNonNull(priority, "priority"));
        Map<Key, ServiceLevel> changed = new HashMap<>(byChannel);
        changed.put(key, ValidationException.requireNonNull(level, "serviceLevel"));
        return new ServiceLevelPolicy(fallback, byPriority, changed, hours);
    }

    /** This policy, counting only the working time of {@code hours}. */
    public ServiceLevelPolicy inBusinessHours(BusinessHours hours) {
        return new ServiceLevelPolicy(
                fallback, byPriority, byChannel, ValidationException.requireNonNull(hours, "businessHours"));
    }

    /** The service level of a request of {@code priority} that came in on {@code channel}. */
    public ServiceLevel levelFor(Channel channel, Priority priority) {
        ServiceLevel level = byChannel.get(new Key(channel, priority));
        if (level != null) {
            return level;
        }
        return byPriority.getOrDefault(priority, fallback);
    }

    /** The business hours the levels count in; empty when they count around the clock. */
    public Optional<BusinessHours> businessHours() {
        return Optional.ofNullable(hours);
    }

    /** The instant by which {@code target} is due for a request of that channel and priority opened at {@code openedAt}. */
    public Instant due(ServiceLevelTarget target, Channel channel, Priority priority, Instant openedAt) {
        ServiceLevel level = levelFor(channel, priority);
        Duration allowed = target == ServiceLevelTarget.FIRST_RESPONSE ? level.firstResponse() : level.resolution();
        return hours == null ? openedAt.plus(allowed) : hours.plusWorkingTime(openedAt, allowed);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServiceLevelPolicy other
                && fallback.equals(other.fallback)
                && byPriority.equals(other.byPriority)
                && byChannel.equals(other.byChannel)
                && Objects.equals(hours, other.hours);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fallback, byPriority, byChannel, hours);
    }

    @Override
    public String toString() {
        return "ServiceLevelPolicy[default=" + fallback + ", byPriority=" + byPriority + ", byChannel=" + byChannel
                + ", hours=" + hours + "]";
    }

    private record Key(Channel channel, Priority priority) {}
}
