package org.crmkit.jpa;

import org.crmkit.core.spi.CrmStore;
import org.crmkit.testkit.RotationRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link RotationRepositoryContract} on the JPA store over H2. */
class H2JpaRotationRepositoryTest extends RotationRepositoryContract {
    @RegisterExtension
    static final JpaDatabase db = JpaDatabase.h2();

    @Override
    protected CrmStore newStore() {
        return db.store();
    }
}
