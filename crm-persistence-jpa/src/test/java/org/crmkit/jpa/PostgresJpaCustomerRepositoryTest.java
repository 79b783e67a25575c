package org.crmkit.jpa;

import org.crmkit.core.spi.CrmStore;
import org.crmkit.testkit.CustomerRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link CustomerRepositoryContract} on the JPA store over PostgreSQL. */
class PostgresJpaCustomerRepositoryTest extends CustomerRepositoryContract {
    @RegisterExtension
    static final JpaDatabase db = JpaDatabase.postgres();

    @Override
    protected CrmStore newStore() {
        return db.store();
    }
}
