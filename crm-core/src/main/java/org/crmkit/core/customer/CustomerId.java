package org.crmkit.core.customer;

import java.util.UUID;
import org.crmkit.core.common.Ids;
import org.crmkit.core.common.ValidationException;

/**
 * Identifies a customer within its tenant.
 *
 * @param value a time-ordered UUID
 */
public record CustomerId(UUID value) {

    /** Validates the id. */
    public CustomerId {
        ValidationException.requireNonNull(value, "customerId");
    }

    /** Parses the textual form of a customer id. */
    public static CustomerId parse(String text) {
        return new CustomerId(Ids.parse(text, "customerId"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
