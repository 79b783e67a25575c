package org.crmkit.core.customer;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.ValidationException;

/** The value of a typed custom attribute on a customer: text, number, boolean, date or money. */
public sealed interface AttributeValue {

    /** The type of the value, for stores and for display. */
    Type type();

    /** The types a custom attribute can have. */
    enum Type {
        /** Free text. */
        TEXT,
        /** A decimal number. */
        NUMBER,
        /** Yes or no. */
        BOOLEAN,
        /** A calendar date. */
        DATE,
        /** An amount of money. */
        MONEY
    }

    /** A text value. */
    static Text of(String value) {
        return new Text(value);
    }

    /** A number value. */
    static Number of(BigDecimal value) {
        return new Number(value);
    }

    /** A number value. */
    static Number of(long value) {
        return new Number(BigDecimal.valueOf(value));
    }

    /** A boolean value. */
    static Bool of(boolean value) {
        return new Bool(value);
    }

    /** A date value. */
    static Date of(LocalDate value) {
        return new Date(value);
    }

    /** A money value. */
    static Amount of(Money value) {
        return new Amount(value);
    }

    /**
     * Free text, up to 4000 characters.
     *
     * @param value the text
     */
    record Text(String value) implements AttributeValue {
        /** Validates the text. */
        public Text {
            ValidationException.requireNonNull(value, "attribute");
            if (value.length() > 4000) {
                throw new ValidationException("attribute", "text must be at most 4000 characters");
            }
            ValidationException.requireStorableText(value, "attribute");
        }

        @Override
        public Type type() {
            return Type.TEXT;
        }
    }

    /**
     * A decimal number; trailing zeros are stripped so {@code 1.50} and {@code 1.5} are equal.
     *
     * @param value the number
     */
    record Number(BigDecimal value) implements AttributeValue {
        /** Validates and normalises the number. */
        public Number {
            ValidationException.requireNonNull(value, "attribute");
            value = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
            if (value.scale() < 0) {
                value = value.setScale(0);
            }
            if (value.precision() > 38 || value.scale() > 18) {
                throw new ValidationException(
                        "attribute", "number " + value + " is outside 38 digits with 18 decimals");
            }
        }

        @Override
        public Type type() {
            return Type.NUMBER;
        }
    }

    /**
     * Yes or no.
     *
     * @param value the flag
     */
    record Bool(boolean value) implements AttributeValue {
        @Override
        public Type type() {
            return Type.BOOLEAN;
        }
    }

    /**
     * A calendar date.
     *
     * @param value the date
     */
    record Date(LocalDate value) implements AttributeValue {
        /** Validates the date. */
        public Date {
            ValidationException.requireNonNull(value, "attribute");
        }

        @Override
        public Type type() {
            return Type.DATE;
        }
    }

    /**
     * An amount of money.
     *
     * @param value the amount
     */
    record Amount(Money value) implements AttributeValue {
        /** Validates the amount. */
        public Amount {
            ValidationException.requireNonNull(value, "attribute");
        }

        @Override
        public Type type() {
            return Type.MONEY;
        }
    }
}
