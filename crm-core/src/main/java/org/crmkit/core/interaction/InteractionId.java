package org.crmkit.core.interaction;

import java.util.UUID;
import org.crmkit.core.common.Ids;
import org.crmkit.core.common.ValidationException;

/**
 * Identifies an interaction within its tenant.
 *
 * @param value a time-ordered UUID
 */
public record InteractionId(UUID value) {

    /** Validates the id. */
    public InteractionId {
        ValidationException.requireNonNull(value, "interactionId");
    }

    /** Parses the textual form of an interaction id. */
    public static InteractionId parse(String text) {
        return new InteractionId(Ids.parse(text, "interactionId"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
