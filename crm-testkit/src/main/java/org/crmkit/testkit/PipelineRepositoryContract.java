package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmkit.testkit.fixtures.SalesFixtures.aPipeline;

import java.time.Instant;
import java.util.List;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.ConcurrentUpdateException;
import org.crmkit.core.common.NotFoundException;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.sales.ForecastCategory;
import org.crmkit.core.sales.Pipeline;
import org.crmkit.core.sales.PipelineRepository;
import org.crmkit.core.sales.Stage;
import org.crmkit.core.sales.StageId;
import org.crmkit.core.spi.CrmStore;
import org.crmkit.testkit.fixtures.TestTenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link PipelineRepository} must have: a saved pipeline reads back equal, its
 * stages and reasons in order, through every change (added, renamed, moved, retired stages); saves
 * are optimistic; tenants do not see each other's pipelines; a failed unit of work leaves nothing.
 *
 * <p>A store runs it by extending it and supplying the store, as for {@link
 * InteractionRepositoryContract}.
 */
public abstract class PipelineRepositoryContract {
    private static final Instant LATER = Instant.parse("2024-04-02T10:00:00.000001Z");
    private static final Actor EDITOR = Actor.user("editor");

    private CrmStore store;
    private TenantId tenant;
    private PipelineRepository pipelines;

    /** Creates the contract; subclasses supply the store. */
    protected PipelineRepositoryContract() {}

    /**
     * Returns the store under test, called once before each test. It may be new and empty or one
     * already used, as long as it holds no data of the random tenants the tests make.
     */
    protected abstract CrmStore newStore();

    @BeforeEach
    void setUpStore() {
        store = newStore();
        tenant = TestTenants.random("p");
        pipelines = store.pipelines(tenant);
    }

    @Test
    void save_new_readsBackEqual() {
        Pipeline pipeline = aPipeline(tenant);

        Pipeline stored = pipelines.save(pipeline);

        assertThat(stored).isEqualTo(pipeline.withVersion(1));
        assertThat(pipelines.findById(pipeline.id())).contains(stored);
        assertThat(pipelines.all()).containsExactly(stored);
    }

    @Test
    void save_changedStages_keepsTheirOrderAndFlags() {
        Pipeline v1 = pipelines.save(aPipeline(tenant));
        StageId proposal = v1.stages().get(1).id();
        Pipeline changed = v1.withStage(
                        new Stage(
                                new StageId(java.util.UUID.randomUUID()),
                                "Đàm phán lại",
                                55,
                                ForecastCategory.COMMIT,
                                false),
                        3,
                        LATER,
                        EDITOR)
                .withStageRenamed(proposal, "Báo giá", LATER, EDITOR)
                .withStageMoved(proposal, 0, LATER, EDITOR)
                .withStageRetired(v1.stages().get(0).id(), LATER, EDITOR)
                .withReasons(List.of(), List.of("giá", "đối thủ"), LATER, EDITOR);

        Pipeline v2 = pipelines.save(changed);

        assertThat(v2.version()).isEqualTo(2);
        assertThat(pipelines.findById(v1.id())).contains(v2);
        assertThat(v2.stages())
                .extracting(Stage::name)
                .containsExactly("Báo giá", "Qualify", "Negotiation", "Đàm phán lại");
        assertThat(v2.stages().get(1).retired()).isTrue();
        assertThat(v2.wonReasons()).isEmpty();
        assertThat(v2.lostReasons()).containsExactly("giá", "đối thủ");
    }

    @Test
    void save_staleVersion_takenId_orMissingRow_fail() {
        Pipeline v1 = pipelines.save(aPipeline(tenant));
        pipelines.save(v1.withReasons(List.of(), List.of(), LATER, EDITOR));
        Pipeline ghost = aPipeline(tenant).withVersion(4);

        assertThatThrownBy(() -> pipelines.save(v1.withReasons(List.of("x"), List.of(), LATER, EDITOR)))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThatThrownBy(() -> pipelines.save(v1.withVersion(0))).isInstanceOf(ConcurrentUpdateException.class);
        assertThatThrownBy(() -> pipelines.save(ghost)).isInstanceOf(NotFoundException.class);
        assertThat(pipelines.findById(v1.id()).orElseThrow().version()).isEqualTo(2);
        assertThat(pipelines.findById(ghost.id())).isEmpty();
    }

    @Test
    void tenants_areApart_andAForeignPipelineIsRefused() {
        Pipeline mine = pipelines.save(aPipeline(tenant));
        PipelineRepository other = store.pipelines(TestTenants.random("other"));

        assertThat(other.findById(mine.id())).isEmpty();
        assertThat(other.all()).isEmpty();
        assertThatThrownBy(() -> pipelines.save(aPipeline(TestTenants.random("x"))))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void aUnitOfWorkThatFails_leavesNoPipelineBehind() {
        Pipeline pipeline = aPipeline(tenant);

        assertThatThrownBy(() -> store.inTransaction(() -> {
                    pipelines.save(pipeline);
                    throw new IllegalStateException("boom");
                }))
                .hasMessage("boom");
        assertThat(pipelines.findById(pipeline.id())).isEmpty();
    }
}
