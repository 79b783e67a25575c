package org.crmkit.jpa;

import org.crmkit.core.spi.CrmStore;
import org.crmkit.testkit.SalesAnalysisContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link SalesAnalysisContract} on the JPA store over H2. */
class H2JpaSalesAnalysisTest extends SalesAnalysisContract {
    @RegisterExtension
    static final JpaDatabase db = JpaDatabase.h2();

    @Override
    protected CrmStore newStore() {
        return db.store();
    }
}
