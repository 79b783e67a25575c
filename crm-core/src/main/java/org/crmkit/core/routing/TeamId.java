package org.crmkit.core.routing;

import org.crmkit.core.common.ValidationException;

/**
 * Names a team of staff within a tenant, as the host identifies it.
 *
 * @param value the host's id for the team, 1–128 characters
 */
public record TeamId(String value) {

    /** Validates the id. */
    public TeamId {
        value = ValidationException.requireText(value, "teamId", 128);
    }

    /** Returns the team with this id. */
    public static TeamId of(String value) {
        return new TeamId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
