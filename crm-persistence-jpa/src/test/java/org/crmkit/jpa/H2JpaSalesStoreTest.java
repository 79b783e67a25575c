package org.crmkit.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link JpaSalesStoreContract} on H2. */
class H2JpaSalesStoreTest extends JpaSalesStoreContract {
    @RegisterExtension
    static final JpaDatabase db = JpaDatabase.h2();

    @Override
    JpaDatabase db() {
        return db;
    }
}
