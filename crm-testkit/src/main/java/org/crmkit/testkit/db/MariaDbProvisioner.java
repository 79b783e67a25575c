package org.crmkit.testkit.db;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Creates each schema as a database, {@code CREATE DATABASE <name> CHARACTER SET utf8mb4 COLLATE
 * utf8mb4_unicode_ci}, on the MariaDB server named by {@code CRM_TEST_MARIADB_URL}, and drops it with
 * {@code DROP DATABASE}; without that variable the tests are disabled.
 *
 * <p>Immutable and thread-safe.
 */
final class MariaDbProvisioner extends Provisioner {

    static final String URL_ENV = "CRM_TEST_MARIADB_URL";
    static final String USER_ENV = "CRM_TEST_MARIADB_USER";
    static final String PASSWORD_ENV = "CRM_TEST_MARIADB_PASSWORD";
    static final String NOT_SET = URL_ENV + " is not set; MariaDB tests skipped";

    private static final String DRIVER_ARTIFACT = "org.mariadb.jdbc:mariadb-java-client";

    private final Map<String, String> env;

    MariaDbProvisioner(Map<String, String> env) {
        Map<String, String> copy = new HashMap<>();
        for (String key : new String[] {URL_ENV, USER_ENV, PASSWORD_ENV}) {
            if (env.get(key) != null) {
                copy.put(key, env.get(key));
            }
        }
        this.env = Map.copyOf(copy);
    }

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.MARIADB;
    }

    @Override
    Optional<String> disabledReason() {
        return isBlank(env.get(URL_ENV)) ? Optional.of(NOT_SET) : Optional.empty();
    }

    @Override
    TestDatabase create(String name) {
        String configured = env.get(URL_ENV);
        if (isBlank(configured)) {
            throw new IllegalStateException(NOT_SET);
        }
        configured = configured.trim();
        if (!configured.startsWith("jdbc:mariadb:") && !configured.startsWith("jdbc:mysql:")) {
            throw new IllegalStateException(URL_ENV + " must be a jdbc:mariadb: URL, for example"
                    + " jdbc:mariadb://127.0.0.1:3306/test?user=root; got " + JdbcUrl.redact(configured));
        }
        JdbcUrl parsed = JdbcUrl.parse(configured);
        String userVariable = env.get(USER_ENV);
        String user = !isBlank(userVariable) ? userVariable.trim() : orEmpty(parsed.param("user"));
        String passwordVariable = env.get(PASSWORD_ENV);
        String password = passwordVariable != null ? passwordVariable : orEmpty(parsed.param("password"));
        JdbcUrl admin = parsed.without("user", "password");
        JdbcUrl client;
        try {
            client = admin.withDatabase(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(URL_ENV + ": " + e.getMessage(), e);
        }

        requireDriver(admin.toString(), DRIVER_ARTIFACT);
        try {
            execute(
                    admin.toString(),
                    user,
                    password,
                    "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException(failure("Could not create database " + name, admin, user, e), e);
        }
        return new TestDatabase(TestDatabase.Kind.MARIADB, client.toString(), user, password, name);
    }

    @Override
    void drop(TestDatabase database) {
        // connect without selecting the database that is about to go
        JdbcUrl admin = JdbcUrl.parse(database.jdbcUrl()).withDatabase("");
        try {
            execute(
                    admin.toString(),
                    database.user(),
                    database.password(),
                    "SET SESSION lock_wait_timeout = 10",
                    "DROP DATABASE IF EXISTS " + database.schema());
        } catch (SQLException e) {
            throw new IllegalStateException(
                    failure(
                            "Could not drop database " + database.schema()
                                    + " (is a connection still open inside a transaction?)",
                            admin,
                            database.user(),
                            e),
                    e);
        }
    }

    private static String failure(String what, JdbcUrl url, String user, SQLException e) {
        String state = e.getSQLState();
        boolean unreachable = state != null && state.startsWith("08");
        String where = " MariaDB at " + JdbcUrl.redact(url.toString()) + (user.isEmpty() ? "" : " as user " + user)
                + " (set by environment variable " + URL_ENV + "): "
                + withoutFinalPeriod(e.getMessage());
        if (!unreachable) {
            return what + " on" + where;
        }
        return "Cannot connect to" + where + "; start that server, correct " + URL_ENV
                + ", or unset it to skip the MariaDB tests";
    }
}
