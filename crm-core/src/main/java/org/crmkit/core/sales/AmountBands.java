package org.crmkit.core.sales;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.ValidationException;

/**
 * The amount bands of one currency in a {@link WinModel}: band 0 holds amounts up to the first
 * bound, band i those above bound i − 1 up to bound i, the last band those above the last bound.
 *
 * @param currency the currency
 * @param upperBounds the bounds, strictly ascending (none for a single band)
 */
public record AmountBands(Currency currency, List<BigDecimal> upperBounds) {

    /** Validates the bands. */
    public AmountBands {
        ValidationException.requireNonNull(currency, "bands.currency");
        upperBounds = List.copyOf(ValidationException.requireNonNull(upperBounds, "bands.upperBounds"));
        for (int i = 1; i < upperBounds.size(); i++) {
            if (upperBounds.get(i).compareTo(upperBounds.get(i - 1)) <= 0) {
                throw new ValidationException("bands.upperBounds[" + i + "]", "must be above the one before");
            }
        }
    }

    /** How many bands there are. */
    public int count() {
        return upperBounds.size() + 1;
    }

    /** The band {@code amount} falls in. */
    public int band(BigDecimal amount) {
        for (int i = 0; i < upperBounds.size(); i++) {
            if (amount.compareTo(upperBounds.get(i)) <= 0) {
                return i;
            }
        }
        return upperBounds.size();
    }

    /** The key of band {@code band}, as {@link FactorCount#value()} holds it. */
    public String key(int band) {
        return currency.getCurrencyCode() + ":" + band;
    }

    /** The band as a person reads it: {@code "≤ 2000.00 EUR"}, {@code "2000.00–3000.00 EUR"}, {@code "> 5000.00 EUR"}. */
    public String label(int band) {
        if (upperBounds.isEmpty()) {
            return "any amount in " + currency.getCurrencyCode();
        }
        if (band == 0) {
            return "≤ " + Money.of(upperBounds.get(0), currency);
        }
        if (band == upperBounds.size()) {
            return "> " + Money.of(upperBounds.get(band - 1), currency);
        }
        return Money.of(upperBounds.get(band - 1), currency).amount().toPlainString() + "–"
                + Money.of(upperBounds.get(band), currency);
    }
}
