package org.crmkit.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.crmkit.core.common.StoreUnavailableException;
import org.crmkit.jdbc.JdbcCrmStore;

/**
 * A benchmark schema kept between runs: what it says it holds, and whether the JDBC store can go on
 * using it. A filled schema has a one-row table {@value #MARKER} with a text that names the data's
 * sizes and seeds; a run that wants the same text reuses the data, any other starts over. Not
 * instantiable.
 */
final class StoredSchema {
    /** The table that says what a filled schema holds. */
    static final String MARKER = "crmkit_bench_fill";

    private StoredSchema() {}

    /**
     * Migrates the schema of {@code db} to the store's latest version and says whether that worked;
     * not when a migration applied before has changed since (as unreleased ones do during
     * development), which makes the schema's data suspect: the caller starts over.
     */
    static boolean migrates(BenchmarkDatabase db) {
        try {
            JdbcCrmStore.create(db.dataSource()).migrate();
            return true;
        } catch (StoreUnavailableException e) {
            System.out.printf("%n# %s: %s; starting over%n", db, e.getMessage());
            return false;
        }
    }

    /** What the schema of {@code db} says it holds; empty when it says nothing. */
    static String holds(BenchmarkDatabase db) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT to_regclass('" + MARKER + "') IS NOT NULL")) {
                r.next();
                if (!r.getBoolean(1)) {
                    return "";
                }
            }
            try (ResultSet r = s.executeQuery("SELECT holds FROM " + MARKER)) {
                return r.next() ? r.getString(1) : "";
            }
        }
    }

    /** Writes that the schema of {@code db}, filled now, holds {@code holds}; once per schema. */
    static void mark(BenchmarkDatabase db, String holds) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                PreparedStatement mark = c.prepareStatement("INSERT INTO " + MARKER + " VALUES (?)")) {
            s.execute("CREATE TABLE " + MARKER + " (holds TEXT NOT NULL)");
            mark.setString(1, holds);
            mark.executeUpdate();
        }
    }
}
