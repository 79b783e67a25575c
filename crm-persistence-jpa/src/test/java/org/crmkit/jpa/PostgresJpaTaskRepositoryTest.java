package org.crmkit.jpa;

import org.crmkit.core.spi.CrmStore;
import org.crmkit.testkit.TaskRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link TaskRepositoryContract} on the JPA store over PostgreSQL. */
class PostgresJpaTaskRepositoryTest extends TaskRepositoryContract {
    @RegisterExtension
    static final JpaDatabase db = JpaDatabase.postgres();

    @Override
    protected CrmStore newStore() {
        return db.store();
    }
}
