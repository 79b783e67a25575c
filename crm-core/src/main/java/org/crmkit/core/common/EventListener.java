package org.crmkit.core.common;

/**
 * Receives domain events after the unit of work that caused them has committed; registered on the
 * {@code Crm} builder. Listeners run on the thread that committed, in registration order; an
 * exception from one is logged and does not reach the caller or the other listeners, because the
 * change is already stored. Hand long work to an executor of your own.
 */
@FunctionalInterface
public interface EventListener {

    /** Called once for each event. */
    void onEvent(DomainEvent event);

    /** A listener that receives only events of {@code type}. */
    static <E extends DomainEvent> EventListener of(Class<E> type, java.util.function.Consumer<? super E> consumer) {
        java.util.Objects.requireNonNull(type, "type");
        java.util.Objects.requireNonNull(consumer, "consumer");
        return event -> {
            if (type.isInstance(event)) {
                consumer.accept(type.cast(event));
            }
        };
    }
}
