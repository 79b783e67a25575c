package org.crmkit.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.crmkit.core.common.ConcurrentUpdateException;
import org.crmkit.core.common.NotFoundException;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.sales.Pipeline;
import org.crmkit.core.sales.PipelineId;
import org.crmkit.core.sales.PipelineRepository;
import org.crmkit.core.sales.Stage;
import org.crmkit.jpa.internal.PipelineEntity;
import org.crmkit.jpa.internal.PipelineKey;
import org.crmkit.jpa.internal.PipelineStageEntity;

/**
 * {@link PipelineRepository} of one tenant over JPA. Every query names the tenant, and every key of
 * {@code crmkit_pipeline} and {@code crmkit_pipeline_stage} leads with it.
 *
 * <p>Pipelines are read in two statements however many there are (up to {@value #CHUNK} at a time):
 * one for the rows and one for all their stages. That statement returns each pipeline's version;
 * should a writer commit between the two, the torn pipelines are read once more under a shared lock,
 * so a read never mixes two versions of a pipeline. A save writes the pipeline's row first (its
 * version, also when only stages changed) and then the stages that changed, position by position.
 * Thread-safe: holds no entity manager.
 */
final class JpaPipelineRepository implements PipelineRepository {
    /** The most values in one {@code IN} list. */
    static final int CHUNK = 500;

    private static final String ENTITY = "CrmkitPipeline";
    private static final String STAGE = "CrmkitPipelineStage";

    private final JpaCrmStore store;
    private final TenantId tenant;

    JpaPipelineRepository(JpaCrmStore store, TenantId tenant) {
        this.store = store;
        this.tenant = tenant;
    }

    @Override
    public Optional<Pipeline> findById(PipelineId id) {
        ValidationException.requireNonNull(id, "pipelineId");
        return store.run(em -> {
            try {
                PipelineEntity entity = em.find(PipelineEntity.class, key(id.value()));
                return entity == null
                        ? Optional.<Pipeline>empty()
                        : Optional.of(assemble(em, List.of(entity)).get(0));
            } catch (RuntimeException e) {
                throw Errors.translate(e);
            }
        });
    }

    @Override
    public List<Pipeline> all() {
        return store.run(em -> {
            try {
                return assemble(
                        em,
                        em.createQuery(
                                        "select p from " + ENTITY + " p where p.tenantId = :tenant order by p.id",
                                        PipelineEntity.class)
                                .setParameter("tenant", tenant.value())
                                .getResultList());
            } catch (RuntimeException e) {
                throw Errors.translate(e);
            }
        });
    }

    @Override
    public Pipeline save(Pipeline pipeline) {
        ValidationException.requireNonNull(pipeline, "pipeline");
        if (!pipeline.tenant().equals(tenant)) {
            throw new ValidationException(
                    "tenant", "pipeline belongs to tenant " + pipeline.tenant() + ", not " + tenant);
        }
        Pipeline stored = PipelineMapper.normalised(pipeline);
        return store.run(em -> {
            try {
                return save(em, stored);
            } catch (RuntimeException e) {
                throw Errors.onWrite(e, "Pipeline", pipeline.id(), pipeline.version());
            }
        });
    }

    @Override
    public String toString() {
        return "JpaPipelineRepository[" + tenant + "]";
    }

