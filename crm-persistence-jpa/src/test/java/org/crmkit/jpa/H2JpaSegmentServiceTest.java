package org.crmkit.jpa;

import org.crmkit.core.spi.CrmStore;
import org.crmkit.testkit.SegmentServiceContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link SegmentServiceContract} on the JPA store over H2. */
class H2JpaSegmentServiceTest extends SegmentServiceContract {
    @RegisterExtension
    static final JpaDatabase db = JpaDatabase.h2();

    @Override
    protected CrmStore newStore() {
        return db.store();
    }
}
