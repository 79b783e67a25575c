package org.crmkit.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link JpaWorkStoreContract} on H2. */
class H2JpaWorkStoreTest extends JpaWorkStoreContract {
    @RegisterExtension
    static final JpaDatabase db = JpaDatabase.h2();

    @Override
    JpaDatabase db() {
        return db;
    }
}
