package org.crmkit.jpa;

import org.crmkit.core.spi.CrmStore;
import org.crmkit.testkit.InteractionRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link InteractionRepositoryContract} on the JPA store over H2. */
class H2JpaInteractionRepositoryTest extends InteractionRepositoryContract {
    @RegisterExtension
    static final JpaDatabase db = JpaDatabase.h2();

    @Override
    protected CrmStore newStore() {
        return db.store();
    }
}
