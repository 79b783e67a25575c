package org.crmkit.core.service;

import org.crmkit.core.common.Channel;
import org.crmkit.core.common.Priority;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.interaction.InteractionId;

/**
 * What a host knows about a new request; {@link RequestService#open} validates it, takes the
 * deadlines from the service-level policy and routes it. A mutable builder, not thread-safe:
 *
 * <pre>{@code
 * requests.open(RequestDraft.from(call.id(), customerId, "Invoice 4711 charged twice")
 *         .kind(RequestKind.COMPLAINT).priority(Priority.HIGH).topic("billing"));
 * }</pre>
 */
public final class RequestDraft {
    final CustomerId customer;
    final String subject;
    final InteractionId openedBy;
    Channel channel;
    RequestKind kind = RequestKind.QUESTION;
    Priority priority = Priority.NORMAL;
    String topic;
    String region;

    private RequestDraft(CustomerId customer, String subject, InteractionId openedBy) {
        this.customer = customer;
        this.subject = subject;
        this.openedBy = openedBy;
    }

    /**
     * A request that the inbound interaction {@code interaction} opens for {@code customer}, one of
     * its participants; it comes in on that interaction's channel unless {@link #channel} says
     * otherwise. An interaction opens one request at most: opening it again returns the first.
     */
    public static RequestDraft from(InteractionId interaction, CustomerId customer, String subject) {
        return new RequestDraft(customer, subject, interaction);
    }

    /** A request that staff record for {@code customer} without an interaction, such as from a walk-in. */
    public static RequestDraft of(CustomerId customer, String subject) {
        return new RequestDraft(customer, subject, null);
    }

    /** The channel it came in on (for a request without interaction, e-mail unless said). */
    public RequestDraft channel(Channel channel) {
        this.channel = channel;
        return this;
    }

    /** What is asked for; a question unless said. */
    public RequestDraft kind(RequestKind kind) {
        this.kind = kind;
        return this;
    }

    /** How urgent it is; normal unless said. */
    public RequestDraft priority(Priority priority) {
        this.priority = priority;
        return this;
    }

    /** The topic rules route by, such as {@code "billing"}. */
    public RequestDraft topic(String topic) {
        this.topic = topic;
        return this;
    }

    /**
     * The region rules route by; unless said, the country of the customer's first postal address.
     * Used for routing only, not stored.
     */
    public RequestDraft region(String region) {
        this.region = region;
        return this;
    }
}
