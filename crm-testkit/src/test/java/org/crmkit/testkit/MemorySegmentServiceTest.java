package org.crmkit.testkit;

import org.crmkit.core.memory.MemoryCrmStore;
import org.crmkit.core.spi.CrmStore;

class MemorySegmentServiceTest extends SegmentServiceContract {
    @Override
    protected CrmStore newStore() {
        return MemoryCrmStore.create();
    }
}
