package org.crmkit.jpa;

import org.crmkit.core.spi.CrmStore;
import org.crmkit.testkit.RelationshipRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link RelationshipRepositoryContract} on the JPA store over PostgreSQL. */
class PostgresJpaRelationshipRepositoryTest extends RelationshipRepositoryContract {
    @RegisterExtension
    static final JpaDatabase db = JpaDatabase.postgres();

    @Override
    protected CrmStore newStore() {
        return db.store();
    }
}
