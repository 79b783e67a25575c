package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.crmkit.core.Crm;
import org.crmkit.core.CrmScope;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.Ids;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.AttributeValue;
import org.crmkit.core.customer.ConsentPurpose;
import org.crmkit.core.customer.ContactKind;
import org.crmkit.core.customer.CustomerDraft;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.LifecycleStage;
import org.crmkit.core.customer.RelationshipRole;
import org.crmkit.core.interaction.Direction;
import org.crmkit.core.interaction.InteractionDraft;
import org.crmkit.core.sales.LineItem;
import org.crmkit.core.sales.OpportunityDraft;
import org.crmkit.core.sales.OrderDraft;
import org.crmkit.core.sales.Pipeline;
import org.crmkit.core.sales.PipelineDraft;
import org.crmkit.core.segment.Comparison;
import org.crmkit.core.segment.RuleSyntaxException;
import org.crmkit.core.segment.SegmentMembers;
import org.crmkit.core.segment.SegmentRule;
import org.crmkit.core.segment.SegmentService;
import org.crmkit.core.segment.SegmentSources;
import org.crmkit.core.spi.CrmStore;
import org.crmkit.testkit.fixtures.SteppingClock;
import org.crmkit.testkit.fixtures.TestTenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour of {@link SegmentService} on a store: a hand-checked tenant (an organisation, a
 * customer who did everything, a lead, a dormant customer and an archived one) and which of them
 * rules on the profile, orders, interactions, opportunities, RFM and organisations select; paging;
 * syntax errors; tenant isolation.
 *
 * <p>A store runs it by extending it and supplying the store, as for {@link SalesServiceContract}.
 */
public abstract class SegmentServiceContract {
    private static final Actor ANNA = Actor.user("anna");
    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final Currency EUR = Money.currency("EUR");

    private CrmStore store;
    private CrmScope scope;
    private SegmentService segments;

    /** Creates the contract; subclasses supply the store. */
    protected SegmentServiceContract() {}

    /**
     * Returns the store under test, called once before each test. It may be new and empty or one
     * already used, as long as it holds no data of the random tenants the tests make.
     */
    protected abstract CrmStore newStore();

    @BeforeEach
    void setUpCrm() {
        store = newStore();
        scope = scopeOf(TestTenants.random("g"));
        segments = scope.segments();
    }

    /** The tenant: a salon, Anna who did everything, Bảo a lead, Chi dormant, Dũng archived. */
    private final class Tenant {
        final CustomerId salon = create(CustomerDraft.organization("Salon Huế").tags("salon"));
        final CustomerId anna = create(CustomerDraft.person("Anna", "Lê")
                .stage(LifecycleStage.CUSTOMER)
                .tags("vip")
                .owner(StaffId.of("linh"))
                .email("anna@example.vn")
                .grant(Channel.EMAIL, ConsentPurpose.MARKETING, "web form")
                .attribute("visits", new AttributeValue.Number(new BigDecimal("12"))));
        final CustomerId bao = create(CustomerDraft.person("Bảo", "Trần"));
        final CustomerId chi = create(CustomerDraft.person("Chi", "Phạm")
                .stage(LifecycleStage.CUSTOMER)
                .tags("vip"));
        final CustomerId dung = create(CustomerDraft.person("Dũng", "Võ").tags("vip"));

        Tenant() {
            scope.customers().link(anna, salon, RelationshipRole.CONTACT_OF);
            scope.customers().archive(dung);
            var sales = scope.sales();
            sales.recordOrder(OrderDraft.of(anna, Instant.parse("2026-05-20T10:00:00Z"))
                    .line(LineItem.of("Cut", "1", Money.of("50", "EUR"))));
            sales.recordOrder(OrderDraft.of(anna, Instant.parse("2026-02-01T10:00:00Z"))
                    .line(LineItem.of("Colour", "1", Money.of("100", "EUR"))));
            sales.recordOrder(OrderDraft.of(chi, Instant.parse("2025-01-10T10:00:00Z"))
                    .line(LineItem.of("Cut", "1", Money.of("30", "EUR"))));
            scope.interactions()
                    .log(InteractionDraft.of(
                            Channel.WHATSAPP, Direction.INBOUND, Instant.parse("2026-05-30T08:00:00Z"), anna));
            scope.interactions()
                    .log(InteractionDraft.of(
                            Channel.PHONE, Direction.OUTBOUND, Instant.parse("2026-05-31T08:00:00Z"), bao));
            Pipeline pipeline = sales.createPipeline(PipelineDraft.named("Salon supplies")
                    .stage("Qualify", 10)
                    .stage("Negotiation", 60)
                    .lostReasons("price"));
            var deal = sales.createOpportunity(
                    OpportunityDraft.of(anna, pipeline.id(), "Supplies", LocalDate.of(2026, 7, 1))
                            .owner(StaffId.of("linh"))
                            .amount(Money.of("500", "EUR")));
            sales.moveToStage(deal.id(), pipeline.stages().get(1).id());
            sales.createOpportunity(OpportunityDraft.of(bao, pipeline.id(), "Trial", LocalDate.of(2026, 7, 1))
                    .owner(StaffId.of("linh"))
                    .amount(Money.of("50", "EUR")));
        }

