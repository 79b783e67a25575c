package org.crmkit.jdbc;

import org.crmkit.testkit.db.TestDatabase;
import org.crmkit.testkit.db.TestDatabaseExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;

class MariaDbJdbcSalesTest extends JdbcSalesTest {
    @RegisterExtension
    static final TestDatabaseExtension db = TestDatabaseExtension.mariadb();

    @Override
    TestDatabase database() {
        return db.database();
    }

    @AfterAll
    static void closePool() {
        Fixtures.close(db.database());
    }
}
