package org.crmkit.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link JpaReadContract} on PostgreSQL. */
class PostgresJpaReadTest extends JpaReadContract {
    @RegisterExtension
    static final JpaDatabase db = JpaDatabase.postgres();

    @Override
    JpaDatabase db() {
        return db;
    }
}
