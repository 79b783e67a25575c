package org.crmkit.jpa;

import org.crmkit.core.spi.CrmStore;
import org.crmkit.testkit.SalesAnalysisContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link SalesAnalysisContract} on the JPA store over PostgreSQL. */
class PostgresJpaSalesAnalysisTest extends SalesAnalysisContract {
    @RegisterExtension
    static final JpaDatabase db = JpaDatabase.postgres();

    @Override
    protected CrmStore newStore() {
        return db.store();
    }
}
