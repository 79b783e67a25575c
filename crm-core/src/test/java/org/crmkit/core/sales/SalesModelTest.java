package org.crmkit.core.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.Audit;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.CustomerId;
import org.junit.jupiter.api.Test;

class SalesModelTest {
    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    private static final Actor REP = Actor.user("rep");
    private static final Stage QUALIFY =
            new Stage(new StageId(UUID.randomUUID()), "Qualify", 10, ForecastCategory.PIPELINE, false);
    private static final Stage PROPOSAL =
            new Stage(new StageId(UUID.randomUUID()), "Proposal", 40, ForecastCategory.BEST_CASE, false);

    @Test
    void lineTotals_roundHalfEvenToTheMinorUnit() {
        assertThat(LineItem.of("a", "2.5", Money.of("199.99", "EUR"))
                        .discounted("0.125")
                        .total())
                .isEqualTo(Money.of("437.48", "EUR"));
        assertThat(LineItem.of("a", "0.5", Money.of("0.25", "USD")).total()).isEqualTo(Money.of("0.12", "USD"));
        assertThat(LineItem.of("a", "1", Money.of("125000", "VND"))
                        .discounted("1")
                        .total())
                .isEqualTo(Money.of("0", "VND"));
    }

    @Test
    void lineTotals_neverExceedTheUndiscountedPrice() {
        qt().withFixedSeed(7L)
                .forAll(
                        integers().between(1, 100_000),
                        integers().between(1, 999_999),
                        integers().between(0, 10_000))
                .checkAssert((quantity, cents, discount) -> {
                    Money price = Money.of(BigDecimal.valueOf(cents, 2), Money.currency("EUR"));
                    LineItem line =
                            new LineItem("p", BigDecimal.valueOf(quantity), price, BigDecimal.valueOf(discount, 4));
                    assertThat(line.total().compareTo(price.times(quantity))).isLessThanOrEqualTo(0);
                    assertThat(line.total().isNegative()).isFalse();
                });
    }

    @Test
    void lines_refuseBadQuantitiesDiscountsAndMixedCurrencies() {
        assertField(() -> LineItem.of("a", "0", Money.of("1", "EUR")), "line.quantity");
        assertField(() -> LineItem.of("a", "1.00001", Money.of("1", "EUR")), "line.quantity");
        assertField(() -> LineItem.of("a", "1", Money.of("1", "EUR")).discounted("1.5"), "line.discount");
        assertField(() -> LineItem.of("a", "1", Money.of("-1", "EUR")), "line.unitPrice");
        assertField(
                () -> opportunity().toBuilder()
                        .amount(null)
                        .lines(List.of(
                                LineItem.of("a", "1", Money.of("1", "EUR")),
                                LineItem.of("b", "1", Money.of("1", "USD"))))
                        .build(),
                "opportunity.lines[1]");
    }

    @Test
    void opportunities_moveOnlyWhileOpen_andIntoActiveStages() {
        Opportunity open = opportunity();
        Opportunity moved = open.movedTo(PROPOSAL, T0.plusSeconds(1), REP);

        assertThat(moved.forecastCategory()).isEqualTo(ForecastCategory.BEST_CASE);
        assertThat(moved.probability(PROPOSAL)).isEqualTo(40);
        assertThatThrownBy(() -> moved.movedTo(PROPOSAL, T0, REP)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> moved.movedTo(QUALIFY.asRetired(), T0, REP))
                .isInstanceOf(IllegalTransitionException.class);
        Opportunity won = moved.closed(OpportunityStatus.WON, "price", T0.plusSeconds(2), REP);
        assertThat(won.probability(PROPOSAL)).isEqualTo(100);
        assertThat(won.forecastCategory()).isEqualTo(ForecastCategory.CLOSED);
        assertThatThrownBy(() -> won.closed(OpportunityStatus.LOST, "x", T0, REP))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> open.reopened(QUALIFY, T0, REP)).isInstanceOf(IllegalTransitionException.class);
        assertThat(won.reopened(QUALIFY, T0.plusSeconds(3), REP).history()).hasSize(4);
    }

    @Test
    void pipelines_keepOneActiveStage_andUniqueNames() {
        Pipeline pipeline = Pipeline.restore(
                new PipelineId(UUID.randomUUID()),
                TenantId.of("t"),
                "Sales",
                List.of(QUALIFY, PROPOSAL),
                List.of(),
                List.of(),
                Audit.created(T0, REP),
                0);

        Pipeline oneLeft = pipeline.withStageRetired(QUALIFY.id(), T0, REP);
        assertThat(oneLeft.firstStage()).isEqualTo(PROPOSAL);
        assertField(() -> oneLeft.withStageRetired(PROPOSAL.id(), T0, REP), "pipeline.stages");
        assertField(() -> pipeline.withStageRenamed(PROPOSAL.id(), "qualify", T0, REP), "pipeline.stages[1]");
        assertField(() -> pipeline.withStageMoved(PROPOSAL.id(), 2, T0, REP), "position");
        assertField(() -> pipeline.requireStage(new StageId(UUID.randomUUID())), "stageId");
        assertField(() -> pipeline.withReasons(List.of("a", "a"), List.of(), T0, REP), "pipeline.wonReasons[1]");
    }

    private static Opportunity opportunity() {
        return Opportunity.builder(
                        new OpportunityId(UUID.randomUUID()),
                        TenantId.of("t"),
                        new CustomerId(UUID.randomUUID()),
                        StaffId.of("anna"),
                        new PipelineId(UUID.randomUUID()),
                        "Deal",
                        LocalDate.of(2027, 1, 31),
                        QUALIFY.id(),
                        Audit.created(T0, REP))
                .amount(Money.of("100", "EUR"))
                .build();
    }

    private static void assertField(Runnable call, String field) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
