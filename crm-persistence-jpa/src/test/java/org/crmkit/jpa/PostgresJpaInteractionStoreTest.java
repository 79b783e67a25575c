package org.crmkit.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link JpaInteractionStoreContract} on PostgreSQL. */
class PostgresJpaInteractionStoreTest extends JpaInteractionStoreContract {
    @RegisterExtension
    static final JpaDatabase db = JpaDatabase.postgres();

    @Override
    JpaDatabase db() {
        return db;
    }
}
