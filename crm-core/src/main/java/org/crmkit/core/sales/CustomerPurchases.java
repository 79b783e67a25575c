package org.crmkit.core.sales;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.CustomerId;

/**
 * How often one customer bought over a span of time: how many orders, the first and the last.
 *
 * @param customer the customer
 * @param orders how many orders, at least one
 * @param firstOrderAt when the first of them was placed
 * @param lastOrderAt when the last of them was placed, not before the first
 */
public record CustomerPurchases(CustomerId customer, long orders, Instant firstOrderAt, Instant lastOrderAt) {
    private static final double SECONDS_PER_DAY = 86_400.0;

    /** Checks the parts. */
    public CustomerPurchases {
        ValidationException.requireNonNull(customer, "customer");
        if (orders < 1) {
            throw new ValidationException("orders", "must be at least 1, was " + orders);
        }
        ValidationException.requireNonNull(firstOrderAt, "firstOrderAt");
        ValidationException.requireNonNull(lastOrderAt, "lastOrderAt");
        if (lastOrderAt.isBefore(firstOrderAt)) {
            throw new ValidationException("lastOrderAt", "must not be before firstOrderAt " + firstOrderAt);
        }
    }

    /**
     * The average time between consecutive orders, in days of 24 hours: the span from the first to
     * the last order divided by one less than the number of orders; empty for a single order.
     */
    public OptionalDouble averageDaysBetweenOrders() {
        if (orders < 2) {
            return OptionalDouble.empty();
        }
        Duration span = Duration.between(firstOrderAt, lastOrderAt);
        double seconds = span.getSeconds() + span.getNano() / 1e9;
        return OptionalDouble.of(seconds / SECONDS_PER_DAY / (orders - 1));
    }
}
