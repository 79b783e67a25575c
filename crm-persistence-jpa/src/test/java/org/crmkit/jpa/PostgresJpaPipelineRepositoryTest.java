package org.crmkit.jpa;

import org.crmkit.core.spi.CrmStore;
import org.crmkit.testkit.PipelineRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link PipelineRepositoryContract} on the JPA store over PostgreSQL. */
class PostgresJpaPipelineRepositoryTest extends PipelineRepositoryContract {
    @RegisterExtension
    static final JpaDatabase db = JpaDatabase.postgres();

    @Override
    protected CrmStore newStore() {
        return db.store();
    }
}
