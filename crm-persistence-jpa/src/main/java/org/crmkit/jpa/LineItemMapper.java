package org.crmkit.jpa;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.crmkit.core.common.Money;
import org.crmkit.core.sales.LineItem;
import org.crmkit.jpa.internal.LineValue;

/**
 * Maps a line item of an opportunity or an order to and from its columns. Every number is written
 * at the scale of its column (4 decimals), the scale the database hands back, so that a value read
 * and written again compares equal and a save changes only the lines that did change. Stateless.
 */
final class LineItemMapper {
    /** The scale of every number column of a line. */
    static final int SCALE = 4;

    private LineItemMapper() {}

    /** The columns of {@code line}, with its total. */
    static LineValue value(LineItem line) {
        return new LineValue(
                line.product(),
                scaled(line.quantity()),
                scaled(line.unitPrice().amount()),
                line.unitPrice().currency().getCurrencyCode(),
                scaled(line.discount()),
                scaled(line.total().amount()));
    }

    /** The line item that {@code value}'s columns hold. */
    static LineItem line(LineValue value) {
        return line(
                value.getProduct(),
                value.getQuantity(),
                value.getUnitPrice(),
                value.getCurrency(),
                value.getDiscount());
    }

    /** The line item these columns hold. */
    static LineItem line(
            String product, BigDecimal quantity, BigDecimal unitPrice, String currency, BigDecimal discount) {
        return new LineItem(product, quantity, Money.of(unitPrice, Money.currency(currency)), discount);
    }

    /**
     * {@code amount} at the scale of a {@code NUMERIC(38, 4)} column; exact, since a {@link Money}
     * has at most 4 decimals.
     */
    static BigDecimal scaled(BigDecimal amount) {
        return amount == null ? null : amount.setScale(SCALE, RoundingMode.UNNECESSARY);
    }
}
