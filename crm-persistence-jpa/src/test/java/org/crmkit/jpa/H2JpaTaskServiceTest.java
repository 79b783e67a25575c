package org.crmkit.jpa;

import org.crmkit.core.spi.CrmStore;
import org.crmkit.testkit.TaskServiceContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link TaskServiceContract} on the JPA store over H2. */
class H2JpaTaskServiceTest extends TaskServiceContract {
    @RegisterExtension
    static final JpaDatabase db = JpaDatabase.h2();

    @Override
    protected CrmStore newStore() {
        return db.store();
    }
}
