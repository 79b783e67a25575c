package org.crmkit.jpa;

import org.crmkit.core.spi.CrmStore;
import org.crmkit.testkit.InteractionServiceContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link InteractionServiceContract} on the JPA store over H2. */
class H2JpaInteractionServiceTest extends InteractionServiceContract {
    @RegisterExtension
    static final JpaDatabase db = JpaDatabase.h2();

    @Override
    protected CrmStore newStore() {
        return db.store();
    }
}
