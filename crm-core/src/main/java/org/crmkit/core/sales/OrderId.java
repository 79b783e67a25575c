package org.crmkit.core.sales;

import java.util.UUID;
import org.crmkit.core.common.Ids;
import org.crmkit.core.common.ValidationException;

/**
 * Identifies an order within its tenant.
 *
 * @param value a time-ordered UUID
 */
public record OrderId(UUID value) {

    /** Validates the id. */
    public OrderId {
        ValidationException.requireNonNull(value, "orderId");
    }

    /** Parses the textual form of the id. */
    public static OrderId parse(String text) {
        return new OrderId(Ids.parse(text, "orderId"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
