package org.crmkit.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of one table, read back as the driver hands them out, and inserted again the way a
 * hand-written JDBC importer does: one {@code PreparedStatement}, {@code addBatch} per row, {@code
 * executeBatch} every {@value #BATCH} rows. The baseline writer of the import and logging
 * benchmarks (the same code as {@code CustomerImportBenchmark}'s). Immutable once read; not
 * thread-safe while inserting.
 *
 * @param insertSql the {@code INSERT} of every column
 * @param types the JDBC type of each column, for {@code setNull}
 * @param rows the values of each row, in column order
 */
record CapturedRows(String insertSql, int[] types, List<Object[]> rows) {
    /** How many rows one {@code executeBatch} sends. */
    static final int BATCH = 500;

    /** Reads every row of {@code table}; JSON and CLOB columns as text. */
    static CapturedRows read(BenchmarkDatabase db, String table) throws SQLException {
        return read(db, table, "");
    }

    /**
     * Reads the rows of {@code table} that {@code where} (a WHERE clause of constant text, or empty)
     * selects; JSON and CLOB columns as text.
     */
    static CapturedRows read(BenchmarkDatabase db, String table, String where) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT * FROM " + table + (where.isEmpty() ? "" : " " + where))) {
            ResultSetMetaData meta = r.getMetaData();
            int n = meta.getColumnCount();
            int[] types = new int[n];
            StringBuilder columns = new StringBuilder();
            StringBuilder values = new StringBuilder();
            for (int i = 1; i <= n; i++) {
                types[i - 1] = meta.getColumnType(i);
                columns.append(i > 1 ? ", " : "").append(meta.getColumnName(i));
                boolean json = meta.getColumnTypeName(i).equalsIgnoreCase("jsonb");
                values.append(i > 1 ? ", " : "").append(json ? "CAST(? AS jsonb)" : "?");
                if (json || types[i - 1] == Types.CLOB) {
                    types[i - 1] = Types.VARCHAR;
                }
            }
            List<Object[]> rows = new ArrayList<>();
            while (r.next()) {
                Object[] row = new Object[n];
                for (int i = 1; i <= n; i++) {
                    row[i - 1] = types[i - 1] == Types.VARCHAR ? r.getString(i) : r.getObject(i);
                }
                rows.add(row);
            }
            return new CapturedRows("INSERT INTO " + table + " (" + columns + ") VALUES (" + values + ")", types, rows);
        }
    }

    /** Inserts the rows through {@code c}, in its transaction; returns how many. */
    int insert(Connection c) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(insertSql)) {
            int pending = 0;
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    if (row[i] == null) {
                        insert.setNull(i + 1, types[i]);
                    } else {
                        insert.setObject(i + 1, row[i]);
                    }
                }
                insert.addBatch();
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
        return rows.size();
    }
}