        CustomerId create(CustomerDraft draft) {
            return scope.customers().create(draft).id();
        }
    }

    @Test
    void members_areTheCustomersTheRuleSelects_onProfileAndBehaviour() {
        Tenant t = new Tenant();

        assertMembers("tag = \"vip\"", t.anna, t.chi); // Dũng is archived
        assertMembers("stage = customer and days_since_last_order > 90", t.chi);
        // Anna's last order was 11.58 days before now: 11 whole days; Chi's 506.58 days
        assertMembers("days_since_last_order > 10", t.anna, t.chi);
        assertMembers("days_since_last_order > 11", t.chi);
        assertMembers("days_since_last_order >= 11 and days_since_last_order <= 11", t.anna);
        assertMembers("days_since_last_order = 11", t.anna);
        assertMembers("days_since_last_order >= 12", t.chi);
        assertMembers("days_since_last_order < 12 or days_since_last_order = 506", t.anna, t.chi);
        assertMembers("days_since_last_order != 11", t.chi);
        assertMembers("not days_since_last_order != 11", t.salon, t.anna, t.bao);
        assertMembers("orders(365) >= 2 and revenue(365, \"EUR\") = 150", t.anna);
        assertMembers("inbound(whatsapp, 7)", t.anna);
        assertMembers("days_since_last_interaction = 0", t.bao);
        assertMembers("contact_of(tag = \"salon\")", t.anna);
        assertMembers("open_opportunity(\"Negotiation\")", t.anna);
        assertMembers("open_opportunity(\"Qualify\") or owner = \"linh\"", t.anna, t.bao);
        assertMembers("not has email", t.salon, t.bao, t.chi);
        assertMembers("consent(email, \"marketing\") and attribute(\"visits\") >= 12", t.anna);
        // two scored in EUR: Chi worst on every score (1), Anna rank 2 of 2 (1 + 5 × 1 / 2 = 3)
        assertMembers("rfm >= 3-3-3", t.anna);
        assertMembers("not rfm >= 1-1-1", t.salon, t.bao);
        // hostile text is a value like any other: it selects nobody and changes nothing
        assertMembers("tag = \"x'); DROP TABLE crm_customer; --\" or open_opportunity(\"' OR '1'='1\")");
        assertMembers("owner = \"linh' OR owner_id IS NOT NULL OR 'a'='a\"");
        assertMembers("tag = \"vip\"", t.anna, t.chi);
    }

    @Test
    void members_arePagedById_andTenantsAreApart() {
        Tenant t = new Tenant();
        List<CustomerId> all = new ArrayList<>(List.of(t.salon, t.anna, t.bao, t.chi));
        all.sort(Comparator.comparing(CustomerId::value, Ids.ORDER));

        List<CustomerId> walked = new ArrayList<>();
        Page<CustomerId> page = segments.members("not stage = inactive", EUR, PageRequest.first(3));
        walked.addAll(page.items());
        while (page.next().isPresent()) {
            page = segments.members(
                    "not stage = inactive", EUR, PageRequest.after(page.next().get(), 3));
            walked.addAll(page.items());
        }

        assertThat(walked).containsExactlyElementsOf(all);
        assertThat(scopeOf(TestTenants.random("g"))
                        .segments()
                        .members("tag = \"vip\"", EUR, PageRequest.first(10))
                        .items())
                .isEmpty();
        assertThatThrownBy(() -> segments.members("tag = vip", EUR, PageRequest.first(10)))
                .isInstanceOfSatisfying(
                        RuleSyntaxException.class, e -> assertThat(e.column()).isEqualTo(7));
    }

    // ---- the property ------------------------------------------------------------------------

