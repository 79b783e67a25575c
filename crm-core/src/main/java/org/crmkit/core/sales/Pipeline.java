package org.crmkit.core.sales;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.Audit;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.ValidationException;

/**
 * A sales pipeline: its ordered open stages, and the reasons an opportunity in it may be won or lost
 * for (an empty list accepts any reason). Every pipeline also has the two terminal states won and
 * lost, which are statuses of an opportunity rather than stages. Immutable; the store checks {@link
 * #version()} on save.
 */
public final class Pipeline {
    /** The most stages a pipeline may have. */
    public static final int MAX_STAGES = 50;

    private final PipelineId id;
    private final TenantId tenant;
    private final String name;
    private final List<Stage> stages;
    private final List<String> wonReasons;
    private final List<String> lostReasons;
    private final Audit audit;
    private final long version;

    private Pipeline(
            PipelineId id,
            TenantId tenant,
            String name,
            List<Stage> stages,
            List<String> wonReasons,
            List<String> lostReasons,
            Audit audit,
            long version) {
        this.id = ValidationException.requireNonNull(id, "pipeline.id");
        this.tenant = ValidationException.requireNonNull(tenant, "pipeline.tenant");
        this.name = ValidationException.requireText(name, "pipeline.name", 100);
        this.stages = List.copyOf(ValidationException.requireNonNull(stages, "pipeline.stages"));
        this.wonReasons = reasons(wonReasons, "pipeline.wonReasons");
        this.lostReasons = reasons(lostReasons, "pipeline.lostReasons");
        this.audit = ValidationException.requireNonNull(audit, "pipeline.audit");
        this.version = version;
        if (this.stages.isEmpty() || this.stages.size() > MAX_STAGES) {
            throw new ValidationException(
                    "pipeline.stages", "must hold 1 to " + MAX_STAGES + " stages, held " + this.stages.size());
        }
        Set<StageId> ids = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < this.stages.size(); i++) {
            Stage stage = this.stages.get(i);
            if (!ids.add(stage.id())) {
                throw new ValidationException("pipeline.stages[" + i + "]", "repeats the stage id " + stage.id());
            }
            if (!stage.retired() && !names.add(stage.name().toLowerCase(java.util.Locale.ROOT))) {
                throw new ValidationException(
                        "pipeline.stages[" + i + "]", "repeats the stage name '" + stage.name() + "'");
            }
        }
        if (this.stages.stream().allMatch(Stage::retired)) {
            throw new ValidationException("pipeline.stages", "must keep at least one stage that is not retired");
        }
        if (version < 0) {
            throw new ValidationException("pipeline.version", "must not be negative, was " + version);
        }
    }

    /** A pipeline as a store keeps it. */
    public static Pipeline restore(
            PipelineId id,
            TenantId tenant,
            String name,
            List<Stage> stages,
            List<String> wonReasons,
            List<String> lostReasons,
            Audit audit,
            long version) {
        return new Pipeline(id, tenant, name, stages, wonReasons, lostReasons, audit, version);
    }

    /** The pipeline's id. */
    public PipelineId id() {
        return id;
    }

    /** The tenant it belongs to. */
    public TenantId tenant() {
        return tenant;
    }

    /** Its name. */
    public String name() {
        return name;
    }

    /** Its open stages in order, retired ones included where they stood. */
    public List<Stage> stages() {
        return stages;
    }

    /** The stages that take opportunities, in order. */
    public List<Stage> activeStages() {
        return stages.stream().filter(s -> !s.retired()).toList();
    }

    /** The stage with {@code id}, retired or not. */
    public Optional<Stage> stage(StageId id) {
        return stages.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The first stage that takes opportunities: where new ones start. */
    public Stage firstStage() {
        return activeStages().get(0);
    }

    /** The reasons an opportunity may be won for; empty means any. */
    public List<String> wonReasons() {
        return wonReasons;
    }

    /** The reasons an opportunity may be lost for; empty means any. */
    public List<String> lostReasons() {
        return lostReasons;
    }

    /** When and by whom it was created and last changed. */
    public Audit audit() {
        return audit;
    }

    /** The stored version; 0 for a pipeline not stored yet. */
    public long version() {
        return version;
    }

    /**
     * This pipeline with {@code stage} inserted at {@code position} (0 is first; the number of stages
     * appends it).
     */
    public Pipeline withStage(Stage stage, int position, java.time.Instant at, Actor by) {
        ValidationException.requireNonNull(stage, "stage");
        if (position < 0 || position > stages.size()) {
            throw new ValidationException("position", "must be from 0 to " + stages.size() + ", was " + position);
        }
        List<Stage> changed = new ArrayList<>(stages);
        changed.add(position, stage);
        return changed(changed, wonReasons, lostReasons, at, by);
    }

    /** This pipeline with stage {@code id} renamed. */
    public Pipeline withStageRenamed(StageId id, String name, java.time.Instant at, Actor by) {
        return replaced(id, requireStage(id).renamed(name), at, by);
    }

    /** This pipeline with stage {@code id} retired: it takes no new opportunities. */
    public Pipeline withStageRetired(StageId id, java.time.Instant at, Actor by) {
        return replaced(id, requireStage(id).asRetired(), at, by);
    }

    /** This pipeline with stage {@code id} moved to {@code position} (0 is first). */
    public Pipeline withStageMoved(StageId id, int position, java.time.Instant at, Actor by) {
        Stage stage = requireStage(id);
        if (position < 0 || position >= stages.size()) {
            throw new ValidationException("position", "must be from 0 to " + (stages.size() - 1) + ", was " + position);
        }
        List<Stage> changed = new ArrayList<>(stages);
        changed.remove(stage);
        changed.add(position, stage);
        return changed(changed, wonReasons, lostReasons, at, by);
    }

    /** This pipeline with other lists of won and lost reasons. */
    public Pipeline withReasons(List<String> won, List<String> lost, java.time.Instant at, Actor by) {
        return changed(stages, won, lost, at, by);
    }

    /** This pipeline at {@code version}, as a store returns it after saving. */
    public Pipeline withVersion(long version) {
        return new Pipeline(id, tenant, name, stages, wonReasons, lostReasons, audit, version);
    }

    /**
     * The stage {@code id}.
     *
     * @throws ValidationException naming {@code stageId} when the pipeline has no such stage
     */
    public Stage requireStage(StageId id) {
        ValidationException.requireNonNull(id, "stageId");
        return stage(id)
                .orElseThrow(() -> new ValidationException("stageId", "pipeline " + this.id + " has no stage " + id));
    }

    private Pipeline replaced(StageId id, Stage stage, java.time.Instant at, Actor by) {
        List<Stage> changed = new ArrayList<>(stages);
        changed.replaceAll(s -> s.id().equals(id) ? stage : s);
        return changed(changed, wonReasons, lostReasons, at, by);
    }

    private Pipeline changed(List<Stage> stages, List<String> won, List<String> lost, java.time.Instant at, Actor by) {
        return new Pipeline(id, tenant, name, stages, won, lost, audit.changed(at, by), version);
    }

    private static List<String> reasons(List<String> reasons, String field) {
        ValidationException.requireNonNull(reasons, field);
        List<String> clean = new ArrayList<>(reasons.size());
        for (int i = 0; i < reasons.size(); i++) {
            String reason = ValidationException.requireText(reasons.get(i), field + "[" + i + "]", 100);
            if (clean.contains(reason)) {
                throw new ValidationException(field + "[" + i + "]", "repeats '" + reason + "'");
            }
            clean.add(reason);
        }
        if (clean.size() > 100) {
            throw new ValidationException(field, "must hold at most 100 reasons");
        }
        return List.copyOf(clean);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pipeline p
                && version == p.version
                && id.equals(p.id)
                && tenant.equals(p.tenant)
                && name.equals(p.name)
                && stages.equals(p.stages)
                && wonReasons.equals(p.wonReasons)
                && lostReasons.equals(p.lostReasons)
                && audit.equals(p.audit);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, version);
    }

    @Override
    public String toString() {
        return "Pipeline[" + id + " '" + name + "', " + stages.size() + " stages, v" + version + "]";
    }
}
