package org.crmkit.core.routing;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.CustomerId;

/**
 * What a strategy knows about the work it routes: its kind, the customer, and what rules route by
 * (channel, topic, language, region, the customer's owner). Immutable and thread-safe; build one
 * with {@link #of} and the {@code with…} methods.
 */
public final class RoutingSubject {
    /** The kinds of work that are routed. */
    public enum Kind {
        /** An inbound request that needs an answer. */
        REQUEST,
        /** A new sales lead. */
        LEAD
    }

    private final Kind kind;
    private final CustomerId customer;
    private final Channel channel;
    private final String topic;
    private final Locale language;
    private final String region;
    private final StaffId customerOwner;

    private RoutingSubject(
            Kind kind,
            CustomerId customer,
            Channel channel,
            String topic,
            Locale language,
            String region,
            StaffId customerOwner) {
        this.kind = ValidationException.requireNonNull(kind, "routing.kind");
        this.customer = ValidationException.requireNonNull(customer, "routing.customer");
        this.channel = channel;
        this.topic = topic;
        this.language = language;
        this.region = region;
        this.customerOwner = customerOwner;
    }

    /** Work of {@code kind} for {@code customer}, with nothing else known yet. */
    public static RoutingSubject of(Kind kind, CustomerId customer) {
        return new RoutingSubject(kind, customer, null, null, null, null, null);
    }

    /** This subject arriving on {@code channel}. */
    public RoutingSubject withChannel(Channel channel) {
        return new RoutingSubject(
                kind,
                customer,
                ValidationException.requireNonNull(channel, "routing.channel"),
                topic,
                language,
                region,
                customerOwner);
    }

    /** This subject about {@code topic}. */
    public RoutingSubject withTopic(String topic) {
        return new RoutingSubject(
                kind,
                customer,
                channel,
                ValidationException.requireText(topic, "routing.topic", 128),
                language,
                region,
                customerOwner);
    }

    /** This subject in {@code language}. */
    public RoutingSubject withLanguage(Locale language) {
        return new RoutingSubject(
                kind,
                customer,
                channel,
                topic,
                ValidationException.requireNonNull(language, "routing.language"),
                region,
                customerOwner);
    }

    /** This subject from {@code region} (a country code, a sales territory: the host's words). */
    public RoutingSubject withRegion(String region) {
        return new RoutingSubject(
                kind,
                customer,
                channel,
                topic,
                language,
                ValidationException.requireText(region, "routing.region", 128),
                customerOwner);
    }

    /** This subject for a customer whom {@code owner} looks after. */
    public RoutingSubject withCustomerOwner(StaffId owner) {
        return new RoutingSubject(
                kind,
                customer,
                channel,
                topic,
                language,
                region,
                ValidationException.requireNonNull(owner, "routing.customerOwner"));
    }

    /** The kind of work. */
    public Kind kind() {
        return kind;
    }

    /** The customer the work is for. */
    public CustomerId customer() {
        return customer;
    }

    /** The channel the work came in on. */
    public Optional<Channel> channel() {
        return Optional.ofNullable(channel);
    }

    /** What the work is about. */
    public Optional<String> topic() {
        return Optional.ofNullable(topic);
    }

    /** The customer's language. */
    public Optional<Locale> language() {
        return Optional.ofNullable(language);
    }

    /** Where the customer is. */
    public Optional<String> region() {
        return Optional.ofNullable(region);
    }

    /** The staff member who owns the customer. */
    public Optional<StaffId> customerOwner() {
        return Optional.ofNullable(customerOwner);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RoutingSubject other
                && kind == other.kind
                && customer.equals(other.customer)
                && channel == other.channel
                && Objects.equals(topic, other.topic)
                && Objects.equals(language, other.language)
                && Objects.equals(region, other.region)
                && Objects.equals(customerOwner, other.customerOwner);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, customer, channel, topic, language, region, customerOwner);
    }

    @Override
    public String toString() {
        return "RoutingSubject[" + kind + " for " + customer + ", channel=" + channel + ", topic=" + topic
                + ", language=" + language + ", region=" + region + ", owner=" + customerOwner + "]";
    }
}
