package org.crmkit.core.customer;

import org.crmkit.core.common.ValidationException;

/**
 * Turns a phone number as a user typed it into its canonical {@link PhoneNumber}, so that matching
 * and duplicate detection see one number however it was written. A port: the built-in rules strip
 * separators, read {@code +} and {@code 00} as the international prefix and, with a default country,
 * replace a national trunk {@code 0}; a host that needs each country's numbering plan plugs in an
 * implementation over libphonenumber.
 *
 * <p>Implementations must be thread-safe and idempotent (a canonical number normalises to itself).
 */
@FunctionalInterface
public interface PhoneNormalizer {

    /**
     * Normalises {@code raw}.
     *
     * @throws ValidationException naming {@code phone} when the text is not a phone number
     */
    PhoneNumber normalize(String raw);

    /** Accepts international numbers only ({@code +…} or {@code 00…}). */
    static PhoneNormalizer international() {
        return new SimplePhoneNormalizer("");
    }

    /**
     * Accepts international numbers and national ones of the country whose calling code is
     * {@code countryCallingCode} (such as {@code "84"} for Viet Nam, {@code "49"} for Germany).
     */
    static PhoneNormalizer withDefaultCountry(String countryCallingCode) {
        if (countryCallingCode == null || !countryCallingCode.matches("[1-9][0-9]{0,2}")) {
            throw new ValidationException("countryCallingCode", "must be 1-3 digits, as in 84 or 49");
        }
        return new SimplePhoneNormalizer(countryCallingCode);
    }
}
