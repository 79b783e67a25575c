package org.crmkit.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link JpaStoreContract} on H2. */
class H2JpaStoreTest extends JpaStoreContract {
    @RegisterExtension
    static final JpaDatabase db = JpaDatabase.h2();

    @Override
    JpaDatabase db() {
        return db;
    }
}
