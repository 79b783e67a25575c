package org.crmkit.core.sales;

import java.util.UUID;
import org.crmkit.core.common.Ids;
import org.crmkit.core.common.ValidationException;

/**
 * Identifies an opportunity within its tenant.
 *
 * @param value a time-ordered UUID
 */
public record OpportunityId(UUID value) {

    /** Validates the id. */
    public OpportunityId {
        ValidationException.requireNonNull(value, "opportunityId");
    }

    /** Parses the textual form of the id. */
    public static OpportunityId parse(String text) {
        return new OpportunityId(Ids.parse(text, "opportunityId"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
