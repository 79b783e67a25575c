package org.crmkit.testkit.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;

/** Configuration handling that needs no database server. */
class TestDatabaseExtensionTest {

    @Test
    void schemaNamesAreUniqueLowercaseIdentifiers() {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String name = TestDatabaseExtension.newSchemaName();
            assertThat(name).matches("crm_test_[0-9a-f]{12}");
            names.add(name);
        }
        assertThat(names).hasSize(1000);
    }

    @Test
    void mariadbIsDisabledWithoutItsUrl() {
        // condition() is evaluateExecutionCondition() without the System.err notice, which would
        // mislead in a run where the variable is set
        ConditionEvaluationResult result =
                TestDatabaseExtension.mariadb(Map.of()).condition();
        assertThat(result.isDisabled()).isTrue();
        assertThat(result.getReason()).hasValue("CRM_TEST_MARIADB_URL is not set; MariaDB tests skipped");

        ConditionEvaluationResult blank = TestDatabaseExtension.mariadb(Map.of("CRM_TEST_MARIADB_URL", " "))
                .condition();
        assertThat(blank.isDisabled()).isTrue();
    }

    @Test
    void mariadbIsEnabledWithItsUrlWithoutConnecting() {
        ConditionEvaluationResult result = TestDatabaseExtension.mariadb(
                        Map.of("CRM_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:1/test"))
                .evaluateExecutionCondition(Contexts.withId("[c]"));
        assertThat(result.isDisabled()).isFalse();
    }

    @Test
    void postgresAndH2AreNeverDisabled() {
        assertThat(TestDatabaseExtension.postgres(Map.of())
                        .evaluateExecutionCondition(Contexts.withId("[c]"))
                        .isDisabled())
                .isFalse();
        assertThat(TestDatabaseExtension.h2()
                        .evaluateExecutionCondition(Contexts.withId("[c]"))
                        .isDisabled())
                .isFalse();
    }

    @Test
    void unreachablePostgresFailsNamingTheUrlAndVariable() {
        TestDatabaseExtension extension = TestDatabaseExtension.postgres(
                Map.of("CRM_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:1/test?user=postgres&password=s3cret"));
        assertThatThrownBy(() -> extension.beforeAll(Contexts.withId("[c]")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:1/test ")
                .hasMessageContaining("set by environment variable CRM_TEST_POSTGRES_URL")
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(extension::database).isInstanceOf(IllegalStateException.class);
        extension.afterAll(Contexts.withId("[c]")); // nothing to drop, no error
    }

    @Test
    void unreachableMariadbFailsNamingTheUrlAndVariable() {
        TestDatabaseExtension extension = TestDatabaseExtension.mariadb(
                Map.of("CRM_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:1/test?user=root&password=s3cret"));
        assertThatThrownBy(() -> extension.beforeAll(Contexts.withId("[c]")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Cannot connect to MariaDB at jdbc:mariadb://127.0.0.1:1/test ")
                .hasMessageContaining("set by environment variable CRM_TEST_MARIADB_URL")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void postgresUrlMustBeAPostgresUrl() {
        TestDatabaseExtension extension =
                TestDatabaseExtension.postgres(Map.of("CRM_TEST_POSTGRES_URL", "jdbc:mysql://h/db"));
        assertThatThrownBy(() -> extension.beforeAll(Contexts.withId("[c]")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CRM_TEST_POSTGRES_URL must be a jdbc:postgresql: URL");
    }

    @Test
    void postgresCredentialsComeFromTheUrlOrTheVariables() {
        PostgresProvisioner.Server fromUrl = PostgresProvisioner.fromUrl(
                "jdbc:postgresql://h:5432/test?user=alice&ssl=false&password=p%40ss&currentSchema=x", null, null, "o");
        assertThat(fromUrl.url).hasToString("jdbc:postgresql://h:5432/test?ssl=false");
        assertThat(fromUrl.user).isEqualTo("alice");
        assertThat(fromUrl.password).isEqualTo("p@ss");

        PostgresProvisioner.Server fromVariables =
                PostgresProvisioner.fromUrl("jdbc:postgresql://h/test?user=alice", "bob", "pw", "o");
        assertThat(fromVariables.url).hasToString("jdbc:postgresql://h/test");
        assertThat(fromVariables.user).isEqualTo("bob");
        assertThat(fromVariables.password).isEqualTo("pw");

        PostgresProvisioner.Server noUser = PostgresProvisioner.fromUrl("jdbc:postgresql://h/test", null, null, "o");
        assertThat(noUser.user).isEqualTo(System.getProperty("user.name"));
        assertThat(noUser.password).isEmpty();
    }

    @Test
    void urlsAreRewrittenKeepingOtherParameters() {
        JdbcUrl url = JdbcUrl.parse("jdbc:postgresql://h/test?a=1&currentSchema=old&b=2");
        assertThat(url.with("currentSchema", "new")).hasToString("jdbc:postgresql://h/test?a=1&currentSchema=new&b=2");
        assertThat(JdbcUrl.parse("jdbc:postgresql:test").with("currentSchema", "s"))
                .hasToString("jdbc:postgresql:test?currentSchema=s");

        assertThat(JdbcUrl.parse("jdbc:mariadb://h:3306/test?useSsl=false").withDatabase("crm"))
                .hasToString("jdbc:mariadb://h:3306/crm?useSsl=false");
        assertThat(JdbcUrl.parse("jdbc:mariadb://h:3306").withDatabase("crm")).hasToString("jdbc:mariadb://h:3306/crm");
        assertThat(JdbcUrl.parse("jdbc:mariadb://h1:3306,h2:3306/").withDatabase("crm"))
                .hasToString("jdbc:mariadb://h1:3306,h2:3306/crm");

        assertThat(JdbcUrl.redact("jdbc:x://h/d?user=u&password=secret&z=1"))
                .isEqualTo("jdbc:x://h/d?user=u&password=***&z=1");
    }

    @Test
    void databaseToStringHidesThePassword() {
        TestDatabase database = new TestDatabase(
                TestDatabase.Kind.MARIADB, "jdbc:mariadb://h/crm_test_x", "root", "secret", "crm_test_x");
        assertThat(database.toString())
                .contains("MARIADB", "root", "crm_test_x")
                .doesNotContain("secret");
    }
}
