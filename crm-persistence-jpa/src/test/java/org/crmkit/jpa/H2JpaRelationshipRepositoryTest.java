package org.crmkit.jpa;

import org.crmkit.core.spi.CrmStore;
import org.crmkit.testkit.RelationshipRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link RelationshipRepositoryContract} on the JPA store over H2. */
class H2JpaRelationshipRepositoryTest extends RelationshipRepositoryContract {
    @RegisterExtension
    static final JpaDatabase db = JpaDatabase.h2();

    @Override
    protected CrmStore newStore() {
        return db.store();
    }
}
