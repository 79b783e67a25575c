package org.crmkit.jpa;

import org.crmkit.core.spi.CrmStore;
import org.crmkit.testkit.SalesServiceContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link SalesServiceContract} on the JPA store over PostgreSQL. */
class PostgresJpaSalesServiceTest extends SalesServiceContract {
    @RegisterExtension
    static final JpaDatabase db = JpaDatabase.postgres();

    @Override
    protected CrmStore newStore() {
        return db.store();
    }
}
