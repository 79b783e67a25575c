package org.crmkit.testkit.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Creates and drops the uniquely named schemas of one kind of database.
 *
 * <p>Implementations are thread-safe.
 */
abstract class Provisioner {

    /** Returns the kind of database this provisioner works on. */
    abstract TestDatabase.Kind kind();

    /** Returns why tests on this database cannot run here, or empty when they can. */
    Optional<String> disabledReason() {
        return Optional.empty();
    }

    /**
     * Creates an empty schema called {@code name} and returns the settings that reach it.
     *
     * @throws IllegalStateException with a message naming the server when it cannot be done
     */
    abstract TestDatabase create(String name);

    /**
     * Drops what {@link #create} made for {@code database}.
     *
     * @throws IllegalStateException when it cannot be done
     */
    abstract void drop(TestDatabase database);

    /**
     * Fails with a hint naming the Maven artifact when no JDBC driver on the class path accepts
     * {@code url}.
     */
    static void requireDriver(String url, String artifact) {
        try {
            DriverManager.getDriver(url);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "No JDBC driver on the test class path accepts " + JdbcUrl.redact(url) + "; add " + artifact
                            + " as a test dependency",
                    e);
        }
    }

    /** Runs each statement on a new connection, in order. */
    static void execute(String url, String user, String password, String... sql) throws SQLException {
        try (Connection connection = DriverManagerDataSource.open(url, user, password);
                Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }

    /** Returns {@code value}, or {@code ""} when it is {@code null}. */
    static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    /** Returns a driver's message without its final period, to continue the sentence. */
    static String withoutFinalPeriod(String message) {
        return message != null && message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
    }

    /** Returns whether {@code value} is {@code null} or blank. */
    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
