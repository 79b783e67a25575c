package org.crmkit.core.common;

/**
 * Where services hand the events they cause. The {@code Crm} facade's publisher holds them back
 * until the outermost unit of work commits and drops them when it rolls back.
 */
@FunctionalInterface
public interface EventPublisher {

    /** Publishes {@code event} once the current unit of work commits (at once outside one). */
    void publish(DomainEvent event);
}
