package org.crmkit.core.sales;

import java.util.List;
import java.util.Optional;

/**
 * The port through which the pipelines of <em>one tenant</em> are kept. No argument may be null;
 * nothing returned is null. Implementations are thread-safe and take part in the store's current
 * unit of work. The {@code crm-testkit} contract {@code PipelineRepositoryContract} states the
 * behaviour.
 */
public interface PipelineRepository {

    /** The pipeline with {@code id}; empty when the tenant has none. */
    Optional<Pipeline> findById(PipelineId id);

    /** Every pipeline of the tenant, by id (a tenant has a handful). */
    List<Pipeline> all();

    /**
     * Stores {@code pipeline} with its stages in order: inserts it when its version is 0, otherwise
     * replaces the stored one if that still has the same version.
     *
     * @return the pipeline as stored, with its version one higher
     * @throws org.crmkit.core.common.ConcurrentUpdateException when the stored version differs or a
     *     pipeline with its id is stored already (version 0); nothing is written
     * @throws org.crmkit.core.common.NotFoundException when a version above 0 is given for a pipeline
     *     that is not stored
     * @throws org.crmkit.core.common.ValidationException when the pipeline belongs to another tenant
     */
    Pipeline save(Pipeline pipeline);
}
