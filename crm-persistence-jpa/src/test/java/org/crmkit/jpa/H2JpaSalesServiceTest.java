package org.crmkit.jpa;

import org.crmkit.core.spi.CrmStore;
import org.crmkit.testkit.SalesServiceContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link SalesServiceContract} on the JPA store over H2. */
class H2JpaSalesServiceTest extends SalesServiceContract {
    @RegisterExtension
    static final JpaDatabase db = JpaDatabase.h2();

    @Override
    protected CrmStore newStore() {
        return db.store();
    }
}
