package org.crmkit.core;

import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.EventListener;
import org.crmkit.core.common.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers events to the host's listeners after the outermost unit of work on the publishing
 * thread has committed; drops them when it rolls back.
 */
final class EventDispatcher implements EventPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);

    private final List<EventListener> listeners;
    private final ThreadLocal<List<DomainEvent>> pending = new ThreadLocal<>();

    EventDispatcher(List<EventListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void publish(DomainEvent event) {
        List<DomainEvent> buffer = pending.get();
        if (buffer != null) {
            buffer.add(event);
        } else {
            deliver(event);
        }
    }

    /** Whether the current thread is inside a unit of work that buffers events. */
    boolean buffering() {
        return pending.get() != null;
    }

    /** Starts buffering on the current thread. */
    void begin() {
        pending.set(new ArrayList<>());
    }

    /** Stops buffering and returns what was buffered, for {@link #deliverAll} once committed. */
    List<DomainEvent> end() {
        List<DomainEvent> buffer = pending.get();
        pending.remove();
        return buffer == null ? List.of() : buffer;
    }

    /** Delivers {@code events} to every listener, in order. */
    void deliverAll(List<DomainEvent> events) {
        events.forEach(this::deliver);
    }

    private void deliver(DomainEvent event) {
        for (EventListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("Event listener {} failed on {}; the change itself is stored", listener, event, e);
            }
        }
    }
}
