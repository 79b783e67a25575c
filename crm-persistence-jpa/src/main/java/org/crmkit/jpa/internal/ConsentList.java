package org.crmkit.jpa.internal;

import java.util.List;
import org.crmkit.core.customer.Consent;

/**
 * A customer's consents as one value, stored as a JSON array by {@link ConsentListConverter}. Not
 * part of CRMKit's API.
 *
 * @param values the consents in the customer's order
 */
public record ConsentList(List<Consent> values) {

    /** Copies the consents. */
    public ConsentList {
        values = List.copyOf(values);
    }
}
