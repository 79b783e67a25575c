package org.crmkit.jpa;

import org.crmkit.core.spi.CrmStore;
import org.crmkit.testkit.SegmentServiceContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link SegmentServiceContract} on the JPA store over PostgreSQL. */
class PostgresJpaSegmentServiceTest extends SegmentServiceContract {
    @RegisterExtension
    static final JpaDatabase db = JpaDatabase.postgres();

    @Override
    protected CrmStore newStore() {
        return db.store();
    }
}
