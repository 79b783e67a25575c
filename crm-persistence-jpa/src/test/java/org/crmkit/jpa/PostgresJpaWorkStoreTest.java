package org.crmkit.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link JpaWorkStoreContract} on PostgreSQL. */
class PostgresJpaWorkStoreTest extends JpaWorkStoreContract {
    @RegisterExtension
    static final JpaDatabase db = JpaDatabase.postgres();

    @Override
    JpaDatabase db() {
        return db;
    }
}
