package org.crmkit.core.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * An amount of one currency. Never a floating-point number: the amount is a {@link BigDecimal}
 * scaled to the currency's minor unit (two places for EUR, none for JPY), rounded half-even.
 * Arithmetic refuses to mix currencies; converting is always an explicit step.
 *
 * @param amount the amount, scaled to the currency's minor unit
 * @param currency the ISO 4217 currency
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {
    /** The most digits an amount may have, so that a store's {@code NUMERIC(38, 4)} column holds it. */
    public static final int MAX_PRECISION = 34;

    /** Validates and scales the amount. */
    public Money {
        ValidationException.requireNonNull(amount, "money.amount");
        ValidationException.requireNonNull(currency, "money.currency");
        amount = amount.setScale(scaleOf(currency), RoundingMode.HALF_EVEN);
        if (amount.precision() > MAX_PRECISION) {
            throw new ValidationException("money.amount", "must have at most " + MAX_PRECISION + " digits");
        }
    }

    /** Returns {@code amount} of the currency with the ISO 4217 code {@code currencyCode}. */
    public static Money of(String amount, String currencyCode) {
        ValidationException.requireNonNull(amount, "money.amount");
        try {
            return new Money(new BigDecimal(amount.strip()), currency(currencyCode));
        } catch (NumberFormatException e) {
            throw new ValidationException("money.amount", "is not a decimal number: '" + amount + "'");
        }
    }

    /** Returns {@code amount} of {@code currency}. */
    public static Money of(BigDecimal amount, Currency currency) {
        return new Money(amount, currency);
    }

    /** Returns zero of {@code currency}. */
    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** Looks up an ISO 4217 currency, naming the field when the code is unknown. */
    public static Currency currency(String code) {
        ValidationException.requireNonNull(code, "money.currency");
        try {
            return Currency.getInstance(code.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("money.currency", "is not an ISO 4217 currency code: '" + code + "'");
        }
    }

    /** Returns the sum; refuses a different currency. */
    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    /** Returns the difference; refuses a different currency. */
    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    /** Returns this amount multiplied by {@code factor}, rounded half-even to the minor unit. */
    public Money times(BigDecimal factor) {
        ValidationException.requireNonNull(factor, "factor");
        return new Money(amount.multiply(factor), currency);
    }

    /** Returns this amount multiplied by {@code factor}. */
    public Money times(long factor) {
        return new Money(amount.multiply(BigDecimal.valueOf(factor)), currency);
    }

    /** Returns the amount with the opposite sign. */
    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    /** Whether the amount is zero. */
    public boolean isZero() {
        return amount.signum() == 0;
    }

    /** Whether the amount is below zero. */
    public boolean isNegative() {
        return amount.signum() < 0;
    }

    /** Compares amounts of the same currency; refuses a different currency. */
    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    private void requireSameCurrency(Money other) {
        ValidationException.requireNonNull(other, "money");
        if (!currency.equals(other.currency)) {
            throw new ValidationException(
                    "money.currency",
                    "cannot combine " + currency.getCurrencyCode() + " with " + other.currency.getCurrencyCode()
                            + " without an explicit conversion");
        }
    }

    private static int scaleOf(Currency currency) {
        int digits = currency.getDefaultFractionDigits();
        return digits < 0 ? 4 : digits; // pseudo-currencies such as XAU have no minor unit
    }

    /** Formats as {@code "12.50 EUR"}. */
    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
