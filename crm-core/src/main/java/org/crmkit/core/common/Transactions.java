package org.crmkit.core.common;

import java.util.function.Supplier;

/**
 * Runs a unit of work atomically: every write in it commits together or none does. A call inside
 * another joins the outer unit of work; an exception rolls the whole outer unit back.
 *
 * <p>Implementations are thread-safe; a unit of work belongs to the thread that runs it.
 */
@FunctionalInterface
public interface Transactions {

    /**
     * Runs {@code work} in a unit of work and returns its result.
     *
     * @throws RuntimeException whatever {@code work} throws, after rolling back
     */
    <T> T inTransaction(Supplier<T> work);

    /**
     * Whether the calling thread is inside a unit of work that an outer call started. The default
     * says no; a store that can tell (a JDBC store inside {@code inTransaction}, a JPA store joined to
     * a host transaction) overrides it, and the facade's scope asks its store.
     */
    default boolean inUnitOfWork() {
        return false;
    }

    /**
     * Runs {@code work} as {@link #inTransaction(Supplier)} does and, when it fails with {@link
     * ConcurrentUpdateException} in a unit of work that this call started, runs it again in a new
     * one (up to {@value #CONFLICT_ATTEMPTS} times in all, pausing a few random milliseconds more
     * each time). Inside an outer unit of work the exception propagates, for the outer unit's owner
     * to retry. For work that re-reads what it changes, such as taking a turn in a team.
     */
    default <T> T inTransactionRetryingConflicts(Supplier<T> work) {
        boolean outermost = !inUnitOfWork();
        for (int attempt = 1; ; attempt++) {
            try {
                return inTransaction(work);
            } catch (ConcurrentUpdateException e) {
                if (!outermost || attempt >= CONFLICT_ATTEMPTS) {
                    throw e;
                }
                try {
                    Thread.sleep(
                            java.util.concurrent.ThreadLocalRandom.current().nextLong(1, 4L * attempt));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** How often {@link #inTransactionRetryingConflicts} runs work that keeps meeting conflicts. */
    int CONFLICT_ATTEMPTS = 10;

    /** Runs {@code work} in a unit of work. */
    default void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
