package org.crmkit.jpa;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.crmkit.core.common.StoreUnavailableException;
import org.crmkit.core.common.ValidationException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Applies the JPA store's Flyway migrations. Kept apart from {@link JpaCrmStore} so that Flyway's
 * classes load only when a host asks for migrations. Stateless.
 */
final class Migrations {
    private Migrations() {}

    static int migrate(DataSource dataSource) {
        String vendor = vendorOf(dataSource);
        try {
            Flyway flyway = Flyway.configure(Migrations.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:" + JpaCrmStore.MIGRATION_LOCATION + "/" + vendor)
                    .table(JpaCrmStore.MIGRATION_HISTORY_TABLE)
                    // the host's own tables may already be in the schema: CRMKit's history starts empty
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .failOnMissingLocations(true)
                    .load();
            return flyway.migrate().migrationsExecuted;
        } catch (FlywayException e) {
            throw new StoreUnavailableException("could not migrate CRMKit's JPA tables: " + e.getMessage(), e);
        }
    }

    /** The migration folder for the database behind {@code dataSource}. */
    private static String vendorOf(DataSource dataSource) {
        String product;
        try (Connection connection = dataSource.getConnection()) {
            product = connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new StoreUnavailableException(
                    "could not connect to the database to migrate it: " + e.getMessage(), e);
        }
        String name = product == null ? "" : product.toLowerCase(Locale.ROOT);
        if (name.equals("h2")) {
            return "h2";
        }
        if (name.equals("postgresql")) {
            return "postgresql";
        }
        throw new ValidationException(
                "dataSource",
                "is a " + product + " database; the JPA store ships migrations for H2 and PostgreSQL only");
    }
}