    private Pipeline save(EntityManager em, Pipeline pipeline) {
        long expected = pipeline.version();
        PipelineEntity entity = em.find(PipelineEntity.class, key(pipeline.id().value()));
        if (entity == null) {
            if (expected != 0) {
                throw new NotFoundException("Pipeline", pipeline.id());
            }
            entity = PipelineMapper.newEntity(pipeline);
            em.persist(entity);
            List<Stage> stages = pipeline.stages();
            for (int seq = 0; seq < stages.size(); seq++) {
                PipelineStageEntity row = new PipelineStageEntity(entity, (short) seq);
                PipelineMapper.apply(stages.get(seq), row);
                em.persist(row);
            }
            em.flush();
            return pipeline.withVersion(entity.getVersion() + 1);
        }
        if (expected == 0 || entity.getVersion() + 1 != expected) {
            throw new ConcurrentUpdateException("Pipeline", pipeline.id(), expected);
        }
        List<PipelineStageEntity> rows = em.createQuery(
                        "select s from " + STAGE + " s where s.tenantId = :tenant and s.pipelineId = :pipeline"
                                + " order by s.seq",
                        PipelineStageEntity.class)
                .setParameter("tenant", tenant.value())
                .setParameter("pipeline", entity.getId())
                .getResultList();
        // the pipeline's row first, so that a stale version fails before any stage is written
        if (!PipelineMapper.apply(pipeline, entity)) {
            // nothing of the row changed, yet every save makes a new version
            em.lock(entity, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        }
        em.flush();
        List<Stage> stages = pipeline.stages();
        boolean changed = false;
        for (int seq = 0; seq < Math.max(rows.size(), stages.size()); seq++) {
            if (seq >= stages.size()) {
                em.remove(rows.get(seq));
                changed = true;
            } else if (seq >= rows.size()) {
                PipelineStageEntity row = new PipelineStageEntity(entity, (short) seq);
                PipelineMapper.apply(stages.get(seq), row);
                em.persist(row);
                changed = true;
            } else {
                changed |= PipelineMapper.apply(stages.get(seq), rows.get(seq));
            }
        }
        if (changed) {
            em.flush();
        }
        return pipeline.withVersion(entity.getVersion() + 1);
    }

    /**
     * The pipelines of {@code roots}, in their order, with their stages read in one statement per
     * {@value #CHUNK} pipelines.
     */
    private List<Pipeline> assemble(EntityManager em, List<PipelineEntity> roots) {
        return WholeReads.inChunks(roots, CHUNK, chunk -> assembleChunk(em, chunk));
    }

    private List<Pipeline> assembleChunk(EntityManager em, List<PipelineEntity> roots) {
        Map<UUID, PipelineEntity> byId = WholeReads.byId(roots, PipelineEntity::getId);
        Stages stages = WholeReads.readWhole(em, byId, ids -> stages(em, ids), "pipelines");
        List<Pipeline> pipelines = new ArrayList<>(roots.size());
        for (PipelineEntity root : roots) {
            TreeMap<Short, Stage> ss = stages.byPipeline.getOrDefault(root.getId(), new TreeMap<>());
            pipelines.add(PipelineMapper.toDomain(root, new ArrayList<>(ss.values())));
        }
        return pipelines;
    }

    /**
     * The stages of {@code roots}, and which of the pipelines changed since their row was read: a
     * stage of another version, or another number of stages.
     */
    private Stages stages(EntityManager em, Map<UUID, PipelineEntity> roots) {
        Stages stages = new Stages();
        for (Object[] row : em.createQuery(
                        "select s.pipelineId, p.version, s.seq, s.stageId, s.name, s.probability, s.category,"
                                + " s.retired from " + STAGE + " s, " + ENTITY + " p"
                                + " where s.tenantId = :tenant and s.pipelineId in :ids"
                                + " and p.tenantId = :tenant and p.id = s.pipelineId",
                        Object[].class)
                .setParameter("tenant", tenant.value())
                .setParameter("ids", new ArrayList<>(roots.keySet()))
                .getResultList()) {
            UUID id = (UUID) row[0];
            if (((Number) row[1]).longValue() != roots.get(id).getVersion()) {
                stages.torn.add(id);
            }
            stages.byPipeline
                    .computeIfAbsent(id, k -> new TreeMap<>())
                    .put(
                            (Short) row[2],
                            PipelineMapper.stage(
                                    (UUID) row[3], (String) row[4], (Short) row[5], (String) row[6], (Boolean) row[7]));
        }
        for (PipelineEntity root : roots.values()) {
            if (stages.byPipeline.getOrDefault(root.getId(), new TreeMap<>()).size() != root.getStageCount()) {
                stages.torn.add(root.getId());
            }
        }
        return stages;
    }

    /** Stages by pipeline and position, and the pipelines whose rows moved on since they were read. */
    private static final class Stages implements WholeReads.Children {
        final Map<UUID, TreeMap<Short, Stage>> byPipeline = new HashMap<>();
        final Set<UUID> torn = new HashSet<>();

        @Override
        public Set<UUID> torn() {
            return torn;
        }
    }

    private PipelineKey key(UUID id) {
        return new PipelineKey(tenant.value(), id);
    }
}
