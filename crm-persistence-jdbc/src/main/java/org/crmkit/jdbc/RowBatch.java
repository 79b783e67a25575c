package org.crmkit.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Rows for one table, inserted with multi-row {@code INSERT … VALUES (…), (…)} statements of 64, 8
 * and 1 rows, each size sent as one JDBC batch: at most three round trips and three distinct
 * statements per table, whatever the number of rows. A database then runs one statement per 64
 * rows instead of one per row, which matters most on PostgreSQL. Not thread-safe; one per write.
 */
final class RowBatch {
    private static final int[] SIZES = {64, 8, 1};

    private final String insertInto;
    private final String rowPlaceholders;
    private final JdbcDialect dialect;
    private final List<Object[]> rows = new ArrayList<>();

    /**
     * Starts a batch for {@code table}.
     *
     * @param columns the column list, such as {@code "tenant_id, customer_id, tag"}
     * @param rowPlaceholders one row's placeholders, such as {@code "(?, ?, ?)"}
     */
    RowBatch(String table, String columns, String rowPlaceholders, JdbcDialect dialect) {
        this.insertInto = "INSERT INTO " + table + " (" + columns + ") VALUES ";
        this.rowPlaceholders = rowPlaceholders;
        this.dialect = dialect;
    }

    /** Adds one row, its values in column order (see {@link Sql#bind} for the types). */
    void add(Object... values) {
        rows.add(values);
    }

    /** How many rows were added. */
    int size() {
        return rows.size();
    }

    /** Inserts every row added. */
    void execute(Connection connection) throws SQLException {
        send(size -> connection.prepareStatement(sql(size)), (statement, size) -> {
            for (int count : statement.executeBatch()) {
                if (count != size && count != PreparedStatement.SUCCESS_NO_INFO) {
                    throw new SQLException(
                            "an INSERT of " + size + " rows wrote " + count + " (" + insertInto + ")", "CRM01");
                }
            }
        });
    }

    /**
     * Inserts every row added, each statement ending in {@code onConflict} (such as PostgreSQL's
     * {@code ON CONFLICT (…) DO NOTHING}), and returns the UUID in column {@code key} of each row it
     * inserted: those the clause skipped are missing. PostgreSQL only (generated keys of a batch).
     */
    Set<UUID> executeReturning(Connection connection, String onConflict, String key) throws SQLException {
        Set<UUID> inserted = new HashSet<>();
        send(size -> connection.prepareStatement(sql(size) + onConflict, new String[] {key}), (statement, size) -> {
            statement.executeBatch();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                while (keys.next()) {
                    inserted.add(dialect.getUuid(keys, key));
                }
            }
        });
        return inserted;
    }

    /**
     * Binds the rows into the statements of {@link #SIZES} rows that {@code prepare} makes, one JDBC
     * batch per size, and hands each filled statement to {@code execute}.
     */
    private void send(Prepare prepare, Execute execute) throws SQLException {
        int from = 0;
        for (int size : SIZES) {
            int statements = (rows.size() - from) / size;
            if (statements == 0) {
                continue;
            }
            try (PreparedStatement statement = prepare.statement(size)) {
                for (int s = 0; s < statements; s++) {
                    int index = 1;
                    for (int r = 0; r < size; r++) {
                        for (Object value : rows.get(from++)) {
                            Sql.bind(statement, index++, value, dialect);
                        }
                    }
                    statement.addBatch();
                }
                execute.batch(statement, size);
            }
        }
    }

    /** Prepares the statement that inserts {@code size} rows. */
    @FunctionalInterface
    private interface Prepare {
        PreparedStatement statement(int size) throws SQLException;
    }

    /** Executes a filled batch of statements of {@code size} rows each. */
    @FunctionalInterface
    private interface Execute {
        void batch(PreparedStatement statement, int size) throws SQLException;
    }

    private String sql(int size) {
        StringBuilder sql = new StringBuilder(insertInto.length() + size * (rowPlaceholders.length() + 2));
        sql.append(insertInto);
        for (int r = 0; r < size; r++) {
            sql.append(r == 0 ? "" : ", ").append(rowPlaceholders);
        }
        return sql.toString();
    }
}
