package org.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.crmkit.core.common.TenantId;
import org.crmkit.testkit.db.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The store's migrations next to a host's own Flyway in the same, fresh schema: each keeps its own
 * history table and neither disturbs the other. One subclass per database.
 */
abstract class JdbcMigrationTest {

    /** A fresh schema of the running subclass, not migrated by anyone yet. */
    abstract TestDatabase database();

    @Test
    void migrate_besideTheHostsFlyway_keepsBothHistoriesApart() throws SQLException {
        Flyway host = Flyway.configure()
                .dataSource(database().dataSource())
                .locations("classpath:org/crmkit/jdbc/hostmigration")
                .load();
        assertThat(host.migrate().migrationsExecuted).isEqualTo(1);

        JdbcCrmStore store = JdbcCrmStore.create(database().dataSource());
        int applied = store.migrate();
        assertThat(applied)
                .as("every migration of the dialect, V1 to V5 at least")
                .isGreaterThanOrEqualTo(5);
        assertThat(store.migrate()).as("again").isZero();
        assertThat(host.migrate().migrationsExecuted)
                .as("the host's Flyway again")
                .isZero();
        host.validate();

        assertThat(versions("flyway_schema_history"))
                .as(dump("flyway_schema_history"))
                .isEqualTo(1);
        assertThat(versions(JdbcCrmStore.HISTORY_TABLE))
                .as("baseline 0 and each migration: %s", dump(JdbcCrmStore.HISTORY_TABLE))
                .isEqualTo(applied + 1);
        assertThat(count("host_order")).isZero();
        for (String table : new String[] {
            "crm_request",
            "crm_task",
            "crm_task_reminder",
            "crm_rotation",
            "crm_pipeline",
            "crm_pipeline_stage",
            "crm_opportunity",
            "crm_opportunity_line",
            "crm_opportunity_stage_change",
            "crm_order",
            "crm_order_line",
            "crm_sales_quota"
        }) {
            assertThat(count(table)).as(table).isZero();
        }
        TenantId tenant = Fixtures.newTenant();
        store.customers(tenant).save(Fixtures.richPerson(tenant));
        assertThat(count("crm_customer")).isEqualTo(1);
    }

    private String dump(String table) throws SQLException {
        boolean quoted = database().kind() == TestDatabase.Kind.H2;
        StringBuilder out = new StringBuilder();
        try (Connection c = database().dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT * FROM " + (quoted ? '"' + table + '"' : table))) {
            while (rows.next()) {
                for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                    out.append(rows.getString(i)).append(' ');
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** The versioned rows of a Flyway history (H2's Flyway adds a row for creating the table). */
    private int versions(String history) throws SQLException {
        return count(history, " WHERE " + quoted("version") + " IS NOT NULL");
    }

    private String quoted(String name) {
        return database().kind() == TestDatabase.Kind.H2 ? '"' + name + '"' : name;
    }

    private int count(String table) throws SQLException {
        return count(table, "");
    }

    private int count(String table, String where) throws SQLException {
        boolean quoted = database().kind() == TestDatabase.Kind.H2 && table.contains("history");
        try (Connection c = database().dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rows =
                        s.executeQuery("SELECT COUNT(*) FROM " + (quoted ? '"' + table + '"' : table) + where)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
