package org.crmkit.benchmarks;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Bulk loading of generated rows into the JDBC store's tables on PostgreSQL with {@code COPY}, the
 * way the large benchmarks put millions of rows in place in minutes where the store's batched
 * writes would take an hour: the keys and indexes of the tables are dropped, each table is copied
 * from its own pass over the generator, and the keys and indexes are built again (sorting once is
 * far faster than millions of random insertions into several B-trees) with their definitions as
 * PostgreSQL reports them, so they come back exactly as the migrations made them; then the tables
 * are vacuumed and analysed. Used by {@link InteractionCopy} and {@link SalesCopy}. Not
 * instantiable.
 */
final class TableCopy {
    private static final int FLUSH = 1 << 20;

    private TableCopy() {}

    /** Writes the COPY text lines of generated item {@code position} and returns how many rows they are. */
    @FunctionalInterface
    interface RowWriter {
        long write(int position, StringBuilder lines);
    }

    /**
     * One table's load: {@code copySql} ({@code COPY <table> (<columns>) FROM STDIN}) fed by {@code
     * writer} for the positions 0 to {@code count - 1}, in order.
     */
    record Step(String table, String copySql, int count, RowWriter writer) {}

    /**
     * Runs {@code steps} one after the other in one connection of {@code db}, with the keys and
     * indexes of {@code tables} dropped meanwhile and rebuilt after them, then vacuums and analyses
     * {@code tables}; prints what took how long. The tables should be empty.
     */
    static void load(BenchmarkDatabase db, List<String> tables, List<Step> steps) throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("SET maintenance_work_mem = '512MB'");
            }
            List<String> rebuild = dropKeys(c, tables);
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            for (Step step : steps) {
                long at = System.nanoTime();
                long rows = copy(copy, step.copySql(), step.count(), step.writer());
                System.out.printf(
                        Locale.ROOT, "# copied %,d rows into %s in %.0f s%n", rows, step.table(), seconds(at));
            }
            long at = System.nanoTime();
            try (Statement s = c.createStatement()) {
                for (String ddl : rebuild) {
                    s.execute(ddl);
                }
            }
            System.out.printf(Locale.ROOT, "# rebuilt %d keys and indexes in %.0f s%n", rebuild.size(), seconds(at));
            at = System.nanoTime();
            try (Statement s = c.createStatement()) {
                s.execute("VACUUM (ANALYZE) " + String.join(", ", tables));
                s.execute("RESET maintenance_work_mem");
            }
            System.out.printf(Locale.ROOT, "# vacuumed and analysed in %.0f s%n", seconds(at));
        }
    }

    /**
     * Drops the keys and indexes of {@code tables} and returns the statements that create them
     * again: constraints first (their indexes go with them), then the other indexes.
     */
    private static List<String> dropKeys(Connection c, List<String> tables) throws SQLException {
        List<String> drops = new ArrayList<>();
        List<String> creates = new ArrayList<>();
        String names = "'" + String.join("', '", tables) + "'";
        try (Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT t.relname, k.conname, pg_get_constraintdef(k.oid)"
                    + " FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid"
                    + " WHERE t.relnamespace = current_schema()::regnamespace AND t.relname IN (" + names + ")"
                    + " AND k.contype IN ('p', 'u') ORDER BY t.relname, k.conname")) {
                while (r.next()) {
                    drops.add("ALTER TABLE " + r.getString(1) + " DROP CONSTRAINT " + r.getString(2));
                    creates.add("ALTER TABLE " + r.getString(1) + " ADD CONSTRAINT " + r.getString(2) + " "
                            + r.getString(3));
                }
            }
            try (ResultSet r = s.executeQuery("SELECT i.indexname, i.indexdef FROM pg_indexes i"
                    + " WHERE i.schemaname = current_schema() AND i.tablename IN (" + names + ")"
                    + " AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conname = i.indexname"
                    + " AND k.connamespace = current_schema()::regnamespace) ORDER BY i.indexname")) {
                while (r.next()) {
                    drops.add("DROP INDEX " + r.getString(1));
                    creates.add(r.getString(2));
                }
            }
            for (String drop : drops) {
                s.execute(drop);
            }
        }
        return creates;
    }

    private static long copy(CopyManager copy, String sql, int count, RowWriter writer) throws SQLException {
        CopyIn in = copy.copyIn(sql);
        long rows = 0;
        try {
            StringBuilder lines = new StringBuilder(FLUSH + 8192);
            for (int k = 0; k < count; k++) {
                rows += writer.write(k, lines);
                if (lines.length() >= FLUSH) {
                    byte[] bytes = lines.toString().getBytes(StandardCharsets.UTF_8);
                    in.writeToCopy(bytes, 0, bytes.length);
                    lines.setLength(0);
                }
            }
            byte[] bytes = lines.toString().getBytes(StandardCharsets.UTF_8);
            in.writeToCopy(bytes, 0, bytes.length);
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
        return rows;
    }

    /** Appends {@code value} as a field of COPY's text format, {@code \N} for null. */
    static StringBuilder text(StringBuilder line, String value) {
        return value == null ? line.append("\\N") : line.append(escape(value));
    }

    /** {@code value} as a field of COPY's text format: backslash, tab and line breaks escaped. */
    static String escape(String value) {
        if (value.indexOf('\\') < 0 && value.indexOf('\t') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        StringBuilder escaped = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> escaped.append("\\\\");
                case '\t' -> escaped.append("\\t");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                default -> escaped.append(ch);
            }
        }
        return escaped.toString();
    }

    /** Seconds since {@code since}, a {@link System#nanoTime()}. */
    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
