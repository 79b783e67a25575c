package org.crmkit.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link JpaStoreContract} on PostgreSQL. */
class PostgresJpaStoreTest extends JpaStoreContract {
    @RegisterExtension
    static final JpaDatabase db = JpaDatabase.postgres();

    @Override
    JpaDatabase db() {
        return db;
    }
}
