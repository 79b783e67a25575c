package org.crmkit.jpa;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.PersistenceConfiguration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.crmkit.testkit.db.TestDatabase;
import org.crmkit.testkit.db.TestDatabaseExtension;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension that gives a test class a fresh schema on H2 or PostgreSQL (through {@link
 * TestDatabaseExtension}), migrated with {@link JpaCrmStore#migrate}, and a Hibernate {@link
 * EntityManagerFactory} over it bootstrapped programmatically with {@code hbm2ddl.auto=validate}, so
 * that entities and migrations cannot drift apart. Register it on a static field. Thread-safe.
 */
final class JpaDatabase implements BeforeAllCallback, AfterAllCallback, ExecutionCondition {
    private final TestDatabaseExtension database;
    private final Consumer<PersistenceConfiguration> customizer;
    private final Object lock = new Object();
    private final Set<String> holders = new HashSet<>(); // guarded by lock
    private EntityManagerFactory factory; // guarded by lock

    private JpaDatabase(TestDatabaseExtension database, Consumer<PersistenceConfiguration> customizer) {
        this.database = database;
        this.customizer = customizer;
    }

    /** A private in-memory H2 database. */
    static JpaDatabase h2() {
        return new JpaDatabase(TestDatabaseExtension.h2(), c -> {});
    }

    /** A schema on PostgreSQL: CRM_TEST_POSTGRES_URL, else the embedded server. */
    static JpaDatabase postgres() {
        return new JpaDatabase(TestDatabaseExtension.postgres(), c -> {});
    }

    /** The same database with {@code customizer} applied to the persistence unit before it is created. */
    JpaDatabase with(Consumer<PersistenceConfiguration> customizer) {
        return new JpaDatabase(database, this.customizer.andThen(customizer));
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return database.evaluateExecutionCondition(context);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        database.beforeAll(context);
        synchronized (lock) {
            if (holders.isEmpty()) {
                TestDatabase db = database.database();
                System.out.println("[" + context.getDisplayName() + "] " + db);
                JpaCrmStore.migrate(db.dataSource());
                factory = createFactory(db, customizer);
            }
            holders.add(context.getUniqueId());
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            synchronized (lock) {
                if (holders.remove(context.getUniqueId()) && holders.isEmpty()) {
                    factory.close();
                    factory = null;
                }
            }
        } finally {
            database.afterAll(context);
        }
    }

    /** The test database. */
    TestDatabase database() {
        return database.database();
    }

    /** The persistence unit over the test database. */
    EntityManagerFactory factory() {
        synchronized (lock) {
            if (factory == null) {
                throw new IllegalStateException("JpaDatabase works only while its test class runs");
            }
            return factory;
        }
    }

    /** A store with its own transactions over {@link #factory()}. */
    JpaCrmStore store() {
        return JpaCrmStore.create(factory());
    }

    /** Hibernate's statistics of {@link #factory()}. */
    Statistics statistics() {
        return factory().unwrap(SessionFactory.class).getStatistics();
    }

    /** Whether this is PostgreSQL. */
    boolean isPostgres() {
        return database.kind() == TestDatabase.Kind.POSTGRESQL;
    }

    /**
     * The programmatic bootstrap a host uses (Jakarta Persistence 3.2), plus the settings the tests
     * need: validation against the migrated schema, JDBC batching, statistics and a small pool.
     */
    static EntityManagerFactory createFactory(TestDatabase db, Consumer<PersistenceConfiguration> customizer) {
        PersistenceConfiguration unit = new PersistenceConfiguration("crmkit-test");
        JpaCrmStore.managedClasses().forEach(unit::managedClass);
        unit.properties(settings(db));
        customizer.accept(unit);
        return Persistence.createEntityManagerFactory(unit);
    }

    /** The properties of a test persistence unit over {@code db}. */
    static Map<String, Object> settings(TestDatabase db) {
        Map<String, Object> settings = new HashMap<>();
        String url = db.jdbcUrl();
        if (db.kind() == TestDatabase.Kind.H2) {
            // concurrent writers of one row wait for each other instead of failing after H2's default 1 s
            url += ";LOCK_TIMEOUT=10000";
        }
        settings.put(PersistenceConfiguration.JDBC_URL, url);
        settings.put(PersistenceConfiguration.JDBC_USER, db.user());
        settings.put(PersistenceConfiguration.JDBC_PASSWORD, db.password());
        settings.put(
                "hibernate.connection.provider_class", "org.hibernate.hikaricp.internal.HikariCPConnectionProvider");
        settings.put("hibernate.hikari.maximumPoolSize", "10");
        settings.put("hibernate.hikari.minimumIdle", "1");
        settings.put("hibernate.hbm2ddl.auto", "validate");
        settings.put("hibernate.jdbc.batch_size", "50");
        settings.put("hibernate.order_inserts", "true");
        settings.put("hibernate.order_updates", "true");
        settings.put("hibernate.generate_statistics", "true");
        return settings;
    }
}
