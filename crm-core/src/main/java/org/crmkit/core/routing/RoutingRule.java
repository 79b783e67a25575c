package org.crmkit.core.routing;

import org.crmkit.core.common.ValidationException;

/**
 * One routing rule: work that matches {@code condition} goes where {@code strategy} says. Combine
 * rules with {@link AssignmentStrategy#rules}, for example
 *
 * <pre>{@code
 * AssignmentStrategy.rules(
 *         RoutingRule.when(RoutingCondition.language(Locale.GERMAN), AssignmentStrategy.roundRobin(dach)),
 *         RoutingRule.when(RoutingCondition.topic("billing"), AssignmentStrategy.leastLoaded(billing)))
 *     .orElse(AssignmentStrategy.customerOwner())
 *     .orElse(AssignmentStrategy.queue(TeamId.of("front-desk")));
 * }</pre>
 *
 * @param condition which work the rule takes
 * @param strategy who gets it
 */
public record RoutingRule(RoutingCondition condition, AssignmentStrategy strategy) {

    /** Validates the rule. */
    public RoutingRule {
        ValidationException.requireNonNull(condition, "rule.condition");
        ValidationException.requireNonNull(strategy, "rule.strategy");
    }

    /** The rule that sends work matching {@code condition} where {@code strategy} says. */
    public static RoutingRule when(RoutingCondition condition, AssignmentStrategy strategy) {
        return new RoutingRule(condition, strategy);
    }
}
