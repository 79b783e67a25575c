package org.crmkit.jpa;

import org.crmkit.core.spi.CrmStore;
import org.crmkit.testkit.InteractionServiceContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link InteractionServiceContract} on the JPA store over PostgreSQL. */
class PostgresJpaInteractionServiceTest extends InteractionServiceContract {
    @RegisterExtension
    static final JpaDatabase db = JpaDatabase.postgres();

    @Override
    protected CrmStore newStore() {
        return db.store();
    }
}
