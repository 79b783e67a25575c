package org.crmkit.jpa;

import org.crmkit.core.spi.CrmStore;
import org.crmkit.testkit.RequestRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link RequestRepositoryContract} on the JPA store over H2. */
class H2JpaRequestRepositoryTest extends RequestRepositoryContract {
    @RegisterExtension
    static final JpaDatabase db = JpaDatabase.h2();

    @Override
    protected CrmStore newStore() {
        return db.store();
    }
}
