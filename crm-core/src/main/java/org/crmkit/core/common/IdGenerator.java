package org.crmkit.core.common;

import java.util.UUID;

/**
 * Hands out the UUIDs behind CRMKit's typed ids. The default, {@link #timeOrdered}, makes RFC 9562
 * version 7 UUIDs, which sort by creation time and so keep database indexes compact. Tests inject
 * a deterministic generator.
 *
 * <p>Implementations must be thread-safe and never return the same UUID twice.
 */
@FunctionalInterface
public interface IdGenerator {

    /** Returns a new, unique UUID. */
    UUID next();

    /** Returns a thread-safe generator of time-ordered (version 7) UUIDs on the given clock. */
    static IdGenerator timeOrdered(java.time.Clock clock) {
        return new UuidV7Generator(clock);
    }
}
