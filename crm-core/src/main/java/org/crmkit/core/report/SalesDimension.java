package org.crmkit.core.report;

import org.crmkit.core.sales.OrderGrouping;

/**
 * What sales figures are split by within each period. The key of each figure is described at
 * {@link SalesFigure#key()}.
 */
public enum SalesDimension {
    /** No split: one figure per period and currency. */
    TOTAL(OrderGrouping.TOTAL),
    /** Per customer. */
    CUSTOMER(OrderGrouping.CUSTOMER),
    /** Per current owner of the customer; customers without one form their own group. */
    OWNER(OrderGrouping.OWNER),
    /**
     * Per product of the order lines: revenue is the sum of the line totals, orders the orders with
     * the product; no cost or margin, as cost is known per order only.
     */
    PRODUCT(OrderGrouping.PRODUCT),
    /** Per channel the order was placed on; orders without one form their own group. */
    CHANNEL(OrderGrouping.CHANNEL);

    private final OrderGrouping grouping;

    SalesDimension(OrderGrouping grouping) {
        this.grouping = grouping;
    }

    /** The split the order port computes for this dimension. */
    OrderGrouping grouping() {
        return grouping;
    }
}
