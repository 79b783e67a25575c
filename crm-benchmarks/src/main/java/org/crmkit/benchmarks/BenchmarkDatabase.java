package org.crmkit.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.PersistenceConfiguration;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.crmkit.jpa.JpaCrmStore;

/**
 * The databases the store benchmarks run on: an in-memory H2, or a schema of its own on the
 * PostgreSQL server that {@code -Dcrmkit.bench.postgres=<jdbc url>} names (default: the local server
 * {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}, or {@code CRM_TEST_POSTGRES_URL}).
 * PostgreSQL connections use {@code reWriteBatchedInserts=true}, the setting a host that imports in
 * bulk runs with; every writer measured against the same database shares it. Not thread-safe.
 */
final class BenchmarkDatabase implements AutoCloseable {
    private final String kind;
    private final HikariDataSource dataSource;

    private BenchmarkDatabase(String kind, HikariDataSource dataSource) {
        this.kind = kind;
        this.dataSource = dataSource;
    }

    /**
     * Opens {@code kind} ({@code h2} or {@code postgresql}) with schema {@code schema}, creating it if
     * needed; {@code fresh} drops what the schema held first.
     */
    static BenchmarkDatabase open(String kind, String schema, boolean fresh) {
        HikariConfig config = new HikariConfig();
        config.setMaximumPoolSize(4);
        switch (kind) {
            case "h2":
                config.setJdbcUrl("jdbc:h2:mem:" + schema + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
                config.setUsername("sa");
                config.setPassword("");
                break;
            case "postgresql":
                String server = postgresUrl();
                try (Connection c = DriverManager.getConnection(server);
                        Statement s = c.createStatement()) {
                    if (fresh) {
                        s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                    }
                    s.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
                } catch (SQLException e) {
                    throw new IllegalStateException("PostgreSQL at " + server + " does not answer", e);
                }
                config.setJdbcUrl(server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema
                        + "&reWriteBatchedInserts=true");
                break;
            default:
                throw new IllegalArgumentException("no benchmark database " + kind);
        }
        return new BenchmarkDatabase(kind, new HikariDataSource(config));
    }

    private static String postgresUrl() {
        String url = System.getProperty("crmkit.bench.postgres");
        if (url == null || url.isBlank()) {
            url = System.getenv("CRM_TEST_POSTGRES_URL");
        }
        return url == null || url.isBlank() ? "jdbc:postgresql://127.0.0.1:5432/test?user=postgres" : url;
    }

    /** {@code h2} or {@code postgresql}. */
    String kind() {
        return kind;
    }

    /** The pooled data source. */
    HikariDataSource dataSource() {
        return dataSource;
    }

    /**
     * A Hibernate persistence unit over {@link #dataSource()} with CRMKit's entities, JDBC batches
     * of 500 (the README's advice for bulk imports; {@code -Dcrmkit.bench.jpaBatch=50} for
     * Hibernate's usual setting) and the IN-list padding the JPA store's README recommends.
     */
    EntityManagerFactory entityManagerFactory() {
        PersistenceConfiguration unit = new PersistenceConfiguration("crmkit-benchmark");
        JpaCrmStore.managedClasses().forEach(unit::managedClass);
        Map<String, Object> settings = new HashMap<>();
        settings.put("jakarta.persistence.nonJtaDataSource", dataSource);
        settings.put("hibernate.hbm2ddl.auto", "validate");
        settings.put("hibernate.jdbc.batch_size", System.getProperty("crmkit.bench.jpaBatch", "500"));
        settings.put("hibernate.order_inserts", "true");
        settings.put("hibernate.order_updates", "true");
        settings.put("hibernate.query.in_clause_parameter_padding", "true");
        unit.properties(settings);
        return Persistence.createEntityManagerFactory(unit);
    }

    /** Deletes every row of {@code tables}, which are listed parents before children. */
    void truncate(String... tables) {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            if (kind.equals("postgresql")) {
                s.execute("TRUNCATE TABLE " + String.join(", ", tables));
            } else {
                for (int i = tables.length - 1; i >= 0; i--) {
                    s.execute("DELETE FROM " + tables[i]); // H2 truncates no table a foreign key refers to
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot empty " + String.join(", ", tables), e);
        }
    }

    /** Runs {@code ANALYZE} on PostgreSQL, so that plans after a bulk load match production. */
    void analyze() {
        if (!kind.equals("postgresql")) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("ANALYZE");
        } catch (SQLException e) {
            throw new IllegalStateException("ANALYZE failed", e);
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }

    @Override
    public String toString() {
        return kind.toUpperCase(Locale.ROOT) + " " + dataSource.getJdbcUrl();
    }
}
