package org.crmkit.core.sales;

import java.math.BigDecimal;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.ValidationException;

/**
 * One line of an opportunity or an order: how much of which product at what price, less a discount.
 *
 * @param product the host's product reference (SKU, article number), 1–128 characters
 * @param quantity how many, positive, at most 4 decimals
 * @param unitPrice the price of one, not negative
 * @param discount the share taken off, from 0 to 1 with at most 4 decimals ({@code 0.15} is 15 %)
 */
public record LineItem(String product, BigDecimal quantity, Money unitPrice, BigDecimal discount) {
    private static final BigDecimal MAX_QUANTITY = new BigDecimal("1000000000000000");

    /** Validates the line. */
    public LineItem {
        product = ValidationException.requireText(product, "line.product", 128);
        ValidationException.requireNonNull(quantity, "line.quantity");
        if (quantity.signum() <= 0
                || quantity.stripTrailingZeros().scale() > 4
                || quantity.compareTo(MAX_QUANTITY) >= 0) {
            throw new ValidationException(
                    "line.quantity", "must be positive, below 10^15, with at most 4 decimals, was " + quantity);
        }
        quantity = quantity.stripTrailingZeros().setScale(4);
        ValidationException.requireNonNull(unitPrice, "line.unitPrice");
        if (unitPrice.isNegative()) {
            throw new ValidationException("line.unitPrice", "must not be negative, was " + unitPrice);
        }
        ValidationException.requireNonNull(discount, "line.discount");
        if (discount.signum() < 0
                || discount.compareTo(BigDecimal.ONE) > 0
                || discount.stripTrailingZeros().scale() > 4) {
            throw new ValidationException(
                    "line.discount", "must be from 0 to 1 with at most 4 decimals, was " + discount);
        }
        discount = discount.stripTrailingZeros().setScale(4);
    }

    /** {@code quantity} of {@code product} at {@code unitPrice}, without discount. */
    public static LineItem of(String product, String quantity, Money unitPrice) {
        return new LineItem(product, decimal(quantity, "line.quantity"), unitPrice, BigDecimal.ZERO);
    }

    /** This line with {@code discount} (a share from 0 to 1) taken off. */
    public LineItem discounted(String discount) {
        return new LineItem(product, quantity, unitPrice, decimal(discount, "line.discount"));
    }

    /** What the line costs: price × quantity × (1 − discount), rounded half-even to the currency's minor unit. */
    public Money total() {
        return unitPrice.times(quantity.multiply(BigDecimal.ONE.subtract(discount)));
    }

    private static BigDecimal decimal(String text, String field) {
        ValidationException.requireNonNull(text, field);
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new ValidationException(field, "is not a decimal number: '" + text + "'");
        }
    }
}
