package org.crmkit.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link JpaReadContract} on H2. */
class H2JpaReadTest extends JpaReadContract {
    @RegisterExtension
    static final JpaDatabase db = JpaDatabase.h2();

    @Override
    JpaDatabase db() {
        return db;
    }
}
