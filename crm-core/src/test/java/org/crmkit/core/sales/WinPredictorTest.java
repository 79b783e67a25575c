package org.crmkit.core.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.Audit;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.CustomerId;
import org.junit.jupiter.api.Test;

class WinPredictorTest {
    private static final TenantId TENANT = TenantId.of("acme");
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    private static final Actor REP = Actor.user("rep");
    private static final Stage QUALIFY = stage("Qualify", 10);
    private static final Stage PROPOSAL = stage("Proposal", 40);
    private static final Stage NEGOTIATION = stage("Negotiation", 70);
    private static final Pipeline PIPELINE = Pipeline.restore(
            new PipelineId(UUID.randomUUID()),
            TENANT,
            "Wholesale",
            List.of(QUALIFY, PROPOSAL, NEGOTIATION),
            List.of(),
            List.of(),
            Audit.created(T0, REP),
            0);
    private static final UUID CAMPAIGN = UUID.randomUUID();

    /** Two won and three lost: small enough to count by hand. */
    private static List<Opportunity> fiveClosed() {
        return List.of(
                closed(
                        OpportunityStatus.WON,
                        "anna",
                        Channel.WEB_FORM,
                        null,
                        "1000",
                        20,
                        QUALIFY,
                        PROPOSAL,
                        NEGOTIATION),
                closed(OpportunityStatus.WON, "anna", null, CAMPAIGN, "5000", 40, QUALIFY, PROPOSAL),
                closed(OpportunityStatus.LOST, "bob", Channel.WEB_FORM, null, "2000", 10, QUALIFY),
                // moved back before it was lost: it still reached Proposal
                closed(OpportunityStatus.LOST, "anna", null, null, "8000", 70, QUALIFY, PROPOSAL, QUALIFY),
                closed(OpportunityStatus.LOST, "bob", Channel.WEB_FORM, null, "3000", 100, QUALIFY));
    }

