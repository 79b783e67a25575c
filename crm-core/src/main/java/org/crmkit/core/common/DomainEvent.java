package org.crmkit.core.common;

import java.time.Instant;

/**
 * Something that happened to the tenant's data, published to the host's {@link EventListener}s
 * after the unit of work that caused it has committed. Each concept package has a sealed hierarchy
 * of its events.
 */
public interface DomainEvent {

    /** The tenant whose data changed. */
    TenantId tenant();

    /** When it happened, by the injected clock. */
    Instant occurredAt();

    /** Who caused it. */
    Actor actor();
}
