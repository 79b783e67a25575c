package org.crmkit.core.sales;

/**
 * How {@link OrderRepository#sums} splits the orders of each period: not at all, or by customer,
 * by the customer's current owner, by product (from the order lines) or by the order's channel.
 * The key each split gives is described at {@link OrderSums#key()}.
 */
public enum OrderGrouping {
    /** One group: every order of the period. */
    TOTAL,
    /** One group per customer; the key is the customer id. */
    CUSTOMER,
    /** One group per current owner of the customer; customers without one form the group {@code ""}. */
    OWNER,
    /**
     * One group per product of the order lines: revenue is the sum of those lines' totals, orders
     * the orders with such a line; cost is per order, so this split has none.
     */
    PRODUCT,
    /** One group per channel of the order; orders without one form the group {@code ""}. */
    CHANNEL
}
