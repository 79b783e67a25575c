package org.crmkit.core.routing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.ValidationException;

/**
 * Chooses who gets a piece of work. CRMKit's strategies come from the static factories here; a host
 * may implement its own (a skills matrix, an external workforce tool). Implementations are
 * stateless and thread-safe: what they must remember goes through {@link Routing}.
 */
@FunctionalInterface
public interface AssignmentStrategy {

    /**
     * The assignment for {@code subject}; empty when this strategy does not apply to it (a rule that
     * does not match, a customer without owner), so that a fallback may choose.
     */
    Optional<Assignment> assign(RoutingSubject subject, Routing routing);

    /** This strategy, and {@code fallback} where it chooses nobody. */
    default AssignmentStrategy orElse(AssignmentStrategy fallback) {
        ValidationException.requireNonNull(fallback, "fallback");
        AssignmentStrategy first = this;
        return (subject, routing) -> {
            Optional<Assignment> chosen = first.assign(subject, routing);
            return chosen.isPresent() ? chosen : fallback.assign(subject, routing);
        };
    }

    /** Members of {@code team} take turns, in the team's order, whatever their load. */
    static AssignmentStrategy roundRobin(Team team) {
        return new Strategies.RoundRobin(ValidationException.requireNonNull(team, "team"));
    }

    /**
     * The member of {@code team} with the least open work; among equally loaded members, the next in
     * turn (so equal loads go round).
     */
    static AssignmentStrategy leastLoaded(Team team) {
        return new Strategies.LeastLoaded(ValidationException.requireNonNull(team, "team"), Map.of(), Long.MAX_VALUE);
    }

    /**
     * As {@link #leastLoaded(Team)}, but nobody gets more than {@code capacity} open pieces of work:
     * members at capacity are passed over, and when all are, this strategy chooses nobody (so that a
     * fallback, such as a team queue, takes the work).
     *
     * @throws ValidationException naming {@code capacity} when it is below 1
     */
    static AssignmentStrategy leastLoaded(Team team, int capacity) {
        return weighted(team, Map.of(), capacity);
    }

    /**
     * Work shared in proportion to {@code weights} (a member of weight 2 gets twice the open work of
     * one of weight 1; members not named weigh 1): the member with the least open work per unit of
     * weight, passing over those at {@code capacity}, ties going round.
     *
     * @throws ValidationException naming {@code weights} for a weight below 1 or a member outside the
     *     team, or {@code capacity} when it is below 1
     */
    static AssignmentStrategy weighted(Team team, Map<StaffId, Integer> weights, int capacity) {
        ValidationException.requireNonNull(team, "team");
        ValidationException.requireNonNull(weights, "weights");
        weights.forEach((member, weight) -> {
            if (!team.members().contains(member) || weight == null || weight < 1) {
                throw new ValidationException(
                        "weights",
                        "must give members of " + team.id() + " weights of 1 or more, gave " + member + "=" + weight);
            }
        });
        if (capacity < 1) {
            throw new ValidationException("capacity", "must be at least 1, was " + capacity);
        }
        return new Strategies.LeastLoaded(team, Map.copyOf(weights), capacity);
    }

    /** The staff member who owns the customer; nobody for a customer without owner. */
    static AssignmentStrategy customerOwner() {
        return Strategies.CustomerOwner.INSTANCE;
    }

    /** Into the queue of {@code team}, for any member to take. */
    static AssignmentStrategy queue(TeamId team) {
        return new Strategies.Queue(ValidationException.requireNonNull(team, "team"));
    }

    /**
     * The first of {@code rules} whose condition matches and whose strategy chooses someone; nobody
     * when none does. Rules are tried in order.
     */
    static AssignmentStrategy rules(List<RoutingRule> rules) {
        ValidationException.requireNonNull(rules, "rules");
        for (int i = 0; i < rules.size(); i++) {
            ValidationException.requireNonNull(rules.get(i), "rules[" + i + "]");
        }
        return new Strategies.Rules(List.copyOf(rules));
    }

    /** {@link #rules(List)} over {@code rules}. */
    static AssignmentStrategy rules(RoutingRule... rules) {
        return rules(java.util.Arrays.asList(ValidationException.requireNonNull(rules, "rules")));
    }
}
