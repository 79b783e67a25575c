package org.crmkit.core.segment;

import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.CustomerRepository;
import org.crmkit.core.customer.RelationshipRepository;
import org.crmkit.core.interaction.InteractionRepository;
import org.crmkit.core.sales.OpportunityRepository;
import org.crmkit.core.sales.OrderRepository;
import org.crmkit.core.sales.PipelineRepository;

/**
 * The repositories of one tenant that {@link SegmentMembers#scanning} reads a rule's facts from.
 *
 * @param customers the customers, and the organisations they belong to
 * @param relationships who is a contact or employee of which organisation
 * @param interactions each customer's timeline
 * @param pipelines the stage names
 * @param opportunities the open opportunities
 * @param orders the orders, and through them the RFM scores
 */
public record SegmentSources(
        CustomerRepository customers,
        RelationshipRepository relationships,
        InteractionRepository interactions,
        PipelineRepository pipelines,
        OpportunityRepository opportunities,
        OrderRepository orders) {

    /** Validates the sources. */
    public SegmentSources {
        ValidationException.requireNonNull(customers, "customers");
        ValidationException.requireNonNull(relationships, "relationships");
        ValidationException.requireNonNull(interactions, "interactions");
        ValidationException.requireNonNull(pipelines, "pipelines");
        ValidationException.requireNonNull(opportunities, "opportunities");
        ValidationException.requireNonNull(orders, "orders");
    }
}
