package org.crmkit.jpa;

import org.crmkit.core.spi.CrmStore;
import org.crmkit.testkit.RfmContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link RfmContract} on the JPA store over H2. */
class H2JpaRfmTest extends RfmContract {
    @RegisterExtension
    static final JpaDatabase db = JpaDatabase.h2();

    @Override
    protected CrmStore newStore() {
        return db.store();
    }
}
