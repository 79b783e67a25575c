package org.crmkit.testkit.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs on {@code CRM_TEST_POSTGRES_URL} when set, else on the embedded PostgreSQL. */
class PostgresTestDatabaseTest {

    @RegisterExtension
    static final TestDatabaseExtension db = TestDatabaseExtension.postgres();

    @Test
    void nonAsciiTextRoundTrips(TestDatabase database) throws SQLException {
        RoundTrip.assertNamesRoundTrip(database);
    }

    @Test
    void theCreatedSchemaIsTheDefault(TestDatabase database) throws SQLException {
        assertThat(database.kind()).isEqualTo(TestDatabase.Kind.POSTGRESQL);
        assertThat(database.schema()).matches("crm_test_[0-9a-f]{12}");
        assertThat(database.jdbcUrl())
                .startsWith("jdbc:postgresql:")
                .endsWith("currentSchema=" + database.schema())
                .doesNotContain("user=")
                .doesNotContain("password=");
        assertThat(RoundTrip.queryString(database, "SELECT current_schema()")).isEqualTo(database.schema());
        RoundTrip.execute(database, "CREATE TABLE marker (id INTEGER)");
        assertThat(RoundTrip.queryString(
                        database, "SELECT table_schema FROM information_schema.tables WHERE table_name = 'marker'"))
                .isEqualTo(database.schema());
    }

    @Test
    void usesTheConfiguredServerOrElseTheEmbeddedOne(TestDatabase database) throws SQLException {
        String configured = System.getenv(TestDatabaseExtension.POSTGRES_URL_ENV);
        if (configured == null || configured.isBlank()) {
            assertThat(RoundTrip.queryString(database, "SELECT inet_server_port()"))
                    .isEqualTo(String.valueOf(EmbeddedPostgresServer.port()));
        } else {
            assertThat(database.jdbcUrl())
                    .startsWith(JdbcUrl.parse(configured.trim()).base() + "?");
        }
    }

    @Test
    void dropsTheSchemaAfterTheLastClass() throws SQLException {
        TestDatabaseExtension extension = TestDatabaseExtension.postgres();
        extension.beforeAll(Contexts.withId("[drop-test]"));
        TestDatabase database = extension.database();
        RoundTrip.execute(database, "CREATE TABLE t (id INTEGER)");
        assertThat(schemaCount(database)).isEqualTo(1);

        extension.afterAll(Contexts.withId("[drop-test]"));
        assertThat(schemaCount(database)).isZero();
    }

    static int schemaCount(TestDatabase database) throws SQLException {
        // a missing currentSchema is allowed by PostgreSQL, so this connects after the drop too
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = ?")) {
            query.setString(1, database.schema());
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
