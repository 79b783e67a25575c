package org.crmkit.core.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.Audit;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.AttributeValue;
import org.crmkit.core.customer.Consent;
import org.crmkit.core.customer.ConsentPurpose;
import org.crmkit.core.customer.ContactKind;
import org.crmkit.core.customer.ContactPoint;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerName;
import org.crmkit.core.customer.LifecycleStage;
import org.crmkit.core.customer.Tag;
import org.crmkit.core.interaction.Direction;
import org.junit.jupiter.api.Test;

class SegmentRuleTest {
    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final Audit AUDIT = Audit.created(Instant.parse("2025-01-01T00:00:00Z"), Actor.system("test"));

    @Test
    void parse_readsTheExampleOfTheDocumentation_intoTheRuleTheBuilderMakes() {
        SegmentRule rule = SegmentRule.parse(
                "stage = customer and tag in (\"vip\", \"salon\") and days_since_last_order > 90 and rfm >= 4-4-4");

        assertThat(rule)
                .isEqualTo(SegmentRule.and(
                        SegmentRule.stage(LifecycleStage.CUSTOMER),
                        SegmentRule.tag("salon", "vip"),
                        new SegmentRule.DaysSince(SegmentRule.LastActivity.ORDER, Comparison.GREATER, 90),
                        new SegmentRule.RfmAtLeast(4, 4, 4)));
        assertThat(rule.toText())
                .isEqualTo("stage = customer and tag in (\"salon\", \"vip\") and days_since_last_order > 90"
                        + " and rfm >= 4-4-4");
    }

    @Test
    void parse_bindsAndTighterThanOr_andKeepsParenthesesAndNot() {
        SegmentRule a = SegmentRule.stage(LifecycleStage.LEAD);
        SegmentRule b = new SegmentRule.HasContact(ContactKind.EMAIL);
        SegmentRule c = new SegmentRule.Inbound(Channel.WHATSAPP, 30);

        assertThat(SegmentRule.parse("stage = lead and has email or inbound(whatsapp, 30)"))
                .isEqualTo(SegmentRule.or(SegmentRule.and(a, b), c));
        assertThat(SegmentRule.parse("STAGE = Lead AND (has EMAIL OR inbound(WhatsApp, 30))"))
                .isEqualTo(SegmentRule.and(a, SegmentRule.or(b, c)));
        assertThat(SegmentRule.parse("not not (stage = lead or has email)"))
                .isEqualTo(SegmentRule.not(SegmentRule.not(SegmentRule.or(a, b))));
        assertThat(SegmentRule.and(SegmentRule.and(a, b), c).toText())
                .isEqualTo("(stage = lead and has email) and inbound(whatsapp, 30)");
        assertThat(SegmentRule.parse("contact_of(tag = \"distributor\" and owner = none) and owner = \"anna\""))
                .isEqualTo(SegmentRule.and(
                        new SegmentRule.ContactOf(SegmentRule.and(
                                SegmentRule.tag("distributor"), new SegmentRule.OwnedBy(Optional.empty()))),
                        new SegmentRule.OwnedBy(Optional.of(StaffId.of("anna")))));
    }

