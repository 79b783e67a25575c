package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.crmkit.core.common.ConcurrentUpdateException;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.routing.Rotation;
import org.crmkit.core.routing.RotationRepository;
import org.crmkit.core.routing.TeamId;
import org.crmkit.core.spi.CrmStore;
import org.crmkit.testkit.fixtures.Concurrently;
import org.crmkit.testkit.fixtures.TestTenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link RotationRepository} must have: a team has no rotation before its first
 * turn; a saved rotation reads back with its version one higher; a stale version or a second first
 * turn fails with {@link ConcurrentUpdateException}; {@link RotationRepository#lock} makes a
 * concurrent unit of work wait for the team's turn; team ids compare exactly; and tenants do not see
 * each other's rotations.
 *
 * <p>A store runs it by extending it and supplying the store, as for {@link
 * InteractionRepositoryContract}.
 */
public abstract class RotationRepositoryContract {
    private static final TeamId SUPPORT = TeamId.of("Hỗ trợ");

    private CrmStore store;
    private TenantId tenant;
    private RotationRepository rotations;

    /** Creates the contract; subclasses supply the store. */
    protected RotationRepositoryContract() {}

    /**
     * Returns the store under test, called once before each test. It may be new and empty or one
     * already used, as long as it holds no data of the random tenants the tests make.
     */
    protected abstract CrmStore newStore();

    @BeforeEach
    void setUpStore() {
        store = newStore();
        tenant = TestTenants.random("o");
        rotations = store.rotations(tenant);
    }

    @Test
    void aTeamWithoutTurns_hasNoRotation() {
        assertThat(rotations.find(SUPPORT)).isEmpty();
    }

    @Test
    void save_storesTheTurn_andBumpsTheVersion() {
        Rotation first = rotations.save(new Rotation(SUPPORT, StaffId.of("anna"), 0));
        Rotation second = rotations.save(first.turnTakenBy(StaffId.of("bảo")));

        assertThat(first.version()).isEqualTo(1);
        assertThat(second).isEqualTo(new Rotation(SUPPORT, StaffId.of("bảo"), 2));
        assertThat(rotations.find(SUPPORT)).contains(second);
    }

    @Test
    void aStaleTurn_orASecondFirstTurn_fails() {
        Rotation first = rotations.save(new Rotation(SUPPORT, StaffId.of("anna"), 0));
        rotations.save(first.turnTakenBy(StaffId.of("bảo")));

        assertThatThrownBy(() -> rotations.save(first.turnTakenBy(StaffId.of("chi"))))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThatThrownBy(() -> rotations.save(new Rotation(SUPPORT, StaffId.of("chi"), 0)))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThat(rotations.find(SUPPORT).orElseThrow().last()).isEqualTo(StaffId.of("bảo"));
    }

    @Test
    void lock_makesAConcurrentTurnInTheSameTeamWaitForTheFirst() throws Exception {
        rotations.save(new Rotation(SUPPORT, StaffId.of("anna"), 0));
        java.util.concurrent.CountDownLatch locked = new java.util.concurrent.CountDownLatch(1);

        List<Rotation> seen = Concurrently.run(2, i -> {
            if (i == 0) {
                return store.inTransaction(() -> {
                    Rotation current = rotations.lock(SUPPORT).orElseThrow();
                    locked.countDown();
                    pause(300);
                    return rotations.save(current.turnTakenBy(StaffId.of("bảo")));
                });
            }
            await(locked);
            return store.inTransaction(() -> rotations.lock(SUPPORT).orElseThrow());
        });

        assertThat(seen.get(1)).isEqualTo(seen.get(0));
        assertThat(seen.get(1).last()).isEqualTo(StaffId.of("bảo"));
    }

    @Test
    void teamIds_compareExactly_andTenantsAreApart() {
        rotations.save(new Rotation(SUPPORT, StaffId.of("anna"), 0));
        rotations.save(new Rotation(TeamId.of("hỗ trợ"), StaffId.of("bảo"), 0));

        assertThat(rotations.find(TeamId.of("hỗ trợ")).orElseThrow().last()).isEqualTo(StaffId.of("bảo"));
        assertThat(rotations.find(TeamId.of("HỖ TRỢ"))).isEmpty();
        assertThat(store.rotations(TestTenants.random("other")).find(SUPPORT)).isEmpty();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void await(java.util.concurrent.CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
