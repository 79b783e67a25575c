package org.crmkit.core.sales;

import org.crmkit.core.common.Money;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.CustomerId;

/**
 * What one customer bought in one currency over a span of time: the sum of the order totals and
 * how many orders.
 *
 * @param customer the customer
 * @param revenue the sum of the totals of the customer's orders in that currency
 * @param orders how many such orders, at least one
 */
public record CustomerRevenue(CustomerId customer, Money revenue, long orders) {

    /** Checks the parts. */
    public CustomerRevenue {
        ValidationException.requireNonNull(customer, "customer");
        ValidationException.requireNonNull(revenue, "revenue");
        if (orders < 1) {
            throw new ValidationException("orders", "must be at least 1, was " + orders);
        }
    }
}