    @Test
    void parse_errorsNameLineColumnAndWhatWasExpected() {
        assertSyntax("stage = custmer", 1, 9, "a lifecycle stage (lead, prospect, customer, inactive, lost)");
        assertSyntax("stage = customer\n  and tag = vip", 2, 13, "a string in double quotes");
        assertSyntax("days_since_last_order 90", 1, 23, "a comparison (=, !=, <, <=, >, >=)");
        assertSyntax("orders(0) > 1", 1, 8, "a number of days from 1 to 36600");
        assertSyntax("rfm >= 4-6-4", 1, 10, "an RFM score from 1 to 5");
        assertSyntax(
                "stage = lead or",
                1,
                16,
                "a condition (stage, tag, owner, attribute, consent, has,"
                        + " days_since_last_order, days_since_last_interaction, orders, revenue, rfm, open_opportunity,"
                        + " inbound, contact_of), 'not' or '('");
        assertSyntax("(stage = lead", 1, 14, "')'");
        assertSyntax("stage = lead lead", 1, 14, "'and', 'or' or the end of the rule");
        assertSyntax("tag = \"vip", 1, 7, "a closing '\"' for the string started here");
        assertSyntax(
                "attribute(\"city\") < \"Hà Nội\"",
                1,
                19,
                "a valid attribute condition (a text or boolean" + " compares with = or != only)");
        assertSyntax(
                "revenue(30, \"XYZ\") > 1",
                1,
                13,
                "an ISO 4217 currency code (is not an ISO 4217 currency code: 'XYZ')");
        assertThatThrownBy(() -> SegmentRule.parse("(".repeat(200) + "stage = lead" + ")".repeat(200)))
                .isInstanceOfSatisfying(
                        RuleSyntaxException.class, e -> assertThat(e.expected()).contains("nesting"));
        assertThatThrownBy(() -> SegmentRule.parse(null))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("rule"));
    }

    @Test
    void printingAndParsing_giveTheSameRule_forRandomRules() {
        qt().withExamples(2_000).forAll(longs().all()).checkAssert(seed -> {
            SegmentRule rule = randomRule(new Random(seed), 3);
            String text = rule.toText();
            assertThat(SegmentRule.parse(text)).as(text).isEqualTo(rule);
            assertThat(SegmentRule.parse(text).toText()).isEqualTo(text);
        });
    }

    @Test
    void parse_ofHostileText_failsOnlyWithASyntaxError() {
        String alphabet = "()\"\\,=!<>-. \n\tandortagstage'; DROP TABLE crm_customer; --0123456789$\u0000é中";
        qt().withExamples(5_000)
                .forAll(
                        strings().betweenCodePoints(0, 0x3000).ofLengthBetween(0, 40),
                        integers().between(0, 10_000))
                .checkAssert((noise, seed) -> {
                    Random random = new Random(seed);
                    StringBuilder text = new StringBuilder(randomRule(random, 2).toText());
                    for (int i = 0; i < 1 + random.nextInt(4); i++) {
                        int at = random.nextInt(text.length() + 1);
                        String insert = random.nextBoolean()
                                ? noise
                                : String.valueOf(alphabet.charAt(random.nextInt(alphabet.length())));
                        text.insert(at, insert);
                    }
                    try {
                        SegmentRule parsed = SegmentRule.parse(text.toString());
                        assertThat(SegmentRule.parse(parsed.toText())).isEqualTo(parsed);
                    } catch (RuleSyntaxException e) {
                        assertThat(e.line()).isPositive();
                        assertThat(e.column()).isPositive();
                    }
                });
    }

    @Test
    void matches_readsProfileAndBehaviour() {
        Customer anna = Customer.builder(
                        new CustomerId(UUID.randomUUID()), TenantId.of("t"), CustomerName.person("Anna", "Lê"), AUDIT)
                .stage(LifecycleStage.CUSTOMER)
                .tags(List.of(new Tag("vip")))
                .owner(StaffId.of("linh"))
                .attributes(Map.of(
                        "visits",
                        new AttributeValue.Number(new BigDecimal("12")),
                        "city",
                        new AttributeValue.Text("Huế")))
                .contactPoints(List.of(ContactPoint.email("anna@example.com")))
                .consents(List.of(new Consent(
                        Channel.EMAIL, ConsentPurpose.MARKETING, Consent.Status.GRANTED, AUDIT.createdAt(), "form")))
                .build();
        Customer company = Customer.builder(
                        new CustomerId(UUID.randomUUID()),
                        TenantId.of("t"),
                        CustomerName.organization("Salon Huế"),
                        AUDIT)
                .tags(List.of(new Tag("salon")))
                .build();
        CustomerActivity activity = new CustomerActivity(
                List.of(
                        new CustomerActivity.OrderFact(Instant.parse("2026-02-01T10:00:00Z"), Money.of("100", "EUR")),
                        new CustomerActivity.OrderFact(Instant.parse("2026-05-20T10:00:00Z"), Money.of("50", "EUR")),
                        new CustomerActivity.OrderFact(Instant.parse("2026-05-21T10:00:00Z"), Money.of("9000", "JPY"))),
                List.of(new CustomerActivity.ContactFact(
                        Instant.parse("2026-05-30T08:00:00Z"), Channel.WHATSAPP, Direction.INBOUND)),
                Set.of("Negotiation"),
                Optional.of(new RfmScore(anna.id(), 11, 3, Money.of("150", "EUR"), 4, 4, 5)),
                List.of(new CustomerActivity.Organisation(company, CustomerActivity.NONE)));

        for (String holds : List.of(
                "stage = customer",
                "tag in (\"salon\", \"vip\")",
                "owner = \"linh\"",
                "attribute(\"visits\") >= 12 and attribute(\"city\") = \"Huế\" and attribute(\"city\") != \"Hà Nội\"",
                "consent(email, \"marketing\") and not consent(sms, \"marketing\")",
                "has email and not has phone",
                "days_since_last_order = 10 and days_since_last_interaction < 2",
                "orders(30) = 2 and orders(365) = 3",
                "revenue(30, \"EUR\") = 50 and revenue(365, \"EUR\") >= 150 and revenue(30, \"JPY\") > 8999.99",
                "rfm >= 4-4-5 and not rfm >= 5-1-1",
                "open_opportunity(\"Negotiation\") and not open_opportunity(\"negotiation\")",
                "inbound(whatsapp, 2) and not inbound(whatsapp, 1) and not inbound(email, 30)",
                "contact_of(tag = \"salon\") and not contact_of(tag = \"vip\")",
                "not attribute(\"missing\") = 1 and not attribute(\"city\") = 3")) {
            assertThat(SegmentRule.parse(holds).matches(anna, activity, NOW))
                    .as(holds)
                    .isTrue();
        }
        assertThat(SegmentRule.parse("days_since_last_order >= 0").matches(company, CustomerActivity.NONE, NOW))
                .as("no order: no days since the last")
                .isFalse();
        assertThat(SegmentRule.parse("rfm >= 1-1-1").matches(company, CustomerActivity.NONE, NOW))
                .isFalse();
    }

    @Test
    void rules_refuseValuesOutOfRange_namingTheField() {
        assertField(() -> SegmentRule.and(SegmentRule.tag("vip")), "rules");
        assertField(() -> new SegmentRule.StageIn(Set.of()), "stages");
        assertField(() -> new SegmentRule.RfmAtLeast(0, 1, 1), "rfm");
        assertField(() -> new SegmentRule.OrderCount(0, Comparison.EQUAL, 1), "days");
        assertField(
                () -> new SegmentRule.AttributeIs("city", Comparison.LESS, new AttributeValue.Text("x")), "comparison");
    }

    // ---- random rules --------------------------------------------------------------------------

    static SegmentRule randomRule(Random random, int depth) {
        int kind = random.nextInt(depth > 0 ? 17 : 14);
        return switch (kind) {
            case 0 -> new SegmentRule.StageIn(Set.copyOf(pick(random, LifecycleStage.values())));
            case 1 ->
                new SegmentRule.Tagged(Set.of(
                        new Tag(text(random).replace("\n", "").replace("\t", "")), new Tag("t" + random.nextInt(3))));
            case 2 ->
                new SegmentRule.OwnedBy(
                        random.nextBoolean() ? Optional.empty() : Optional.of(StaffId.of("rep-" + random.nextInt(9))));
            case 3 ->
                new SegmentRule.AttributeIs(
                        "a" + text(random),
                        Comparison.values()[random.nextInt(6)],
                        new AttributeValue.Number(
                                new BigDecimal(random.nextInt(2000) - 1000).movePointLeft(random.nextInt(3))));
            case 4 ->
                new SegmentRule.AttributeIs(
                        text(random),
                        random.nextBoolean() ? Comparison.EQUAL : Comparison.NOT_EQUAL,
                        random.nextBoolean()
                                ? new AttributeValue.Text(text(random))
                                : new AttributeValue.Bool(random.nextBoolean()));
            case 5 ->
                new SegmentRule.Consented(
                        Channel.values()[random.nextInt(Channel.values().length)],
                        new ConsentPurpose(random.nextBoolean() ? "marketing" : "x-" + random.nextInt(9)));
            case 6 -> new SegmentRule.HasContact(ContactKind.values()[random.nextInt(ContactKind.values().length)]);
            case 7 ->
                new SegmentRule.DaysSince(
                        SegmentRule.LastActivity.values()[random.nextInt(2)],
                        Comparison.values()[random.nextInt(6)],
                        random.nextInt(1000));
            case 8 ->
                new SegmentRule.OrderCount(
                        1 + random.nextInt(3650), Comparison.values()[random.nextInt(6)], random.nextInt(50));
            case 9 ->
                new SegmentRule.Revenue(
                        1 + random.nextInt(3650),
                        Currency.getInstance(random.nextBoolean() ? "EUR" : "VND"),
                        Comparison.values()[random.nextInt(6)],
                        new BigDecimal(random.nextInt(100_000)).movePointLeft(random.nextInt(3)));
            case 10 -> new SegmentRule.RfmAtLeast(1 + random.nextInt(5), 1 + random.nextInt(5), 1 + random.nextInt(5));
            case 11 -> new SegmentRule.OpenOpportunityIn(text(random));
            case 12 ->
                new SegmentRule.Inbound(
                        Channel.values()[random.nextInt(Channel.values().length)], 1 + random.nextInt(365));
            case 13 -> new SegmentRule.StageIn(Set.of(LifecycleStage.values()[random.nextInt(5)]));
            case 14 -> new SegmentRule.Not(randomRule(random, depth - 1));
            case 15 -> new SegmentRule.ContactOf(randomRule(random, depth - 1));
            default -> {
                List<SegmentRule> rules = new ArrayList<>();
                for (int i = 0; i < 2 + random.nextInt(2); i++) {
                    rules.add(randomRule(random, depth - 1));
                }
                yield random.nextBoolean() ? new SegmentRule.All(rules) : new SegmentRule.Any(rules);
            }
        };
    }

    private static <T> List<T> pick(Random random, T[] values) {
        List<T> picked = new ArrayList<>();
        for (T v : values) {
            if (random.nextBoolean()) {
                picked.add(v);
            }
        }
        if (picked.isEmpty()) {
            picked.add(values[0]);
        }
        return picked;
    }

    /** A text with the characters rule text must escape, and some that it need not. */
    private static String text(Random random) {
        String[] parts = {"vip", "\"", "\\", "Huế", " ", "\n", "\t", "'", ")", " and ", "中", "x"};
        StringBuilder text = new StringBuilder("k");
        for (int i = 0; i < random.nextInt(4); i++) {
            text.append(parts[random.nextInt(parts.length)]);
        }
        return text.toString();
    }

    private static void assertSyntax(String text, int line, int column, String expected) {
        assertThatThrownBy(() -> SegmentRule.parse(text))
                .as(text)
                .isInstanceOfSatisfying(RuleSyntaxException.class, e -> {
                    assertThat(e.expected()).isEqualTo(expected);
                    assertThat(List.of(e.line(), e.column())).as(e.getMessage()).containsExactly(line, column);
                    assertThat(e.field()).isEqualTo("rule");
                });
    }

    private static void assertField(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
