package org.crmkit.jpa;

import org.crmkit.core.spi.CrmStore;
import org.crmkit.testkit.PipelineAnalysisContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link PipelineAnalysisContract} on the JPA store over PostgreSQL. */
class PostgresJpaPipelineAnalysisTest extends PipelineAnalysisContract {
    @RegisterExtension
    static final JpaDatabase db = JpaDatabase.postgres();

    @Override
    protected CrmStore newStore() {
        return db.store();
    }
}
