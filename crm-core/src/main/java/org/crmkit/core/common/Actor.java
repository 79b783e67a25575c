package org.crmkit.core.common;

/**
 * Who made a change: a user of the host application or a system process (an import, a scheduler).
 * CRMKit records it on every change; the id is the host's own.
 *
 * @param kind whether a person or a process acted
 * @param id the host's id for the user or the name of the process, 1–128 characters
 */
public record Actor(Kind kind, String id) {

    /** Whether a person or a process acted. */
    public enum Kind {
        /** A person using the host application. */
        USER,
        /** A process acting on its own: import, scheduler, integration. */
        SYSTEM
    }

    /** Validates the actor. */
    public Actor {
        ValidationException.requireNonNull(kind, "actor.kind");
        id = ValidationException.requireText(id, "actor.id", 128);
    }

    /** A user of the host application. */
    public static Actor user(String id) {
        return new Actor(Kind.USER, id);
    }

    /** A process acting on its own, named for the log. */
    public static Actor system(String name) {
        return new Actor(Kind.SYSTEM, name);
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + id;
    }
}
