package org.crmkit.testkit.db;

import java.util.Objects;
import javax.sql.DataSource;

/**
 * A fresh, empty schema on one database server, created by a {@link TestDatabaseExtension} for one
 * test class, together with the settings that reach it.
 *
 * <p>Unqualified table names used through {@link #dataSource()} or {@link #jdbcUrl()} land in
 * {@link #schema()}. The URL carries no credentials: pass {@link #user()} and {@link #password()}
 * alongside it (for example to a migration tool). The value stays valid until the extension drops
 * the schema after the test class's last test.
 *
 * <p>Instances are immutable and thread-safe; the data source may be used from any number of
 * threads (it opens a new physical connection on each call, with no pool).
 */
public final class TestDatabase {

    /**
     * The database product a {@link TestDatabase} runs on.
     *
     * <p>Enum constants are immutable and thread-safe.
     */
    public enum Kind {
        /** H2, in a private in-memory database of the test JVM. */
        H2,
        /** PostgreSQL, a server named by {@code CRM_TEST_POSTGRES_URL} or an embedded one. */
        POSTGRESQL,
        /** MariaDB (or MySQL), a server named by {@code CRM_TEST_MARIADB_URL}. */
        MARIADB
    }

    private final Kind kind;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final String schema;
    private final DataSource dataSource;

    TestDatabase(Kind kind, String jdbcUrl, String user, String password, String schema) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.jdbcUrl = Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        this.user = Objects.requireNonNull(user, "user");
        this.password = Objects.requireNonNull(password, "password");
        this.schema = Objects.requireNonNull(schema, "schema");
        this.dataSource = new DriverManagerDataSource(jdbcUrl, user, password);
    }

    /**
     * Returns the database product this schema lives on.
     *
     * <p>Thread-safe.
     *
     * @return the kind of database, never {@code null}
     */
    public Kind kind() {
        return kind;
    }

    /**
     * Returns a data source whose connections use {@link #schema()} as their default schema.
     *
     * <p>Each {@code getConnection()} opens a new physical connection through {@link
     * java.sql.DriverManager} (no pool); close the connections you open. Thread-safe.
     *
     * @return the data source, never {@code null}
     */
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Returns the JDBC URL of this database, selecting {@link #schema()} as the default schema.
     *
     * <p>The URL carries no user or password; use {@link #user()} and {@link #password()} with it.
     * Thread-safe.
     *
     * @return the JDBC URL, never {@code null}
     */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /**
     * Returns the database user the data source connects as.
     *
     * <p>Empty only for MariaDB when no user was configured (the driver's default then applies).
     * Thread-safe.
     *
     * @return the user name, never {@code null}
     */
    public String user() {
        return user;
    }

    /**
     * Returns the password the data source connects with.
     *
     * <p>Empty when none was configured. Thread-safe.
     *
     * @return the password, never {@code null}
     */
    public String password() {
        return password;
    }

    /**
     * Returns the name of the schema unqualified table names resolve to, as the database reports it.
     *
     * <ul>
     *   <li>PostgreSQL: the created schema, {@code crm_test_} and 12 hex digits;
     *   <li>MariaDB: the created database, {@code crm_test_} and 12 hex digits;
     *   <li>H2: {@code PUBLIC}; the unique {@code crm_test_...} name is that of the private
     *       in-memory database, visible in {@link #jdbcUrl()}.
     * </ul>
     *
     * <p>Thread-safe.
     *
     * @return the schema name, never {@code null}
     */
    public String schema() {
        return schema;
    }

    /**
     * Returns a description of this database for test output: kind, URL, user and schema, never the
     * password.
     *
     * <p>Thread-safe.
     *
     * @return a human-readable description
     */
    @Override
    public String toString() {
        return "TestDatabase[" + kind + ", url=" + JdbcUrl.redact(jdbcUrl) + ", user=" + user + ", schema=" + schema
                + "]";
    }
}
