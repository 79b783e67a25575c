package org.crmkit.jpa;

import org.crmkit.core.spi.CrmStore;
import org.crmkit.testkit.PipelineAnalysisContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link PipelineAnalysisContract} on the JPA store over H2. */
class H2JpaPipelineAnalysisTest extends PipelineAnalysisContract {
    @RegisterExtension
    static final JpaDatabase db = JpaDatabase.h2();

    @Override
    protected CrmStore newStore() {
        return db.store();
    }
}
