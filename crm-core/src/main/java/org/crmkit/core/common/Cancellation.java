package org.crmkit.core.common;

/**
 * Lets a host stop long work from another thread. The work checks it between steps and stops with
 * a {@link CancelledException}; what it kept is stated by each operation. Thread-safe.
 */
public final class Cancellation {
    private volatile boolean cancelled;

    /** Creates a token that is not yet cancelled. */
    public Cancellation() {}

    /** A token that is never cancelled. */
    public static Cancellation none() {
        return new Cancellation();
    }

    /** Asks the work to stop at its next check. */
    public void cancel() {
        cancelled = true;
    }

    /** Whether {@link #cancel()} was called. */
    public boolean isCancelled() {
        return cancelled;
    }

    /** Throws {@link CancelledException} when cancelled. */
    public void throwIfCancelled(String work) {
        if (cancelled) {
            throw new CancelledException(work + " was cancelled");
        }
    }
}
