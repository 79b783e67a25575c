package org.crmkit.jpa;

import org.crmkit.core.spi.CrmStore;
import org.crmkit.testkit.TaskRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link TaskRepositoryContract} on the JPA store over H2. */
class H2JpaTaskRepositoryTest extends TaskRepositoryContract {
    @RegisterExtension
    static final JpaDatabase db = JpaDatabase.h2();

    @Override
    protected CrmStore newStore() {
        return db.store();
    }
}
