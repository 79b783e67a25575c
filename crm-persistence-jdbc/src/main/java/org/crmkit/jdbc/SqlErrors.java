package org.crmkit.jdbc;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.crmkit.core.common.CrmException;
import org.crmkit.core.common.StoreUnavailableException;
import org.crmkit.core.common.ValidationException;

/**
 * Reads what an {@link SQLException} means on H2, PostgreSQL and MariaDB, and turns it into the
 * {@link CrmException} a host sees. Nothing here lets an {@code SQLException} out. Stateless.
 */
final class SqlErrors {
    /** H2's own codes for a lost or closed database connection. */
    private static final Set<Integer> H2_CONNECTION_CODES = Set.of(90067, 90098, 90121, 90108);
    /** MariaDB's error code of a deadlock. */
    private static final int MARIADB_DEADLOCK = 1213;
    /** MariaDB's error code of a lock wait timeout. */
    private static final int MARIADB_LOCK_WAIT_TIMEOUT = 1205;
    /** MariaDB error code of a duplicate key. */
    private static final int MARIADB_DUPLICATE_KEY = 1062;
    /** H2's code for a row another transaction changed first. */
    private static final int H2_CONCURRENT_UPDATE = 90131;
    /** H2's code for a lock that could not be had in time. */
    private static final int H2_LOCK_TIMEOUT = 50200;

    private SqlErrors() {}

    /** Whether the failure says the database cannot be reached or the connection is gone. */
    static boolean isConnectionFailure(SQLException e) {
        for (SQLException each : chain(e)) {
            String state = each.getSQLState();
            if (each instanceof SQLTransientConnectionException
                    || each instanceof SQLNonTransientConnectionException
                    || each instanceof SQLRecoverableException
                    || (state != null
                            && (state.startsWith("08")
                                    || state.startsWith("53")
                                    || state.startsWith("57P")
                                    || state.startsWith("58")))
                    || H2_CONNECTION_CODES.contains(each.getErrorCode()) && isH2State(state)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the database gave up the transaction because of other transactions: a deadlock, a
     * serialization failure or a lock that could not be had in time. Retrying the whole unit of work
     * may succeed.
     */
    static boolean isTransactionConflict(SQLException e) {
        for (SQLException each : chain(e)) {
            String state = each.getSQLState();
            if (each instanceof SQLTransactionRollbackException
                    || (state != null && (state.startsWith("40") || state.equals("55P03")))
                    || each.getErrorCode() == MARIADB_DEADLOCK
                    || each.getErrorCode() == MARIADB_LOCK_WAIT_TIMEOUT
                    || each.getErrorCode() == H2_CONCURRENT_UPDATE
                    || each.getErrorCode() == H2_LOCK_TIMEOUT) {
                return true;
            }
        }
        return false;
    }

    /** Whether the failure is a primary key or unique index that already holds the value. */
    static boolean isUniqueViolation(SQLException e) {
        for (SQLException each : chain(e)) {
            String state = each.getSQLState();
            if ("23505".equals(state) || each.getErrorCode() == MARIADB_DUPLICATE_KEY) {
                return true;
            }
        }
        return false;
    }

    /** Whether the failure is a timeout of the statement itself. */
    static boolean isTimeout(SQLException e) {
        for (SQLException each : chain(e)) {
            String state = each.getSQLState();
            if (each instanceof SQLTimeoutException
                    || "57014".equals(state)
                    || (state != null && state.startsWith("HYT"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The exception a host sees for {@code e}, which happened while the store was doing {@code what}
     * (a phrase such as {@code "saving customer 0190…"}).
     */
    static CrmException translate(SQLException e, String what) {
        String detail = describe(e);
        if (isConnectionFailure(e)) {
            return new StoreUnavailableException(
                    "The database could not be reached while " + what + "; nothing of the unit of work was"
                            + " committed, try again later (" + detail + ")",
                    e);
        }
        if (isTransactionConflict(e) || isTimeout(e)) {
            return new StoreUnavailableException(
                    "The database gave up " + what + " because of concurrent work (a deadlock, lock timeout or"
                            + " serialization failure); the unit of work was rolled back, run it again (" + detail
                            + ")",
                    e);
        }
        String state = state(e);
        if (state.startsWith("22")) {
            ValidationException refused = new ValidationException(
                    "value", "the database refused a value while " + what + " (" + detail + ")");
            refused.initCause(e);
            return refused;
        }
        return new StoreUnavailableException("The database failed while " + what + " (" + detail + ")", e);
    }

    /** The first SQLState in the chain, or empty. */
    static String state(SQLException e) {
        for (SQLException each : chain(e)) {
            if (each.getSQLState() != null) {
                return each.getSQLState();
            }
        }
        return "";
    }

    /** A short text naming the SQLState and the driver's message, for exception messages. */
    static String describe(SQLException e) {
        SQLException deepest = e;
        for (SQLException each : chain(e)) {
            deepest = each;
            if (each.getSQLState() != null) {
                break;
            }
        }
        return "SQLState " + deepest.getSQLState() + ", error " + deepest.getErrorCode() + ": " + deepest.getMessage();
    }

    private static boolean isH2State(String state) {
        return state != null && state.startsWith("90");
    }

    /** {@code e}, the exceptions chained with {@code getNextException}, and SQL causes, at most ten. */
    private static Iterable<SQLException> chain(SQLException e) {
        java.util.List<SQLException> all = new java.util.ArrayList<>();
        java.util.ArrayDeque<Throwable> todo = new java.util.ArrayDeque<>();
        todo.add(e);
        while (!todo.isEmpty() && all.size() < 10) {
            Throwable next = todo.poll();
            if (next instanceof SQLException sql && !all.contains(sql)) {
                all.add(sql);
                if (sql.getNextException() != null) {
                    todo.add(sql.getNextException());
                }
            }
            if (next.getCause() != null && next.getCause() != next) {
                todo.add(next.getCause());
            }
        }
        return all;
    }
}
