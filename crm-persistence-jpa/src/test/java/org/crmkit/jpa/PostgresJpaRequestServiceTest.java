package org.crmkit.jpa;

import org.crmkit.core.spi.CrmStore;
import org.crmkit.testkit.RequestServiceContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link RequestServiceContract} on the JPA store over PostgreSQL. */
class PostgresJpaRequestServiceTest extends RequestServiceContract {
    @RegisterExtension
    static final JpaDatabase db = JpaDatabase.postgres();

    @Override
    protected CrmStore newStore() {
        return db.store();
    }
}
