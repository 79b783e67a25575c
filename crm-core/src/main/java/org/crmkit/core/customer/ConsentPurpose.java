package org.crmkit.core.customer;

import java.util.regex.Pattern;
import org.crmkit.core.common.ValidationException;

/**
 * What a customer agrees (or not) to be contacted for. The common purposes are constants; a tenant
 * may use its own codes.
 *
 * @param code lower-case letters, digits, {@code _} or {@code -}, 1–40 characters
 */
public record ConsentPurpose(String code) {
    private static final Pattern CODE = Pattern.compile("[a-z0-9_\\-]{1,40}");

    /** Offers, newsletters and other promotion. */
    public static final ConsentPurpose MARKETING = new ConsentPurpose("marketing");
    /** Messages about the customer's own orders, requests and appointments. */
    public static final ConsentPurpose SERVICE = new ConsentPurpose("service");
    /** Greetings on birthdays and holidays. */
    public static final ConsentPurpose GREETINGS = new ConsentPurpose("greetings");
    /** Surveys and feedback requests. */
    public static final ConsentPurpose SURVEYS = new ConsentPurpose("surveys");

    /** Validates the code. */
    public ConsentPurpose {
        ValidationException.requireNonNull(code, "consent.purpose");
        if (!CODE.matcher(code).matches()) {
            throw new ValidationException(
                    "consent.purpose", "'" + code + "' must be 1-40 lower-case letters, digits, '_' or '-'");
        }
    }

    /** Returns the purpose with this code. */
    public static ConsentPurpose of(String code) {
        return new ConsentPurpose(code);
    }

    @Override
    public String toString() {
        return code;
    }
}
