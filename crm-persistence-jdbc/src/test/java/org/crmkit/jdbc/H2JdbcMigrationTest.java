package org.crmkit.jdbc;

import org.crmkit.testkit.db.TestDatabase;
import org.crmkit.testkit.db.TestDatabaseExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

class H2JdbcMigrationTest extends JdbcMigrationTest {
    @RegisterExtension
    static final TestDatabaseExtension db = TestDatabaseExtension.h2();

    @Override
    TestDatabase database() {
        return db.database();
    }
}
