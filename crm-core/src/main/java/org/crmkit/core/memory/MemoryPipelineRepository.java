package org.crmkit.core.memory;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.common.Ids;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.sales.Pipeline;
import org.crmkit.core.sales.PipelineId;
import org.crmkit.core.sales.PipelineRepository;

/** {@link PipelineRepository} over one tenant's pipelines. */
final class MemoryPipelineRepository implements PipelineRepository {
    private final MemoryCrmStore store;
    private final TenantId tenant;
    private final VersionedTable<PipelineId, Pipeline> table;

    MemoryPipelineRepository(MemoryCrmStore store, TenantId tenant, VersionedTable<PipelineId, Pipeline> table) {
        this.store = store;
        this.tenant = tenant;
        this.table = table;
    }

    @Override
    public Optional<Pipeline> findById(PipelineId id) {
        ValidationException.requireNonNull(id, "pipelineId");
        return store.read(() -> table.get(id));
    }

    @Override
    public List<Pipeline> all() {
        return store.read(() -> table.all().stream()
                .sorted(Comparator.comparing(p -> p.id().value(), Ids.ORDER))
                .toList());
    }

    @Override
    public Pipeline save(Pipeline pipeline) {
        ValidationException.requireNonNull(pipeline, "pipeline");
        if (!pipeline.tenant().equals(tenant)) {
            throw new ValidationException(
                    "tenant", "pipeline belongs to tenant " + pipeline.tenant() + ", not " + tenant);
        }
        return table.save(
                store, pipeline.id(), pipeline.version(), pipeline.withVersion(pipeline.version() + 1), c -> {});
    }
}
