package org.crmkit.jpa;

import org.crmkit.core.spi.CrmStore;
import org.crmkit.testkit.TaskServiceContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link TaskServiceContract} on the JPA store over PostgreSQL. */
class PostgresJpaTaskServiceTest extends TaskServiceContract {
    @RegisterExtension
    static final JpaDatabase db = JpaDatabase.postgres();

    @Override
    protected CrmStore newStore() {
        return db.store();
    }
}
