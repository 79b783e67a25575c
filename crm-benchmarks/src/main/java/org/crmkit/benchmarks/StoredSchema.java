package org.crmkit.benchmarks;

import org.crmkit.core.common.StoreUnavailableException;
import org.crmkit.jdbc.JdbcCrmStore;

/**
 * A benchmark schema kept between runs: whether the JDBC store can go on using what it holds. Not
 * instantiable.
 */
final class StoredSchema {
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
}
