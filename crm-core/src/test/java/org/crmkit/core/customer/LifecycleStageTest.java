package org.crmkit.core.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.crmkit.core.common.IllegalTransitionException;
import org.junit.jupiter.api.Test;

class LifecycleStageTest {

    @Test
    void allowedNext_followsTheCustomerJourney() {
        assertThat(LifecycleStage.LEAD.allowedNext())
                .containsExactlyInAnyOrder(LifecycleStage.PROSPECT, LifecycleStage.CUSTOMER, LifecycleStage.LOST);
        assertThat(LifecycleStage.CUSTOMER.allowedNext())
                .containsExactlyInAnyOrder(LifecycleStage.INACTIVE, LifecycleStage.LOST);
        assertThat(LifecycleStage.INACTIVE.canMoveTo(LifecycleStage.CUSTOMER)).isTrue();
        assertThat(LifecycleStage.LOST.allowedNext()).containsExactly(LifecycleStage.LEAD);
    }

    @Test
    void checkMoveTo_illegalMove_namesTheStatesAndTheWayOut() {
        CustomerId id = new CustomerId(UUID.randomUUID());
        assertThatThrownBy(() -> LifecycleStage.LOST.checkMoveTo(LifecycleStage.CUSTOMER, id))
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                    assertThat(e.from()).isEqualTo("LOST");
                    assertThat(e.to()).isEqualTo("CUSTOMER");
                })
                .hasMessageContaining("LEAD");
    }

    @Test
    void everyStage_hasAWayForward() {
        for (LifecycleStage stage : LifecycleStage.values()) {
            assertThat(stage.allowedNext()).isNotEmpty().doesNotContain(stage);
        }
    }
}
