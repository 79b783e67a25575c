package org.crmkit.jpa;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.sales.ForecastCategory;
import org.crmkit.core.sales.Pipeline;
import org.crmkit.core.sales.PipelineId;
import org.crmkit.core.sales.Stage;
import org.crmkit.core.sales.StageId;
import org.crmkit.jpa.internal.PipelineEntity;
import org.crmkit.jpa.internal.PipelineStageEntity;
import org.crmkit.jpa.internal.ReasonList;

/**
 * Maps the core's immutable {@link Pipeline} to and from its rows: a {@link PipelineEntity} and a
 * {@link PipelineStageEntity} per stage, in the pipeline's order. The audit is kept to the
 * microsecond: {@link #normalised} is the pipeline exactly as the store will hand it back. Stateless.
 */
final class PipelineMapper {
    private PipelineMapper() {}

    /** {@code pipeline} with its audit truncated to microseconds; itself when it needs none. */
    static Pipeline normalised(Pipeline pipeline) {
        if (CustomerMapper.isMicros(pipeline.audit().createdAt())
                && CustomerMapper.isMicros(pipeline.audit().updatedAt())) {
            return pipeline;
        }
        return Pipeline.restore(
                pipeline.id(),
                pipeline.tenant(),
                pipeline.name(),
                pipeline.stages(),
                pipeline.wonReasons(),
                pipeline.lostReasons(),
                CustomerMapper.micros(pipeline.audit()),
                pipeline.version());
    }

    /** A new row holding {@code pipeline}, which must be {@link #normalised}, without its stages. */
    static PipelineEntity newEntity(Pipeline pipeline) {
        PipelineEntity entity =
                new PipelineEntity(pipeline.tenant().value(), pipeline.id().value());
        apply(pipeline, entity);
        return entity;
    }

    /**
     * Writes the state of {@code pipeline} (already {@link #normalised}) but its stages into {@code
     * entity}; the stage count too.
     *
     * @return whether any column changed
     */
    static boolean apply(Pipeline pipeline, PipelineEntity entity) {
        List<Object> before = columns(entity);
        entity.setName(pipeline.name());
        entity.setWonReasons(new ReasonList(pipeline.wonReasons()));
        entity.setLostReasons(new ReasonList(pipeline.lostReasons()));
        entity.setStageCount((short) pipeline.stages().size());
        entity.setAudit(CustomerMapper.auditValue(pipeline.audit()));
        return !before.equals(columns(entity));
    }

    /**
     * Writes {@code stage} into the row at its position.
     *
     * @return whether any column changed
     */
    static boolean apply(Stage stage, PipelineStageEntity row) {
        boolean changed = !stage.id().value().equals(row.getStageId())
                || !stage.name().equals(row.getName())
                || row.getProbability() != stage.probability()
                || !stage.category().name().equals(row.getCategory())
                || row.isRetired() != stage.retired();
        row.setStageId(stage.id().value());
        row.setName(stage.name());
        row.setProbability((short) stage.probability());
        row.setCategory(stage.category().name());
        row.setRetired(stage.retired());
        return changed;
    }

    /** The stage a row of {@code crmkit_pipeline_stage} holds. */
    static Stage stage(UUID stageId, String name, short probability, String category, boolean retired) {
        return new Stage(new StageId(stageId), name, probability, ForecastCategory.valueOf(category), retired);
    }

    /** The pipeline held by {@code entity} with {@code stages}. */
    static Pipeline toDomain(PipelineEntity entity, List<Stage> stages) {
        return Pipeline.restore(
                new PipelineId(entity.getId()),
                TenantId.of(entity.getTenantId()),
                entity.getName(),
                stages,
                entity.getWonReasons().reasons(),
                entity.getLostReasons().reasons(),
                CustomerMapper.audit(entity.getAudit()),
                entity.getVersion() + 1);
    }

    /** The values of every column of {@code e} but its key and version, to tell a change. */
    private static List<Object> columns(PipelineEntity e) {
        return Arrays.asList(e.getName(), e.getWonReasons(), e.getLostReasons(), e.getStageCount(), e.getAudit());
    }
}
