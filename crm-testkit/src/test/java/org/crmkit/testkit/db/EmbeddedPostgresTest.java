package org.crmkit.testkit.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The embedded PostgreSQL path, forced by an environment without {@code CRM_TEST_POSTGRES_URL}. */
class EmbeddedPostgresTest {

    @RegisterExtension
    static final TestDatabaseExtension db = TestDatabaseExtension.postgres(Map.of());

    @Test
    void runsOnTheEmbeddedServer(TestDatabase database) throws SQLException {
        int port = EmbeddedPostgresServer.port();
        assertThat(database.jdbcUrl())
                .isEqualTo("jdbc:postgresql://localhost:" + port + "/postgres?currentSchema=" + database.schema());
        assertThat(database.user()).isEqualTo("postgres");
        assertThat(RoundTrip.queryString(database, "SELECT inet_server_port()")).isEqualTo(String.valueOf(port));
        assertThat(RoundTrip.queryString(database, "SELECT current_schema()")).isEqualTo(database.schema());
    }

    @Test
    void nonAsciiTextRoundTrips(TestDatabase database) throws SQLException {
        RoundTrip.assertNamesRoundTrip(database);
        assertThat(RoundTrip.queryString(database, "SHOW server_encoding")).isEqualTo("UTF8");
    }

    @Test
    void startsOneServerPerJvm() {
        assertThat(EmbeddedPostgresServer.get()).isSameAs(EmbeddedPostgresServer.get());
        TestDatabaseExtension other = TestDatabaseExtension.postgres(Map.of());
        other.beforeAll(Contexts.withId("[second]"));
        try {
            assertThat(other.database().jdbcUrl())
                    .startsWith("jdbc:postgresql://localhost:" + EmbeddedPostgresServer.port() + "/postgres?");
            assertThat(other.database().schema()).isNotEqualTo(db.database().schema());
        } finally {
            other.afterAll(Contexts.withId("[second]"));
        }
    }
}
