package org.crmkit.jpa;

import org.crmkit.core.spi.CrmStore;
import org.crmkit.testkit.OrderRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link OrderRepositoryContract} on the JPA store over PostgreSQL. */
class PostgresJpaOrderRepositoryTest extends OrderRepositoryContract {
    @RegisterExtension
    static final JpaDatabase db = JpaDatabase.postgres();

    @Override
    protected CrmStore newStore() {
        return db.store();
    }
}
