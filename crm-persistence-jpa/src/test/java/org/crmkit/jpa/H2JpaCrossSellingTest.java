package org.crmkit.jpa;

import org.crmkit.core.spi.CrmStore;
import org.crmkit.testkit.CrossSellingContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link CrossSellingContract} on the JPA store over H2. */
class H2JpaCrossSellingTest extends CrossSellingContract {
    @RegisterExtension
    static final JpaDatabase db = JpaDatabase.h2();

    @Override
    protected CrmStore newStore() {
        return db.store();
    }
}
