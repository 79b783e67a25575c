package org.crmkit.jpa;

import org.crmkit.core.spi.CrmStore;
import org.crmkit.testkit.RotationRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link RotationRepositoryContract} on the JPA store over PostgreSQL. */
class PostgresJpaRotationRepositoryTest extends RotationRepositoryContract {
    @RegisterExtension
    static final JpaDatabase db = JpaDatabase.postgres();

    @Override
    protected CrmStore newStore() {
        return db.store();
    }
}
