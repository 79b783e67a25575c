/**
 * Routing: who gets a piece of inbound work. An {@link org.crmkit.core.routing.AssignmentStrategy}
 * chooses an {@link org.crmkit.core.routing.Assignment} for a {@link
 * org.crmkit.core.routing.RoutingSubject} (a request today, a lead once sales exist): round-robin
 * within a {@link org.crmkit.core.routing.Team}, the least-loaded member, the customer's owner, or
 * {@link org.crmkit.core.routing.RoutingRule}s by channel, topic, language, region and owner. Hosts
 * may write their own strategy.
 *
 * <p>Strategies are stateless values; what they remember (whose turn it is in each team) is a
 * {@link org.crmkit.core.routing.Rotation} that a store keeps through {@link
 * org.crmkit.core.routing.RotationRepository}. {@link org.crmkit.core.routing.Router} runs a strategy
 * inside the caller's unit of work and makes concurrent choices within one team take turns, so two
 * assignments never read the same turn or the same load. This package refers to customers by id and
 * depends on the customer package only.
 */
package org.crmkit.core.routing;
