package org.crmkit.jpa;

import org.crmkit.core.spi.CrmStore;
import org.crmkit.testkit.OpportunityRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link OpportunityRepositoryContract} on the JPA store over H2. */
class H2JpaOpportunityRepositoryTest extends OpportunityRepositoryContract {
    @RegisterExtension
    static final JpaDatabase db = JpaDatabase.h2();

    @Override
    protected CrmStore newStore() {
        return db.store();
    }
}
