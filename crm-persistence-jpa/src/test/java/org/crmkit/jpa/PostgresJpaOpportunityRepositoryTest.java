package org.crmkit.jpa;

import org.crmkit.core.spi.CrmStore;
import org.crmkit.testkit.OpportunityRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link OpportunityRepositoryContract} on the JPA store over PostgreSQL. */
class PostgresJpaOpportunityRepositoryTest extends OpportunityRepositoryContract {
    @RegisterExtension
    static final JpaDatabase db = JpaDatabase.postgres();

    @Override
    protected CrmStore newStore() {
        return db.store();
    }
}
