package org.crmkit.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.function.Supplier;
import org.crmkit.core.common.ConcurrentUpdateException;
import org.crmkit.core.common.NotFoundException;

/**
 * The optimistic INSERT and UPDATE of one aggregate row that the request, task and rotation
 * repositories share, so that a taken key or a stale version is a {@link ConcurrentUpdateException}
 * that leaves the unit of work usable.
 */
final class VersionedRows {
    private VersionedRows() {}

    /**
     * Runs {@code insert}, an INSERT of one row ending in {@link JdbcDialect#onConflictDoNothing()},
     * and throws {@code conflict} when a unique key (the primary key or another) holds its value.
     */
    static void insert(JdbcDialect dialect, PreparedStatement insert, Supplier<ConcurrentUpdateException> conflict)
            throws SQLException {
        int rows;
        try {
            rows = insert.executeUpdate();
        } catch (SQLException e) {
            if (SqlErrors.isUniqueViolation(e) && !dialect.abortsTransactionOnError()) {
                throw conflict.get(); // the failed INSERT undid only itself
            }
            throw e;
        }
        if (rows == 0) {
            throw conflict.get();
        }
    }

    /**
     * Runs {@code update}, an UPDATE of one row at its expected version, and throws {@code conflict}
     * when it matched no row but {@code exists} finds the row (a stale version) or when a unique key
     * refused the new values, and {@code missing} when the row is not stored.
     *
     * @param uniqueKeyMayRefuse whether the row has a value in a unique key besides the primary one,
     *     which another row may hold
     * @param inUnit whether the update joins a unit of work that must stay usable after a refusal
     * @param exists a query that selects the row by its key, whatever its version
     */
    static void update(
            Connection connection,
            JdbcDialect dialect,
            PreparedStatement update,
            boolean uniqueKeyMayRefuse,
            boolean inUnit,
            Sql exists,
            Supplier<ConcurrentUpdateException> conflict,
            Supplier<NotFoundException> missing)
            throws SQLException {
        Savepoint before =
                uniqueKeyMayRefuse && inUnit && dialect.abortsTransactionOnError() ? connection.setSavepoint() : null;
        int rows;
        try {
            rows = update.executeUpdate();
        } catch (SQLException e) {
            if (!SqlErrors.isUniqueViolation(e) || (dialect.abortsTransactionOnError() && inUnit && before == null)) {
                throw e;
            }
            if (before != null) {
                connection.rollback(before);
            }
            throw conflict.get();
        }
        if (before != null) {
            connection.releaseSavepoint(before);
        }
        if (rows == 0) {
            try (PreparedStatement statement = exists.prepare(connection, dialect);
                    ResultSet found = statement.executeQuery()) {
                throw found.next() ? conflict.get() : missing.get();
            }
        }
    }
}
