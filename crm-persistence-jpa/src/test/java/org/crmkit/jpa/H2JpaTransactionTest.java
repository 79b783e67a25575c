package org.crmkit.jpa;

import org.crmkit.core.spi.CrmStore;
import org.crmkit.testkit.TransactionContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link TransactionContract} on the JPA store over H2. */
class H2JpaTransactionTest extends TransactionContract {
    @RegisterExtension
    static final JpaDatabase db = JpaDatabase.h2();

    @Override
    protected CrmStore newStore() {
        return db.store();
    }
}
