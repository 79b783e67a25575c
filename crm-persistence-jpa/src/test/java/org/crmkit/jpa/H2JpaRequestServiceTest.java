package org.crmkit.jpa;

import org.crmkit.core.spi.CrmStore;
import org.crmkit.testkit.RequestServiceContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link RequestServiceContract} on the JPA store over H2. */
class H2JpaRequestServiceTest extends RequestServiceContract {
    @RegisterExtension
    static final JpaDatabase db = JpaDatabase.h2();

    @Override
    protected CrmStore newStore() {
        return db.store();
    }
}
