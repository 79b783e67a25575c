package org.crmkit.core.interaction;

import java.time.Instant;
import java.util.List;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;

/**
 * What happens to the interaction history, published after the change is committed. {@link
 * #occurredAt()} is when the interaction was recorded; when the contact itself took place is {@code
 * interaction().occurredAt()}.
 */
public sealed interface InteractionEvent extends DomainEvent {

    /** The interaction recorded. */
    Interaction interaction();

    /** The id of the interaction recorded. */
    default InteractionId interactionId() {
        return interaction().id();
    }

    /** The customers who took part in it, in its order. */
    default List<CustomerId> customers() {
        return interaction().customers();
    }

    /**
     * An interaction was logged. Logging one whose external id was already recorded publishes
     * nothing.
     *
     * @param tenant the tenant
     * @param occurredAt when it was recorded
     * @param actor who recorded it
     * @param interaction the interaction as recorded
     */
    record InteractionLogged(TenantId tenant, Instant occurredAt, Actor actor, Interaction interaction)
            implements InteractionEvent {}

    /**
     * A correction of an earlier interaction was recorded; the earlier one is superseded and leaves
     * timelines.
     *
     * @param tenant the tenant
     * @param occurredAt when the correction was recorded
     * @param actor who recorded it
     * @param original the id of the interaction now superseded
     * @param interaction the correction as recorded
     */
    record InteractionCorrected(
            TenantId tenant, Instant occurredAt, Actor actor, InteractionId original, Interaction interaction)
            implements InteractionEvent {}
}
