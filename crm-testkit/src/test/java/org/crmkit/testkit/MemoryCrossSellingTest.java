package org.crmkit.testkit;

import org.crmkit.core.memory.MemoryCrmStore;
import org.crmkit.core.spi.CrmStore;

class MemoryCrossSellingTest extends CrossSellingContract {
    @Override
    protected CrmStore newStore() {
        return MemoryCrmStore.create();
    }
}
