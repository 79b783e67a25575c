package org.crmkit.testkit.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs on {@code CRM_TEST_MARIADB_URL} when set; skipped otherwise. */
class MariaDbTestDatabaseTest {

    @RegisterExtension
    static final TestDatabaseExtension db = TestDatabaseExtension.mariadb();

    @Test
    void nonAsciiTextRoundTrips(TestDatabase database) throws SQLException {
        RoundTrip.assertNamesRoundTrip(database);
    }

    @Test
    void theCreatedDatabaseIsSelectedWithUtf8mb4(TestDatabase database) throws SQLException {
        assertThat(database.kind()).isEqualTo(TestDatabase.Kind.MARIADB);
        assertThat(database.schema()).matches("crm_test_[0-9a-f]{12}");
        assertThat(database.jdbcUrl())
                .startsWith("jdbc:mariadb:")
                .contains("/" + database.schema())
                .doesNotContain("user=")
                .doesNotContain("password=");
        assertThat(RoundTrip.queryString(database, "SELECT DATABASE()")).isEqualTo(database.schema());
        assertThat(RoundTrip.queryString(database, "SELECT @@character_set_database"))
                .isEqualTo("utf8mb4");
        assertThat(RoundTrip.queryString(database, "SELECT @@collation_database"))
                .isEqualTo("utf8mb4_unicode_ci");
    }

    @Test
    void dropsTheDatabaseAfterTheLastClass() throws SQLException {
        TestDatabaseExtension extension = TestDatabaseExtension.mariadb();
        extension.beforeAll(Contexts.withId("[drop-test]"));
        TestDatabase database = extension.database();
        RoundTrip.execute(database, "CREATE TABLE t (id INTEGER)");

        extension.afterAll(Contexts.withId("[drop-test]"));
        assertThatThrownBy(() -> database.dataSource().getConnection().close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("Unknown database");
    }
}
