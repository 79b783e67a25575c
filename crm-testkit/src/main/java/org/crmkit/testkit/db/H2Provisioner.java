package org.crmkit.testkit.db;

import java.sql.SQLException;

/**
 * Gives each schema its own private in-memory H2 database, {@code jdbc:h2:mem:<name>;DB_CLOSE_DELAY=-1},
 * whose {@code PUBLIC} schema the tests use; dropping shuts that database down.
 *
 * <p>Stateless and thread-safe.
 */
final class H2Provisioner extends Provisioner {

    static final String USER = "sa";

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }

    @Override
    TestDatabase create(String name) {
        String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
        requireDriver(url, "com.h2database:h2");
        try {
            // the first connection creates the database; DB_CLOSE_DELAY=-1 keeps it until SHUTDOWN
            execute(url, USER, "", "SELECT 1");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the H2 database " + url + ": " + e.getMessage(), e);
        }
        return new TestDatabase(TestDatabase.Kind.H2, url, USER, "", "PUBLIC");
    }

    @Override
    void drop(TestDatabase database) {
        try {
            execute(database.jdbcUrl(), database.user(), database.password(), "SHUTDOWN");
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Could not shut down the H2 database " + database.jdbcUrl() + ": " + e.getMessage(), e);
        }
    }
}
