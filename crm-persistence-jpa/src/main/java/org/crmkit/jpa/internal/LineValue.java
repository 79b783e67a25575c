package org.crmkit.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The columns of one line item of an opportunity or an order: the product, the quantity and the
 * discount to 4 decimals, the unit price in its currency, and the line's total (derived, stored for
 * analysis in SQL). Immutable once made; the store replaces a changed line's value whole. Not part of
 * CRMKit's API.
 */
@Embeddable
public class LineValue {
    @Column(name = "product", nullable = false, length = 128)
    private String product;

    @Column(name = "quantity", nullable = false, precision = 19, scale = 4)
    private BigDecimal quantity;

    @Column(name = "unit_price", nullable = false, precision = 38, scale = 4)
    private BigDecimal unitPrice;

    @Column(name = "currency", nullable = false, length = 3)
    private String currency;

    @Column(name = "discount", nullable = false, precision = 5, scale = 4)
    private BigDecimal discount;

    @Column(name = "total", nullable = false, precision = 38, scale = 4)
    private BigDecimal total;

    /** For the persistence provider. */
    protected LineValue() {}

    /** A line with these columns. */
    public LineValue(
            String product,
            BigDecimal quantity,
            BigDecimal unitPrice,
            String currency,
            BigDecimal discount,
            BigDecimal total) {
        this.product = product;
        this.quantity = quantity;
        this.unitPrice = unitPrice;
        this.currency = currency;
        this.discount = discount;
        this.total = total;
    }

    /** The host's product reference. */
    public String getProduct() {
        return product;
    }

    /** How many, to 4 decimals. */
    public BigDecimal getQuantity() {
        return quantity;
    }

    /** The price of one, in {@link #getCurrency()}. */
    public BigDecimal getUnitPrice() {
        return unitPrice;
    }

    /** The ISO 4217 code of the price's and the total's currency. */
    public String getCurrency() {
        return currency;
    }

    /** The share taken off, from 0 to 1, to 4 decimals. */
    public BigDecimal getDiscount() {
        return discount;
    }

    /** What the line costs, rounded to the currency's minor unit. */
    public BigDecimal getTotal() {
        return total;
    }

    /** Equal when every column holds an equal number (scale aside) or text. */
    @Override
    public boolean equals(Object o) {
        return o instanceof LineValue v
                && Objects.equals(product, v.product)
                && same(quantity, v.quantity)
                && same(unitPrice, v.unitPrice)
                && Objects.equals(currency, v.currency)
                && same(discount, v.discount)
                && same(total, v.total);
    }

    @Override
    public int hashCode() {
        return Objects.hash(product, currency);
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
