package org.crmkit.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.crmkit.core.common.ConcurrentUpdateException;
import org.crmkit.core.common.CrmException;
import org.crmkit.core.common.StoreUnavailableException;

/**
 * Runs the store's work on connections from the host's {@link DataSource}: units of work bound to
 * the calling thread, and single repository calls that join the current unit or form their own.
 *
 * <p>Rules, in one place:
 *
 * <ul>
 *   <li>{@link #inTransaction} takes one connection, switches auto-commit off, binds it to the thread
 *       and commits when the work returns; any exception rolls the whole unit back. A nested call
 *       joins the outer unit.
 *   <li>Outside a unit, {@link #write} is its own unit (and is run again, up to three times, when the
 *       database gave it up over a deadlock or lock timeout); {@link #read} runs on an auto-commit
 *       connection.
 *   <li>Inside a unit, a failed statement marks the unit as failed: the database may have undone
 *       part of it (PostgreSQL refuses every later statement, MariaDB rolls a deadlocked
 *       transaction back whole), so later statements are refused and the end of the unit rolls back
 *       and throws, rather than commit half of it. {@link #writeAtomically} uses a savepoint
 *       instead, so its failure leaves the unit as it was.
 * </ul>
 *
 * <p>Thread-safe; each unit of work belongs to the thread that opened it.
 */
final class Transactor {
    private static final int ATTEMPTS = 3;

    private final DataSource dataSource;
    private final boolean readCommitted;
    private final ThreadLocal<Unit> current = new ThreadLocal<>();

    /**
     * @param readCommitted whether units of work switch their connection to READ COMMITTED (and
     *     back afterwards): MariaDB's default, REPEATABLE READ, would let a duplicate check that
     *     waited for another writer's lock still read the snapshot taken before it waited
     */
    Transactor(DataSource dataSource, boolean readCommitted) {
        this.dataSource = dataSource;
        this.readCommitted = readCommitted;
    }

