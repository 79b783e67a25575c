package org.crmkit.jpa;

import org.crmkit.core.spi.CrmStore;
import org.crmkit.testkit.PipelineRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link PipelineRepositoryContract} on the JPA store over H2. */
class H2JpaPipelineRepositoryTest extends PipelineRepositoryContract {
    @RegisterExtension
    static final JpaDatabase db = JpaDatabase.h2();

    @Override
    protected CrmStore newStore() {
        return db.store();
    }
}
