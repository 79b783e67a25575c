package org.crmkit.core.customer;

import java.util.UUID;
import org.crmkit.core.common.Ids;
import org.crmkit.core.common.ValidationException;

/**
 * Identifies a relationship between two customers.
 *
 * @param value a time-ordered UUID
 */
public record RelationshipId(UUID value) {

    /** Validates the id. */
    public RelationshipId {
        ValidationException.requireNonNull(value, "relationshipId");
    }

    /** Parses the textual form of a relationship id. */
    public static RelationshipId parse(String text) {
        return new RelationshipId(Ids.parse(text, "relationshipId"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
