package org.crmkit.testkit.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two registrations in one class get different schemas. The tests use {@code database()}: with two
 * extensions a {@code TestDatabase} parameter would be ambiguous.
 */
class SchemaIsolationTest {

    @RegisterExtension
    static final TestDatabaseExtension postgresA = TestDatabaseExtension.postgres();

    @RegisterExtension
    static final TestDatabaseExtension postgresB = TestDatabaseExtension.postgres();

    @RegisterExtension
    static final TestDatabaseExtension h2A = TestDatabaseExtension.h2();

    @RegisterExtension
    static final TestDatabaseExtension h2B = TestDatabaseExtension.h2();

    @Test
    void postgresSchemasAreSeparate() throws SQLException {
        TestDatabase a = postgresA.database();
        TestDatabase b = postgresB.database();
        assertThat(a.schema()).isNotEqualTo(b.schema());
        assertThat(a.jdbcUrl()).isNotEqualTo(b.jdbcUrl());

        RoundTrip.execute(a, "CREATE TABLE only_in_a (id INTEGER)");
        assertThat(RoundTrip.tableVisible(a, "only_in_a")).isTrue();
        assertThat(RoundTrip.tableVisible(b, "only_in_a")).isFalse();

        // the same unqualified name can exist in both, holding different rows
        RoundTrip.execute(a, "CREATE TABLE same_name (v VARCHAR(20))");
        RoundTrip.execute(b, "CREATE TABLE same_name (v VARCHAR(20))");
        RoundTrip.execute(a, "INSERT INTO same_name VALUES ('a')");
        RoundTrip.execute(b, "INSERT INTO same_name VALUES ('b')");
        assertThat(RoundTrip.queryString(a, "SELECT v FROM same_name")).isEqualTo("a");
        assertThat(RoundTrip.queryString(b, "SELECT v FROM same_name")).isEqualTo("b");
    }

    @Test
    void h2DatabasesAreSeparate() throws SQLException {
        TestDatabase a = h2A.database();
        TestDatabase b = h2B.database();
        assertThat(a.jdbcUrl()).isNotEqualTo(b.jdbcUrl());

        RoundTrip.execute(a, "CREATE TABLE only_in_a (id INTEGER)");
        assertThat(RoundTrip.tableVisible(a, "only_in_a")).isTrue();
        assertThat(RoundTrip.tableVisible(b, "only_in_a")).isFalse();
    }
}
