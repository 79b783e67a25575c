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

    /** Runs {@code work} in a unit of work. */
    default void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
