package org.crmkit.jpa;

import org.crmkit.core.spi.CrmStore;
import org.crmkit.testkit.CrossSellingContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link CrossSellingContract} on the JPA store over PostgreSQL. */
class PostgresJpaCrossSellingTest extends CrossSellingContract {
    @RegisterExtension
    static final JpaDatabase db = JpaDatabase.postgres();

    @Override
    protected CrmStore newStore() {
        return db.store();
    }
}
