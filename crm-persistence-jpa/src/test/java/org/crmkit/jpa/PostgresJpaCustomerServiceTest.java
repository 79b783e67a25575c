package org.crmkit.jpa;

import org.crmkit.core.spi.CrmStore;
import org.crmkit.testkit.CustomerServiceContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link CustomerServiceContract} on the JPA store over PostgreSQL. */
class PostgresJpaCustomerServiceTest extends CustomerServiceContract {
    @RegisterExtension
    static final JpaDatabase db = JpaDatabase.postgres();

    @Override
    protected CrmStore newStore() {
        return db.store();
    }
}