    @Test
    void score_matchesTheHandComputedNaiveBayes() {
        WinModel model = WinPredictor.train(fiveClosed(), List.of(PIPELINE), 5).orElseThrow();
        Opportunity open = open("anna", Channel.WEB_FORM, null, "2500", QUALIFY, PROPOSAL);

        WinScore score = model.score(open, PIPELINE, T0.plus(Duration.ofDays(35)));

        // prior ln(2/3); EUR quartile bounds by nearest rank of 1000 2000 3000 5000 8000: 2000, 3000, 5000
        double owner = Math.log(3.0 / 4) - Math.log(2.0 / 5); // anna: won 2 of 2, lost 1 of 3, 2 owners
        double source = Math.log(2.0 / 5) - Math.log(3.0 / 6); // web form: won 1 of 2, lost 2 of 3, 3 sources
        double amount = Math.log(1.0 / 6) - Math.log(2.0 / 7); // 2000–3000: won 0 of 2, lost 1 of 3, 4 bands
        double stage = Math.log(3.0 / 4) - Math.log(2.0 / 5); // reached Proposal: won 2 of 2, lost 1 of 3
        double age = Math.log(2.0 / 4) - Math.log(3.0 / 5); // open ≥ 31 days: won 1 of 2, lost 2 of 3
        double logOdds = Math.log(2.0 / 3) + owner + source + amount + stage + age;
        assertThat(score.priorLogOdds()).isCloseTo(Math.log(2.0 / 3), within(1e-12));
        assertThat(score.logOdds()).isCloseTo(logOdds, within(1e-9));
        double odds = (2.0 / 3) * 1.875 * 0.8 * (7.0 / 12) * 1.875 * (5.0 / 6);
        assertThat(score.probability()).isCloseTo(100 * odds / (1 + odds), within(1e-9));
        assertThat(score.opportunity()).isEqualTo(open.id());
        assertThat(contribution(score, WinFactor.OWNER)).isCloseTo(owner, within(1e-9));
        assertThat(contribution(score, WinFactor.SOURCE)).isCloseTo(source, within(1e-9));
        assertThat(contribution(score, WinFactor.AMOUNT)).isCloseTo(amount, within(1e-9));
        assertThat(contribution(score, WinFactor.STAGE)).isCloseTo(stage, within(1e-9));
        assertThat(contribution(score, WinFactor.AGE)).isCloseTo(age, within(1e-9));
        assertThat(score.factors())
                .extracting(FactorContribution::value)
                .containsExactlyInAnyOrder(
                        "anna", "WEB_FORM", "2000.00–3000.00 EUR", "reached Proposal", "open ≥ 31 days");
        assertThat(score.factors()).allSatisfy(f -> assertThat(f.known()).isTrue());
        double[] impacts =
                score.factors().stream().mapToDouble(f -> Math.abs(f.logOdds())).toArray();
        double[] sorted = impacts.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < impacts.length; i++) {
            assertThat(impacts[i]).isEqualTo(sorted[impacts.length - 1 - i]);
        }
        assertThat(model.amountBands())
                .singleElement()
                .satisfies(b -> assertThat(b.upperBounds())
                        .extracting(java.math.BigDecimal::toPlainString)
                        .containsExactly("2000.00", "3000.00", "5000.00"));
    }

    @Test
    void unknownValues_contributeNothing() {
        WinModel model = WinPredictor.train(fiveClosed(), List.of(PIPELINE), 5).orElseThrow();
        Pipeline other = Pipeline.restore(
                new PipelineId(UUID.randomUUID()),
                TENANT,
                "Retail",
                List.of(stage("Contact", 5)),
                List.of(),
                List.of(),
                Audit.created(T0, REP),
                0);
        Opportunity stranger = Opportunity.builder(
                        new OpportunityId(UUID.randomUUID()),
                        TENANT,
                        new CustomerId(UUID.randomUUID()),
                        StaffId.of("carla"),
                        other.id(),
                        "new",
                        LocalDate.of(2026, 6, 30),
                        other.stages().get(0).id(),
                        Audit.created(T0, REP))
                .amount(Money.of("100", "USD"))
                .sourceChannel(Channel.SOCIAL)
                .build();

        WinScore score = model.score(stranger, other, T0.plus(Duration.ofDays(3)));

        assertThat(score.factors()).filteredOn(f -> f.factor() != WinFactor.AGE).allSatisfy(f -> {
            assertThat(f.known()).isFalse();
            assertThat(f.logOdds()).isZero();
        });
        double age = Math.log(3.0 / 4) - Math.log(4.0 / 5); // every one was open on day 0
        assertThat(score.logOdds()).isCloseTo(Math.log(2.0 / 3) + age, within(1e-12));
        assertThat(score.factors().get(score.factors().size() - 1).known()).isFalse();
    }

    @Test
    void smoothing_keepsValuesSeenInOneOutcomeOnly_finite() {
        WinModel model = WinPredictor.train(fiveClosed(), List.of(PIPELINE), 5).orElseThrow();
        Opportunity fromCampaign = open("bob", null, CAMPAIGN, "9000", QUALIFY, PROPOSAL, NEGOTIATION);

        WinScore score = model.score(fromCampaign, PIPELINE, T0.plus(Duration.ofDays(200)));

        // the campaign: won 1 of 2, never lost; Negotiation: reached by 1 of 2 won, 0 of 3 lost
        assertThat(contribution(score, WinFactor.SOURCE))
                .isCloseTo(Math.log(2.0 / 5) - Math.log(1.0 / 6), within(1e-12));
        assertThat(contribution(score, WinFactor.STAGE))
                .isCloseTo(Math.log(2.0 / 4) - Math.log(1.0 / 5), within(1e-12));
        assertThat(contribution(score, WinFactor.AGE)).isCloseTo(Math.log(1.0 / 4) - Math.log(1.0 / 5), within(1e-12));
        assertThat(contribution(score, WinFactor.AMOUNT))
                .isCloseTo(Math.log(1.0 / 6) - Math.log(2.0 / 7), within(1e-12));
        assertThat(score.probability()).isStrictlyBetween(0.0, 100.0);
    }

    @Test
    void tooLittleData_givesNoModel() {
        List<Opportunity> five = fiveClosed();
        assertThat(WinPredictor.train(five, List.of(PIPELINE))).isEmpty(); // below the default 20
        assertThat(WinPredictor.train(five, List.of(PIPELINE), 6)).isEmpty();
        assertThat(WinPredictor.train(five.subList(2, 5), List.of(PIPELINE), 2)).isEmpty(); // all lost
        assertThat(WinPredictor.train(five.subList(0, 2), List.of(PIPELINE), 2)).isEmpty(); // all won
        assertThat(WinPredictor.train(List.of(), List.of(PIPELINE))).isEmpty();
        List<Opportunity> twenty = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            twenty.addAll(fiveClosed());
        }
        assertThat(WinPredictor.train(twenty.subList(0, 19), List.of(PIPELINE))).isEmpty();
        Optional<WinModel> model = WinPredictor.train(twenty, List.of(PIPELINE));
        assertThat(model).isPresent();
        assertThat(model.get().won()).isEqualTo(8);
        assertThat(model.get().lost()).isEqualTo(12);
        assertThat(model.get().tenant()).isEqualTo(TENANT);
    }

    @Test
    void addingWonExamplesWithAValue_raisesThatValuesContribution() {
        qt().withFixedSeed(20261204L)
                .withExamples(60)
                .forAll(longs().all(), integers().between(1, 10))
                .checkAssert((seed, added) -> {
                    List<Opportunity> training = randomClosed(new Random(seed));
                    Opportunity scored = open("anna", Channel.EMAIL, null, "500", QUALIFY, PROPOSAL);
                    Instant now = T0.plus(Duration.ofDays(45));
                    WinModel before =
                            WinPredictor.train(training, List.of(PIPELINE), 2).orElseThrow();
                    List<Opportunity> more = new ArrayList<>(training);
                    for (int i = 0; i < added; i++) {
                        more.add(closed(OpportunityStatus.WON, "anna", Channel.PHONE, null, "123", 3, QUALIFY));
                    }
                    WinModel after =
                            WinPredictor.train(more, List.of(PIPELINE), 2).orElseThrow();
                    double owner0 = contribution(before.score(scored, PIPELINE, now), WinFactor.OWNER);
                    double owner1 = contribution(after.score(scored, PIPELINE, now), WinFactor.OWNER);
                    assertThat(owner1).isGreaterThan(owner0); // anna is one of several owners
                    Opportunity byPhone = open("bob", Channel.PHONE, null, "500", QUALIFY);
                    double phone0 = contribution(before.score(byPhone, PIPELINE, now), WinFactor.SOURCE);
                    double phone1 = contribution(after.score(byPhone, PIPELINE, now), WinFactor.SOURCE);
                    assertThat(phone1).isGreaterThanOrEqualTo(phone0 - 1e-12);
                });
    }

    @Test
    void badInput_namesTheField() {
        List<Opportunity> withOpen = new ArrayList<>(fiveClosed());
        withOpen.add(open("anna", null, null, "1", QUALIFY));
        assertField(() -> WinPredictor.train(withOpen, List.of(PIPELINE), 2), "closed[5]");
        List<Opportunity> withNull = new ArrayList<>(fiveClosed());
        withNull.add(1, null);
        assertField(() -> WinPredictor.train(withNull, List.of(PIPELINE), 2), "closed[1]");
        assertField(() -> WinPredictor.train(fiveClosed(), List.of(), 2), "closed[0].pipeline");
        assertField(() -> WinPredictor.train(fiveClosed(), List.of(PIPELINE), 1), "minimumClosed");
        assertField(() -> WinPredictor.train(null, List.of(PIPELINE)), "closed");
        assertField(() -> WinPredictor.train(fiveClosed(), null), "pipelines");
        List<Opportunity> mixed = new ArrayList<>(fiveClosed());
        Opportunity foreign = mixed.get(2);
        mixed.add(Opportunity.builder(
                        new OpportunityId(UUID.randomUUID()),
                        TenantId.of("other"),
                        foreign.customer(),
                        foreign.owner(),
                        foreign.pipeline(),
                        "x",
                        foreign.expectedClose(),
                        QUALIFY.id(),
                        Audit.created(T0, REP))
                .amount(Money.of("1", "EUR"))
                .build()
                .closed(OpportunityStatus.LOST, "price", T0.plusSeconds(60), REP));
        assertField(() -> WinPredictor.train(mixed, List.of(PIPELINE), 2), "closed[5].tenant");

        WinModel model = WinPredictor.train(fiveClosed(), List.of(PIPELINE), 5).orElseThrow();
        Instant now = T0.plus(Duration.ofDays(1));
        assertField(() -> model.score(fiveClosed().get(0), PIPELINE, now), "opportunity.status");
        Opportunity open = open("anna", null, null, "1", QUALIFY);
        Pipeline other = Pipeline.restore(
                new PipelineId(UUID.randomUUID()),
                TENANT,
                "Retail",
                List.of(QUALIFY),
                List.of(),
                List.of(),
                Audit.created(T0, REP),
                0);
        assertField(() -> model.score(open, other, now), "pipeline");
        assertField(() -> model.score(null, PIPELINE, now), "opportunity");
        assertField(() -> model.score(open, PIPELINE, null), "now");
        WinModel foreignModel = new WinModel(TenantId.of("other"), 2, 3, model.amountBands(), model.counts());
        assertField(() -> foreignModel.score(open, PIPELINE, now), "opportunity.tenant");
        assertField(() -> new WinModel(TENANT, 0, 3, List.of(), List.of()), "model");
        assertField(() -> new FactorCount(WinFactor.OWNER, "a", 3, 0, 2, 3, 2), "count");
    }

    @Test
    void theModel_isPlainData_thatRebuildsEqual() {
        WinModel model = WinPredictor.train(fiveClosed(), List.of(PIPELINE), 5).orElseThrow();
        WinModel copy = new WinModel(
                model.tenant(),
                model.won(),
                model.lost(),
                model.amountBands().stream()
                        .map(b -> new AmountBands(b.currency(), List.copyOf(b.upperBounds())))
                        .toList(),
                model.counts().stream()
                        .map(c -> new FactorCount(
                                c.factor(), c.value(), c.won(), c.lost(), c.wonOutOf(), c.lostOutOf(), c.levels()))
                        .toList());
        assertThat(copy).isEqualTo(model);
        Opportunity open = open("bob", Channel.WEB_FORM, null, "4000", QUALIFY);
        Instant now = T0.plus(Duration.ofDays(12));
        assertThat(copy.score(open, PIPELINE, now)).isEqualTo(model.score(open, PIPELINE, now));
    }

    private static List<Opportunity> randomClosed(Random random) {
        String[] owners = {"anna", "bob", "carla", "dmitri"};
        Channel[] channels = {Channel.EMAIL, Channel.PHONE, Channel.WEB_FORM};
        Stage[] stages = {QUALIFY, PROPOSAL, NEGOTIATION};
        int n = 4 + random.nextInt(40);
        List<Opportunity> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            // the first two settle both outcomes
            OpportunityStatus outcome = i == 0
                    ? OpportunityStatus.WON
                    : i == 1 || random.nextBoolean() ? OpportunityStatus.LOST : OpportunityStatus.WON;
            int reached = random.nextInt(3);
            list.add(closed(
                    outcome,
                    owners[i < 2 ? i : random.nextInt(owners.length)],
                    channels[random.nextInt(channels.length)],
                    null,
                    Integer.toString(100 + random.nextInt(10_000)),
                    random.nextInt(300),
                    Arrays.copyOf(stages, reached + 1)));
        }
        return list;
    }

    private static Opportunity open(String owner, Channel channel, UUID campaign, String amount, Stage... path) {
        Opportunity o = Opportunity.builder(
                        new OpportunityId(UUID.randomUUID()),
                        TENANT,
                        new CustomerId(UUID.randomUUID()),
                        StaffId.of(owner),
                        PIPELINE.id(),
                        "deal",
                        LocalDate.of(2026, 6, 30),
                        path[0].id(),
                        Audit.created(T0, REP))
                .amount(Money.of(amount, "EUR"))
                .sourceChannel(channel)
                .sourceCampaign(campaign)
                .build();
        for (int i = 1; i < path.length; i++) {
            o = o.movedTo(path[i], T0.plusSeconds(i), REP);
        }
        return o;
    }

    private static Opportunity closed(
            OpportunityStatus outcome,
            String owner,
            Channel channel,
            UUID campaign,
            String amount,
            int ageDays,
            Stage... path) {
        return open(owner, channel, campaign, amount, path)
                .closed(
                        outcome,
                        outcome == OpportunityStatus.WON ? "fit" : "price",
                        T0.plus(Duration.ofDays(ageDays)).plusSeconds(60),
                        REP);
    }

    private static double contribution(WinScore score, WinFactor factor) {
        return score.factors().stream()
                .filter(f -> f.factor() == factor)
                .findFirst()
                .orElseThrow()
                .logOdds();
    }

    private static Stage stage(String name, int probability) {
        return new Stage(new StageId(UUID.randomUUID()), name, probability, ForecastCategory.PIPELINE, false);
    }

    private static void assertField(Runnable call, String field) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
