package org.crmkit.core.customer;

import java.util.regex.Pattern;
import org.crmkit.core.common.ValidationException;

/**
 * A phone number in its canonical form for matching: {@code +}, the country calling code and the
 * national number, digits only (E.164), such as {@code +84912345678}. Make one from what a user
 * typed with a {@link PhoneNormalizer}.
 *
 * @param value the canonical number
 */
public record PhoneNumber(String value) {
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    /** Validates the canonical form. */
    public PhoneNumber {
        ValidationException.requireNonNull(value, "phone");
        if (!E164.matcher(value).matches()) {
            throw new ValidationException(
                    "phone", "'" + value + "' is not a canonical phone number (+, country code, 7-15 digits)");
        }
    }

    /**
     * Parses an international number as people write it ({@code +84 91 234-56-78},
     * {@code 0049 (30) 1234567}); for national numbers use a {@link PhoneNormalizer} with a
     * default country.
     */
    public static PhoneNumber of(String text) {
        return PhoneNormalizer.international().normalize(text);
    }

    @Override
    public String toString() {
        return value;
    }
}
