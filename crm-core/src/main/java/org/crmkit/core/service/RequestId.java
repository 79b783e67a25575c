package org.crmkit.core.service;

import java.util.UUID;
import org.crmkit.core.common.Ids;
import org.crmkit.core.common.ValidationException;

/**
 * Identifies a request within its tenant.
 *
 * @param value a time-ordered UUID
 */
public record RequestId(UUID value) {

    /** Validates the id. */
    public RequestId {
        ValidationException.requireNonNull(value, "requestId");
    }

    /** Parses the textual form of a request id. */
    public static RequestId parse(String text) {
        return new RequestId(Ids.parse(text, "requestId"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