    @Test
    void members_equalTheInMemoryReference_forRandomTenantsAndRules() {
        Theories.qt(8).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            CrmScope s = scopeOf(TestTenants.random("g"));
            List<CustomerId> people = new ArrayList<>();
            List<CustomerId> organisations = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                organisations.add(s.customers()
                        .create(randomDraft(CustomerDraft.organization("Org " + i), random))
                        .id());
            }
            for (int i = 0; i < 9; i++) {
                people.add(s.customers()
                        .create(randomDraft(CustomerDraft.person("P", "N" + i), random))
                        .id());
            }
            for (CustomerId person : people) {
                if (random.nextInt(3) == 0) {
                    s.customers()
                            .link(
                                    person,
                                    organisations.get(random.nextInt(3)),
                                    random.nextBoolean() ? RelationshipRole.CONTACT_OF : RelationshipRole.EMPLOYEE_OF);
                }
            }
            s.customers().archive(people.get(random.nextInt(people.size())));
            List<CustomerId> everyone = new ArrayList<>(people);
            everyone.addAll(organisations);
            for (int i = 0; i < random.nextInt(30); i++) {
                Money total = random.nextInt(4) == 0
                        ? Money.of(String.valueOf(100 * (1 + random.nextInt(3))), "JPY")
                        : Money.of(String.valueOf(50 * random.nextInt(4)) + (random.nextBoolean() ? ".50" : ""), "EUR");
                s.sales()
                        .recordOrder(
                                OrderDraft.of(everyone.get(random.nextInt(everyone.size())), randomInstant(random, 400))
                                        .line(LineItem.of("SKU", "1", total)));
            }
            Channel[] channels = {Channel.WHATSAPP, Channel.EMAIL, Channel.PHONE};
            for (int i = 0; i < random.nextInt(20); i++) {
                var logged = s.interactions()
                        .log(InteractionDraft.of(
                                channels[random.nextInt(3)],
                                random.nextBoolean() ? Direction.INBOUND : Direction.OUTBOUND,
                                randomInstant(random, 60),
                                everyone.get(random.nextInt(everyone.size()))));
                if (random.nextInt(4) == 0) {
                    s.interactions()
                            .correct(
                                    logged.id(),
                                    InteractionDraft.of(
                                            channels[random.nextInt(3)],
                                            Direction.OUTBOUND,
                                            randomInstant(random, 60),
                                            logged.participants().get(0).customer()));
                }
            }
            Pipeline pipeline = s.sales()
                    .createPipeline(PipelineDraft.named("P")
                            .stage("Qualify", 10)
                            .stage("Negotiation", 60)
                            .lostReasons("price"));
            for (int i = 0; i < random.nextInt(8); i++) {
                var o = s.sales()
                        .createOpportunity(OpportunityDraft.of(
                                        everyone.get(random.nextInt(everyone.size())),
                                        pipeline.id(),
                                        "O",
                                        LocalDate.of(2026, 7, 1))
                                .owner(StaffId.of("rep-1"))
                                .amount(Money.of("10", "EUR")));
                if (random.nextBoolean()) {
                    s.sales().moveToStage(o.id(), pipeline.stages().get(1).id());
                }
                if (random.nextInt(3) == 0) {
                    s.sales().lose(o.id(), "price");
                }
            }
            SegmentMembers stored = store.segmentMembers(s.tenant());
            TenantId t = s.tenant();
            SegmentMembers reference = SegmentMembers.scanning(new SegmentSources(
                    store.customers(t),
                    store.relationships(t),
                    store.interactions(t),
                    store.pipelines(t),
                    store.opportunities(t),
                    store.orders(t)));
            for (int i = 0; i < 12; i++) {
                SegmentRule rule = randomRule(random, 2);
                Currency currency = random.nextInt(4) == 0 ? Money.currency("JPY") : EUR;
                assertThat(stored.members(rule, NOW, currency, PageRequest.first(100)))
                        .as(rule.toText())
                        .isEqualTo(reference.members(rule, NOW, currency, PageRequest.first(100)));
            }
        });
    }

    private static CustomerDraft randomDraft(CustomerDraft draft, Random random) {
        LifecycleStage[] stages = LifecycleStage.values();
        draft = draft.stage(stages[random.nextInt(stages.length)]);
        String[] tags = {"vip", "salon", "b2b"};
        for (String tag : tags) {
            if (random.nextInt(3) == 0) {
                draft = draft.tags(tag);
            }
        }
        if (random.nextInt(3) > 0) {
            draft = draft.owner(StaffId.of("rep-" + (1 + random.nextInt(2))));
        }
        if (random.nextBoolean()) {
            draft = draft.email("c" + random.nextInt(1_000_000) + "@example.vn");
        }
        if (random.nextBoolean()) {
            draft = draft.grant(Channel.EMAIL, ConsentPurpose.MARKETING, "form");
        }
        if (random.nextBoolean()) {
            draft = draft.attribute("visits", new AttributeValue.Number(BigDecimal.valueOf(random.nextInt(5))));
        }
        return draft;
    }

    private static Instant randomInstant(Random random, int days) {
        // some exactly a whole number of days before now, where day counts turn
        long seconds = random.nextInt(4) == 0 ? 86_400L * random.nextInt(days) : random.nextInt(days * 86_400);
        return NOW.minusSeconds(seconds).minusNanos(random.nextInt(2) * 1000L).plusNanos(random.nextInt(2) * 2000L);
    }

    /** A random rule over the values {@link #members_equalTheInMemoryReference_forRandomTenantsAndRules} writes. */
    private static SegmentRule randomRule(Random random, int depth) {
        Comparison comparison = Comparison.values()[random.nextInt(6)];
        int[] days = {0, 1, 5, 30, 90, 365};
        return switch (random.nextInt(depth > 0 ? 16 : 12)) {
            case 0 ->
                SegmentRule.stage(
                        LifecycleStage.values()[random.nextInt(5)], LifecycleStage.values()[random.nextInt(5)]);
            case 1 -> SegmentRule.tag(new String[] {"vip", "salon", "b2b"}[random.nextInt(3)]);
            case 2 ->
                new SegmentRule.OwnedBy(
                        random.nextBoolean()
                                ? Optional.empty()
                                : Optional.of(StaffId.of("rep-" + (1 + random.nextInt(2)))));
            case 3 -> new SegmentRule.HasContact(random.nextBoolean() ? ContactKind.EMAIL : ContactKind.PHONE);
            case 4 ->
                new SegmentRule.DaysSince(
                        SegmentRule.LastActivity.values()[random.nextInt(2)],
                        comparison,
                        days[random.nextInt(days.length)]);
            case 5 ->
                new SegmentRule.OrderCount(new int[] {30, 90, 365}[random.nextInt(3)], comparison, random.nextInt(4));
            case 6 ->
                new SegmentRule.Revenue(
                        new int[] {30, 365}[random.nextInt(2)],
                        random.nextBoolean() ? EUR : Money.currency("JPY"),
                        comparison,
                        new BigDecimal(new String[] {"0", "50", "100.5", "150"}[random.nextInt(4)]));
            case 7 -> new SegmentRule.RfmAtLeast(1 + random.nextInt(3), 1 + random.nextInt(3), 1 + random.nextInt(3));
            case 8 ->
                new SegmentRule.OpenOpportunityIn(
                        new String[] {"Qualify", "Negotiation", "negotiation"}[random.nextInt(3)]);
            case 9 ->
                new SegmentRule.Inbound(
                        new Channel[] {Channel.WHATSAPP, Channel.EMAIL, Channel.SMS}[random.nextInt(3)],
                        new int[] {7, 30}[random.nextInt(2)]);
            case 10 ->
                random.nextInt(4) == 0
                        ? new SegmentRule.Consented(Channel.EMAIL, ConsentPurpose.MARKETING)
                        : SegmentRule.tag("vip", "b2b");
            case 11 ->
                random.nextInt(4) == 0
                        ? new SegmentRule.AttributeIs(
                                "visits", comparison, new AttributeValue.Number(BigDecimal.valueOf(random.nextInt(5))))
                        : SegmentRule.stage(LifecycleStage.CUSTOMER);
            case 12 -> new SegmentRule.Not(randomRule(random, depth - 1));
            case 13 -> new SegmentRule.ContactOf(randomRule(random, depth - 1));
            case 14 -> new SegmentRule.All(List.of(randomRule(random, depth - 1), randomRule(random, depth - 1)));
            default -> new SegmentRule.Any(List.of(randomRule(random, depth - 1), randomRule(random, depth - 1)));
        };
    }

    private void assertMembers(String rule, CustomerId... expected) {
        List<CustomerId> sorted = new ArrayList<>(List.of(expected));
        sorted.sort(Comparator.comparing(CustomerId::value, Ids.ORDER));
        assertThat(segments.members(rule, EUR, PageRequest.first(100)).items())
                .as(rule)
                .containsExactlyElementsOf(sorted);
    }

    private CrmScope scopeOf(TenantId t) {
        return Crm.builder()
                .store(store)
                .clock(SteppingClock.fixedAt(NOW))
                .build()
                .forTenant(t)
                .as(ANNA);
    }
}
