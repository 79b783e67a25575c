package org.crmkit.jdbc;

import org.crmkit.core.spi.CrmStore;
import org.crmkit.testkit.PipelineAnalysisContract;
import org.crmkit.testkit.db.TestDatabaseExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresJdbcPipelineAnalysisTest extends PipelineAnalysisContract {
    @RegisterExtension
    static final TestDatabaseExtension db = TestDatabaseExtension.postgres();

    @Override
    protected CrmStore newStore() {
        return Fixtures.store(db.database());
    }

    @AfterAll
    static void closePool() {
        Fixtures.close(db.database());
    }
}
