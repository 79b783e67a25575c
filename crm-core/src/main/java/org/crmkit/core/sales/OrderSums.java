package org.crmkit.core.sales;

import java.util.Currency;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.ValidationException;

/**
 * The raw sums of one group of orders in one period and one currency, as {@link
 * OrderRepository#sums} returns them; amounts of different currencies are never added.
 *
 * @param period the index of the period, from 0 (see {@link OrderSumsQuery#boundaries()})
 * @param key the group: {@code ""} for {@link OrderGrouping#TOTAL}; the customer id ({@link
 *     java.util.UUID#toString()}) for {@code CUSTOMER}; the owner's {@link
 *     org.crmkit.core.common.StaffId#value()}, or {@code ""} for customers without one, for {@code
 *     OWNER}; the product reference for {@code PRODUCT}; the {@link
 *     org.crmkit.core.common.Channel} name, or {@code ""} for orders without one, for {@code CHANNEL}
 * @param revenue the sum of the order totals (for {@code PRODUCT}, of the product's line totals)
 * @param orders how many orders (for {@code PRODUCT}, with the product), at least one
 * @param cost the sum of the known costs (zero for {@code PRODUCT})
 * @param costedRevenue the revenue of the orders whose cost is known (zero for {@code PRODUCT})
 */
public record OrderSums(int period, String key, Money revenue, long orders, Money cost, Money costedRevenue) {

    /** Checks that the parts are present, of one currency, and the counts positive. */
    public OrderSums {
        if (period < 0) {
            throw new ValidationException("period", "must not be negative, was " + period);
        }
        ValidationException.requireNonNull(key, "key");
        ValidationException.requireNonNull(revenue, "revenue");
        ValidationException.requireNonNull(cost, "cost");
        ValidationException.requireNonNull(costedRevenue, "costedRevenue");
        if (orders < 1) {
            throw new ValidationException("orders", "must be at least 1, was " + orders);
        }
        if (!cost.currency().equals(revenue.currency())
                || !costedRevenue.currency().equals(revenue.currency())) {
            throw new ValidationException("cost", "must be in the revenue's currency " + revenue.currency());
        }
    }

    /** The currency of every amount. */
    public Currency currency() {
        return revenue.currency();
    }
}
