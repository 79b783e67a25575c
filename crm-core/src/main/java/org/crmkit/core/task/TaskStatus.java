package org.crmkit.core.task;

/**
 * Where a task stands: open until done or cancelled; a done or cancelled task may be reopened.
 */
public enum TaskStatus {
    /** To be done. */
    OPEN,
    /** Done. */
    DONE,
    /** Not to be done. */
    CANCELLED;

    /** Whether a task may move from this status to {@code next}. */
    public boolean canMoveTo(TaskStatus next) {
        return this == OPEN ? next != OPEN : next == OPEN;
    }
}
