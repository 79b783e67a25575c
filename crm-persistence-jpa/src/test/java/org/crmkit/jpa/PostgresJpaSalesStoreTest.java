package org.crmkit.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link JpaSalesStoreContract} on PostgreSQL. */
class PostgresJpaSalesStoreTest extends JpaSalesStoreContract {
    @RegisterExtension
    static final JpaDatabase db = JpaDatabase.postgres();

    @Override
    JpaDatabase db() {
        return db;
    }
}
