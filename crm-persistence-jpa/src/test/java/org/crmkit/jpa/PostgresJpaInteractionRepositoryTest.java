package org.crmkit.jpa;

import org.crmkit.core.spi.CrmStore;
import org.crmkit.testkit.InteractionRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link InteractionRepositoryContract} on the JPA store over PostgreSQL. */
class PostgresJpaInteractionRepositoryTest extends InteractionRepositoryContract {
    @RegisterExtension
    static final JpaDatabase db = JpaDatabase.postgres();

    @Override
    protected CrmStore newStore() {
        return db.store();
    }
}
