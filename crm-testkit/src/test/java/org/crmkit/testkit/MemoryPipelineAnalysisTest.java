package org.crmkit.testkit;

import org.crmkit.core.memory.MemoryCrmStore;
import org.crmkit.core.spi.CrmStore;

class MemoryPipelineAnalysisTest extends PipelineAnalysisContract {
    @Override
    protected CrmStore newStore() {
        return MemoryCrmStore.create();
    }
}
