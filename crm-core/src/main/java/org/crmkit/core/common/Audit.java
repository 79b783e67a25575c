package org.crmkit.core.common;

import java.time.Instant;

/**
 * When an aggregate was created and last changed, and by whom; times come from the injected clock.
 *
 * @param createdAt when the aggregate was created
 * @param createdBy who created it
 * @param updatedAt when it was last changed (equal to {@code createdAt} until then)
 * @param updatedBy who changed it last
 */
public record Audit(Instant createdAt, Actor createdBy, Instant updatedAt, Actor updatedBy) {

    /** Validates the audit. */
    public Audit {
        ValidationException.requireNonNull(createdAt, "audit.createdAt");
        ValidationException.requireNonNull(createdBy, "audit.createdBy");
        ValidationException.requireNonNull(updatedAt, "audit.updatedAt");
        ValidationException.requireNonNull(updatedBy, "audit.updatedBy");
    }

    /** The audit of something just created. */
    public static Audit created(Instant at, Actor by) {
        return new Audit(at, by, at, by);
    }

    /** This audit after a change at {@code at} by {@code by}. */
    public Audit changed(Instant at, Actor by) {
        return new Audit(createdAt, createdBy, at, by);
    }
}