    /** Work on a connection that may throw {@link SQLException}. */
    @FunctionalInterface
    interface SqlWork<T> {
        /** Does the work on {@code connection}. */
        T run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} as one unit of work, or as part of the current one. */
    <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        Unit unit = Unit.open(dataSource, readCommitted, "starting a unit of work");
        current.set(unit);
        try {
            T result = work.get();
            unit.commit();
            return result;
        } catch (RuntimeException | Error e) {
            unit.rollbackQuietly(e);
            throw e;
        } finally {
            current.remove();
            unit.close();
        }
    }

    /** Whether the calling thread runs a unit of work. */
    boolean inUnit() {
        return current.get() != null;
    }

    /** Runs a read: in the current unit of work, else on a connection of its own. */
    <T> T read(String what, SqlWork<T> work) {
        Unit unit = current.get();
        if (unit != null) {
            return unit.run(what, work);
        }
        Connection connection = connect(what);
        try {
            T result = work.run(connection);
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            return result;
        } catch (SQLException e) {
            throw SqlErrors.translate(e, what);
        } finally {
            closeQuietly(connection);
        }
    }

    /**
     * Runs a write: in the current unit of work, else as a unit of its own.
     *
     * @param onConflict the exception to throw when the database gives the write up over concurrent
     *     work (deadlock, lock timeout) and retrying did not help; null for the generic one
     */
    <T> T write(String what, Supplier<ConcurrentUpdateException> onConflict, SqlWork<T> work) {
        Unit unit = current.get();
        if (unit != null) {
            try {
                return unit.run(what, work);
            } catch (StoreUnavailableException e) {
                throw conflictOr(e, onConflict);
            }
        }
        for (int attempt = 1; ; attempt++) {
            Unit own = Unit.open(dataSource, readCommitted, what);
            try {
                T result = own.runOwn(work);
                own.commit();
                return result;
            } catch (SQLException e) {
                own.rollbackQuietly(e);
                if (attempt < ATTEMPTS && SqlErrors.isTransactionConflict(e)) {
                    pause(attempt);
                    continue;
                }
                throw conflictOr(SqlErrors.translate(e, what), onConflict);
            } catch (RuntimeException | Error e) {
                own.rollbackQuietly(e);
                throw e;
            } finally {
                own.close();
            }
        }
    }

    /**
     * Runs a write that must take effect whole or not at all: inside a unit of work it runs under a
     * savepoint and is undone to it when it fails, so the unit stays usable; outside it is a unit
     * of its own.
     */
    <T> T writeAtomically(String what, SqlWork<T> work) {
        Unit unit = current.get();
        if (unit == null) {
            return write(what, null, work);
        }
        return unit.run(what, connection -> {
            Savepoint savepoint = connection.setSavepoint();
            try {
                T result = work.run(connection);
                connection.releaseSavepoint(savepoint);
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                try {
                    connection.rollback(savepoint);
                } catch (SQLException undo) {
                    e.addSuppressed(undo);
                    throw e instanceof SQLException sql ? sql : undo;
                }
                if (e instanceof SQLException sql) {
                    // undone to the savepoint: the unit itself has not failed
                    throw new UndoneException(SqlErrors.translate(sql, what));
                }
                throw e;
            }
        });
    }

    private static CrmException conflictOr(CrmException e, Supplier<ConcurrentUpdateException> onConflict) {
        if (onConflict != null
                && e.getCause() instanceof SQLException sql
                && SqlErrors.isTransactionConflict(sql)
                && !SqlErrors.isConnectionFailure(sql)) {
            ConcurrentUpdateException conflict = onConflict.get();
            conflict.initCause(sql);
            return conflict;
        }
        return e;
    }

    private Connection connect(String what) {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw SqlErrors.translate(e, what);
        }
    }

    /** Waits a little longer after each failed attempt, with jitter, so that competing callers spread out. */
    static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(5, 20) * (long) attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException | RuntimeException ignored) {
            // the connection is gone either way; the pool or the driver logs it
        }
    }

    /** Carries a failure that a savepoint has already undone, so the unit does not count it. */
    private static final class UndoneException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UndoneException(CrmException translated) {
            super(translated);
        }

        CrmException translated() {
            return (CrmException) getCause();
        }
    }

    /** One connection with auto-commit off, and whether a statement on it has failed. */
    private static final class Unit {
        private final Connection connection;
        private final boolean autoCommitBefore;
        private final int isolationBefore;
        private SQLException failure;

        private Unit(Connection connection, boolean autoCommitBefore, int isolationBefore) {
            this.connection = connection;
            this.autoCommitBefore = autoCommitBefore;
            this.isolationBefore = isolationBefore;
        }

        static Unit open(DataSource dataSource, boolean readCommitted, String what) {
            Connection connection;
            try {
                connection = dataSource.getConnection();
            } catch (SQLException e) {
                throw SqlErrors.translate(e, what);
            }
            try {
                boolean autoCommit = connection.getAutoCommit();
                if (autoCommit) {
                    connection.setAutoCommit(false);
                }
                int isolation = Connection.TRANSACTION_NONE;
                if (readCommitted) {
                    int before = connection.getTransactionIsolation();
                    if (before != Connection.TRANSACTION_READ_COMMITTED) {
                        connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                        isolation = before;
                    }
                }
                return new Unit(connection, autoCommit, isolation);
            } catch (SQLException e) {
                closeQuietly(connection);
                throw SqlErrors.translate(e, what);
            }
        }

        /** Runs work that joins this unit; a failed statement marks the unit as failed. */
        <T> T run(String what, SqlWork<T> work) {
            if (failure != null) {
                throw new StoreUnavailableException(
                        "The unit of work cannot go on after a failed statement; it will be rolled back ("
                                + SqlErrors.describe(failure) + ")",
                        failure);
            }
            try {
                return work.run(connection);
            } catch (UndoneException e) {
                throw e.translated();
            } catch (SQLException e) {
                failure = e;
                throw SqlErrors.translate(e, what);
            }
        }

        /** Runs work in this unit, which the caller owns and ends. */
        <T> T runOwn(SqlWork<T> work) throws SQLException {
            try {
                return work.run(connection);
            } catch (UndoneException e) {
                throw e.translated();
            }
        }

        void commit() {
            if (failure != null) {
                rollbackQuietly(failure);
                throw new StoreUnavailableException(
                        "The unit of work was rolled back because a statement in it failed ("
                                + SqlErrors.describe(failure) + ")",
                        failure);
            }
            try {
                connection.commit();
            } catch (SQLException e) {
                failure = e;
                throw SqlErrors.translate(e, "committing the unit of work");
            }
        }

        void rollbackQuietly(Throwable reason) {
            try {
                connection.rollback();
            } catch (SQLException | RuntimeException e) {
                if (e != reason) {
                    reason.addSuppressed(e);
                }
            }
        }

        void close() {
            if (isolationBefore != Connection.TRANSACTION_NONE) {
                try {
                    connection.setTransactionIsolation(isolationBefore);
                } catch (SQLException | RuntimeException ignored) {
                    // closing below; a pool resets the isolation level itself
                }
            }
            if (autoCommitBefore) {
                try {
                    connection.setAutoCommit(true);
                } catch (SQLException | RuntimeException ignored) {
                    // closing below; a pool resets auto-commit itself
                }
            }
            closeQuietly(connection);
        }
    }
}
