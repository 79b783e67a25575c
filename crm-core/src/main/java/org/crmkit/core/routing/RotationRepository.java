package org.crmkit.core.routing;

import java.util.Optional;

/**
 * The port through which the {@link Rotation}s of <em>one tenant</em> are kept. No argument may be
 * null; nothing returned is null. Implementations are thread-safe and take part in the store's
 * current unit of work.
 */
public interface RotationRepository {

    /** The rotation of {@code team}; empty before the team's first turn. */
    Optional<Rotation> find(TeamId team);

    /**
     * The rotation of {@code team}, as {@link #find}, and the team's turn for the rest of the current
     * unit of work: a concurrent unit of work that asks for the same team waits until this one ends
     * (a SQL store reads the row {@code FOR UPDATE}). Before a team's first turn there is no row to
     * lock, so two first turns may race and the later {@link #save} fails with {@link
     * org.crmkit.core.common.ConcurrentUpdateException}, once. The default just finds the rotation,
     * which is right for a store that runs one unit of work at a time; a store that lets units of
     * work run side by side overrides it (the contract's eight-thread round-robin test fails without
     * it: optimistic retries alone starve under that contention).
     */
    default Optional<Rotation> lock(TeamId team) {
        return find(team);
    }

    /**
     * Stores {@code rotation}: inserts it when its version is 0, otherwise replaces the stored one if
     * that still has the same version.
     *
     * @return the rotation as stored, with its version one higher
     * @throws org.crmkit.core.common.ConcurrentUpdateException when the stored version differs (or,
     *     for version 0, a rotation of the team is already stored); nothing is written, and a SQL
     *     store's unit of work may be unusable after it
     * @throws org.crmkit.core.common.NotFoundException when a version above 0 is given for a team
     *     without a stored rotation
     */
    Rotation save(Rotation rotation);
}
