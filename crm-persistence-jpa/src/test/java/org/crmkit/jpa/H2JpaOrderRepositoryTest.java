package org.crmkit.jpa;

import org.crmkit.core.spi.CrmStore;
import org.crmkit.testkit.OrderRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link OrderRepositoryContract} on the JPA store over H2. */
class H2JpaOrderRepositoryTest extends OrderRepositoryContract {
    @RegisterExtension
    static final JpaDatabase db = JpaDatabase.h2();

    @Override
    protected CrmStore newStore() {
        return db.store();
    }
}
