package org.crmkit.core.customer;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.crmkit.core.common.ValidationException;

/**
 * A postal address in the free shape addresses have across the world. Absent parts are empty
 * strings.
 *
 * @param lines street, house, building, apartment: one to four lines
 * @param city city, town or village; may be empty where the lines hold it
 * @param region state, province or oblast, or empty
 * @param postalCode postal code, or empty
 * @param country ISO 3166-1 alpha-2 country code, upper case, such as {@code "VN"}
 */
public record PostalAddress(List<String> lines, String city, String region, String postalCode, String country) {
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /** Validates and strips the parts. */
    public PostalAddress {
        ValidationException.requireNonNull(lines, "address.lines");
        if (lines.isEmpty() || lines.size() > 4) {
            throw new ValidationException("address.lines", "must hold one to four lines");
        }
        lines = lines.stream()
                .map(line -> ValidationException.requireText(line, "address.lines", 200))
                .toList();
        city = optional(city, "address.city", 100);
        region = optional(region, "address.region", 100);
        postalCode = optional(postalCode, "address.postalCode", 20);
        ValidationException.requireNonNull(country, "address.country");
        country = country.strip().toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(country)) {
            throw new ValidationException("address.country", "'" + country + "' is not an ISO 3166-1 alpha-2 code");
        }
    }

    /** An address of one line in {@code city}, {@code country}. */
    public static PostalAddress of(String line, String postalCode, String city, String country) {
        return new PostalAddress(List.of(line), city, "", postalCode, country);
    }

    private static String optional(String value, String field, int max) {
        return value == null || value.isBlank() ? "" : ValidationException.requireText(value, field, max);
    }
}
