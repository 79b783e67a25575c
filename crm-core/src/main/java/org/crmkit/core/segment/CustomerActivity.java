package org.crmkit.core.segment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.interaction.Direction;

/**
 * What a customer did, as the behaviour conditions of a {@link SegmentRule} read it: their orders,
 * their contacts, the stages of their open opportunities, their RFM score, and the organisations
 * they are a contact of (with what those did). The in-memory evaluation builds one per customer;
 * SQL stores answer the same conditions in the database.
 *
 * @param orders when each order was placed and its total
 * @param contacts when each interaction with the customer happened, on which channel and which way
 * @param openStages the names of the stages the customer's open opportunities are in
 * @param rfm the customer's RFM score, when they were scored
 * @param organisations the organisations the customer is a contact or employee of
 */
public record CustomerActivity(
        List<OrderFact> orders,
        List<ContactFact> contacts,
        Set<String> openStages,
        Optional<RfmScore> rfm,
        List<Organisation> organisations) {

    /** Nothing done at all. */
    public static final CustomerActivity NONE =
            new CustomerActivity(List.of(), List.of(), Set.of(), Optional.empty(), List.of());

    /** Validates and copies the facts. */
    public CustomerActivity {
        orders = List.copyOf(ValidationException.requireNonNull(orders, "orders"));
        contacts = List.copyOf(ValidationException.requireNonNull(contacts, "contacts"));
        openStages = Set.copyOf(ValidationException.requireNonNull(openStages, "openStages"));
        ValidationException.requireNonNull(rfm, "rfm");
        organisations = List.copyOf(ValidationException.requireNonNull(organisations, "organisations"));
    }

    /** One order: when and how much. */
    public record OrderFact(Instant at, Money total) {}

    /** One interaction: when, on which channel, which way. */
    public record ContactFact(Instant at, Channel channel, Direction direction) {}

    /** An organisation the customer belongs to, with what it did. */
    public record Organisation(Customer customer, CustomerActivity activity) {}
}
