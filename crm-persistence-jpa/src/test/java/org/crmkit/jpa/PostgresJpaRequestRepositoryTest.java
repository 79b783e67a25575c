package org.crmkit.jpa;

import org.crmkit.core.spi.CrmStore;
import org.crmkit.testkit.RequestRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link RequestRepositoryContract} on the JPA store over PostgreSQL. */
class PostgresJpaRequestRepositoryTest extends RequestRepositoryContract {
    @RegisterExtension
    static final JpaDatabase db = JpaDatabase.postgres();

    @Override
    protected CrmStore newStore() {
        return db.store();
    }
}
