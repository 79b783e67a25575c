package org.crmkit.testkit;

import java.time.Duration;
import org.crmkit.core.cache.CacheSettings;
import org.crmkit.core.cache.CachingCrmStore;
import org.crmkit.core.memory.MemoryCrmStore;
import org.crmkit.core.spi.CrmStore;

class CachedMemoryPipelineAnalysisTest extends PipelineAnalysisContract {
    @Override
    protected CrmStore newStore() {
        return CachingCrmStore.wrap(MemoryCrmStore.create(), CacheSettings.of(10_000, Duration.ofMinutes(5)));
    }
}
