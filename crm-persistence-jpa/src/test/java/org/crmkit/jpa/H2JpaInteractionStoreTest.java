package org.crmkit.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link JpaInteractionStoreContract} on H2. */
class H2JpaInteractionStoreTest extends JpaInteractionStoreContract {
    @RegisterExtension
    static final JpaDatabase db = JpaDatabase.h2();

    @Override
    JpaDatabase db() {
        return db;
    }
}
