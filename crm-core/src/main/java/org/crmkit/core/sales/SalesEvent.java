package org.crmkit.core.sales;

import java.time.Instant;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.TenantId;

/** What happens in sales, published after the change is committed. */
public sealed interface SalesEvent extends DomainEvent {

    /**
     * A pipeline was created or its stages or reasons changed.
     *
     * @param tenant the tenant
     * @param occurredAt when
     * @param actor who
     * @param pipeline the pipeline as stored
     */
    record PipelineChanged(TenantId tenant, Instant occurredAt, Actor actor, Pipeline pipeline) implements SalesEvent {}

    /**
     * An opportunity was created (from a qualified lead or by hand).
     *
     * @param tenant the tenant
     * @param occurredAt when
     * @param actor who
     * @param opportunity the opportunity as stored
     */
    record OpportunityCreated(TenantId tenant, Instant occurredAt, Actor actor, Opportunity opportunity)
            implements SalesEvent {}

    /**
     * An opportunity moved to another stage, was won or lost, or was reopened: its history grew.
     *
     * @param tenant the tenant
     * @param occurredAt when
     * @param actor who
     * @param change the history entry added
     * @param opportunity the opportunity as stored
     */
    record OpportunityStageChanged(
            TenantId tenant, Instant occurredAt, Actor actor, StageChange change, Opportunity opportunity)
            implements SalesEvent {}

    /**
     * An order was recorded (one recorded again by its external id publishes nothing).
     *
     * @param tenant the tenant
     * @param occurredAt when
     * @param actor who
     * @param order the order as stored
     */
    record OrderRecorded(TenantId tenant, Instant occurredAt, Actor actor, Order order) implements SalesEvent {}
}
