package org.crmkit.jpa;

import org.crmkit.core.spi.CrmStore;
import org.crmkit.testkit.CustomerRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link CustomerRepositoryContract} on the JPA store over H2. */
class H2JpaCustomerRepositoryTest extends CustomerRepositoryContract {
    @RegisterExtension
    static final JpaDatabase db = JpaDatabase.h2();

    @Override
    protected CrmStore newStore() {
        return db.store();
    }
}
