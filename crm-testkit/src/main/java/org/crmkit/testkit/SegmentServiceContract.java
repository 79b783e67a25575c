package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
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
import org.crmkit.core.segment.RuleSyntaxException;
import org.crmkit.core.segment.SegmentService;
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
