package org.crmkit.core.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.ValidationException;

/**
 * The sales of one group of orders in one period, in one currency: revenue, order count, and the
 * cost and revenue of those orders whose cost is known, so that the margin stays honest when some
 * orders lack a cost.
 *
 * @param periodStart the first day of the period (the report's first day for a period it cuts short)
 * @param key the group, as text: {@link #NO_KEY} for {@link SalesDimension#TOTAL}, for customers
 *     without an owner and for orders without a channel; otherwise the customer id ({@link
 *     java.util.UUID#toString()}), the owner's {@link org.crmkit.core.common.StaffId#value()}, the
 *     product reference or the {@link org.crmkit.core.common.Channel} name
 * @param revenue the sum of the order totals (per product: of its line totals)
 * @param orders how many orders (per product: with that product), at least one
 * @param cost the sum of the known costs; zero per product
 * @param costedRevenue the revenue of the orders whose cost is known; zero per product
 */
public record SalesFigure(
        LocalDate periodStart, String key, Money revenue, long orders, Money cost, Money costedRevenue) {
    /** The key of a figure without a group: the total, customers without owner, orders without channel. */
    public static final String NO_KEY = "";

    /** Checks that the parts are present, of one currency, and the count positive. */
    public SalesFigure {
        ValidationException.requireNonNull(periodStart, "periodStart");
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

    /** The revenue of the orders whose cost is known, less that cost. */
    public Money margin() {
        return costedRevenue.minus(cost);
    }

    /** The revenue per order, rounded half-even to the currency's minor unit. */
    public Money averageOrderValue() {
        int scale = revenue.amount().scale();
        return Money.of(
                revenue.amount().divide(BigDecimal.valueOf(orders), scale, java.math.RoundingMode.HALF_EVEN),
                revenue.currency());
    }
}
