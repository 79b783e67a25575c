package org.crmkit.testkit.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class H2TestDatabaseTest {

    @RegisterExtension
    static final TestDatabaseExtension db = TestDatabaseExtension.h2();

    private static TestDatabase seenInBeforeAll;

    @BeforeAll
    static void beforeAll(TestDatabase database) throws SQLException {
        // the extension's beforeAll ran first, so the database is ready for @BeforeAll methods
        seenInBeforeAll = database;
        RoundTrip.execute(database, "CREATE TABLE shared (id INTEGER)");
    }

    @Test
    void nonAsciiTextRoundTrips(TestDatabase database) throws SQLException {
        RoundTrip.assertNamesRoundTrip(database);
    }

    @Test
    void describesAPrivateInMemoryDatabase(TestDatabase database) throws SQLException {
        assertThat(database).isSameAs(db.database()).isSameAs(seenInBeforeAll);
        assertThat(database.kind()).isEqualTo(TestDatabase.Kind.H2);
        assertThat(db.kind()).isEqualTo(TestDatabase.Kind.H2);
        assertThat(database.jdbcUrl()).matches("jdbc:h2:mem:crm_test_[0-9a-f]{12};DB_CLOSE_DELAY=-1");
        assertThat(database.schema()).isEqualTo("PUBLIC");
        assertThat(database.user()).isEqualTo("sa");
        assertThat(database.password()).isEmpty();
        assertThat(RoundTrip.queryString(database, "SELECT CURRENT_SCHEMA")).isEqualTo("PUBLIC");
        assertThat(RoundTrip.tableVisible(database, "shared")).isTrue();
    }

    @Test
    void shutsTheDatabaseDownAfterTheLastClass() throws SQLException {
        TestDatabaseExtension extension = TestDatabaseExtension.h2();
        assertThatThrownBy(extension::database)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("static field");

        extension.beforeAll(Contexts.withId("[outer]"));
        TestDatabase database = extension.database();
        RoundTrip.execute(database, "CREATE TABLE t (id INTEGER)");

        extension.beforeAll(Contexts.withId("[outer]/[nested]"));
        assertThat(extension.database()).isSameAs(database);
        extension.afterAll(Contexts.withId("[outer]/[nested]"));
        assertThat(RoundTrip.tableVisible(database, "t")).isTrue();

        extension.afterAll(Contexts.withId("[unknown]"));
        assertThat(extension.database()).isSameAs(database);

        extension.afterAll(Contexts.withId("[outer]"));
        assertThatThrownBy(extension::database).isInstanceOf(IllegalStateException.class);
        // IFEXISTS=TRUE refuses to create the database anew, so this proves it is gone
        assertThatThrownBy(() -> DriverManagerDataSource.open(database.jdbcUrl() + ";IFEXISTS=TRUE", "sa", "")
                        .close())
                .isInstanceOf(SQLException.class);
    }

    @Nested
    class NestedClass {

        @Test
        void seesTheEnclosingClassDatabase(TestDatabase database) throws SQLException {
            assertThat(database).isSameAs(seenInBeforeAll);
            assertThat(RoundTrip.tableVisible(database, "shared")).isTrue();
        }
    }
}
