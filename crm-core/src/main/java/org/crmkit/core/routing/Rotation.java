package org.crmkit.core.routing;

import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.ValidationException;

/**
 * Whose turn it was last in one team: the only state routing keeps. Stored per tenant and team with
 * a version, so concurrent turns are serialised by optimistic locking.
 *
 * @param team the team
 * @param last who took the latest turn
 * @param version the stored version; 0 for a rotation not stored yet
 */
public record Rotation(TeamId team, StaffId last, long version) {

    /** Validates the rotation. */
    public Rotation {
        ValidationException.requireNonNull(team, "rotation.team");
        ValidationException.requireNonNull(last, "rotation.last");
        if (version < 0) {
            throw new ValidationException("rotation.version", "must not be negative, was " + version);
        }
    }

    /** This rotation after {@code member} took a turn, at the same version (the store bumps it). */
    public Rotation turnTakenBy(StaffId member) {
        return new Rotation(team, member, version);
    }
}
