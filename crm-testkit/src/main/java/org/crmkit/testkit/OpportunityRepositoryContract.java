package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmkit.testkit.fixtures.SalesFixtures.aPipeline;
import static org.crmkit.testkit.fixtures.SalesFixtures.anOpportunity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.ConcurrentUpdateException;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.NotFoundException;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.sales.LineItem;
import org.crmkit.core.sales.Opportunity;
import org.crmkit.core.sales.OpportunityRepository;
import org.crmkit.core.sales.OpportunityStatus;
import org.crmkit.core.sales.Pipeline;
import org.crmkit.core.spi.CrmStore;
import org.crmkit.testkit.fixtures.CustomerFixtures;
import org.crmkit.testkit.fixtures.TestTenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link OpportunityRepository} must have: a saved opportunity reads back equal
 * in every part (line items with exact quantities, prices and discounts, the full stage history in
 * order, instants to the microsecond) through moves, closes and reopening; saves are optimistic; the
 * open lists and counts hold open opportunities only, in the port's order, keyset-paged; tenants do
 * not see each other's; a failed unit of work leaves nothing.
 *
 * <p>A store runs it by extending it and supplying the store, as for {@link
 * InteractionRepositoryContract}.
 */
public abstract class OpportunityRepositoryContract {
    private static final Instant T1 = Instant.parse("2024-03-05T10:15:00.000001Z");
    private static final Actor REP = Actor.user("rep");

    private CrmStore store;
    private TenantId tenant;
    private OpportunityRepository opportunities;
    private Pipeline pipeline;

    /** Creates the contract; subclasses supply the store. */
    protected OpportunityRepositoryContract() {}

    /**
     * Returns the store under test, called once before each test. It may be new and empty or one
     * already used, as long as it holds no data of the random tenants the tests make.
     */
    protected abstract CrmStore newStore();

    @BeforeEach
    void setUpStore() {
        store = newStore();
        tenant = TestTenants.random("s");
        opportunities = store.opportunities(tenant);
        pipeline = store.pipelines(tenant).save(aPipeline(tenant));
    }

    @Test
    void save_new_readsBackEqualInEveryPart() {
        Opportunity opportunity = anOpportunity(tenant, CustomerFixtures.nextCustomerId(), pipeline)
                .amount(null)
                .lines(List.of(
                        LineItem.of("SKU-Ω-1", "2.5", Money.of("199.99", "EUR")).discounted("0.125"),
                        LineItem.of("Dịch vụ lắp đặt", "1", Money.of("80.00", "EUR"))))
                .probabilityOverride(35)
                .sourceChannel(Channel.WEB_FORM)
                .sourceCampaign(UUID.fromString("0190a5c4-3333-7000-8000-000000000003"))
                .build();

        Opportunity stored = opportunities.save(opportunity);

        assertThat(stored).isEqualTo(opportunity.withVersion(1));
        assertThat(stored.amount()).isEqualTo(Money.of("517.48", "EUR"));
        assertThat(stored.lines().get(0).quantity()).isEqualByComparingTo(new BigDecimal("2.5"));
        assertThat(opportunities.findById(opportunity.id())).contains(stored);
    }

    @Test
    void save_movesClosesAndReopens_keepTheWholeHistory() {
        Opportunity v1 = opportunities.save(anOpportunity(tenant, CustomerFixtures.nextCustomerId(), pipeline)
                .build());
        Opportunity moved = opportunities.save(v1.movedTo(pipeline.stages().get(1), T1, REP));
        Opportunity lost =
                opportunities.save(moved.closed(OpportunityStatus.LOST, "competitor", T1.plusSeconds(60), REP));
        Opportunity reopened = opportunities.save(
                lost.reopened(pipeline.stages().get(2), T1.plusSeconds(120), Actor.system("import")));

        Opportunity read = opportunities.findById(v1.id()).orElseThrow();
        assertThat(read).isEqualTo(reopened);
        assertThat(read.version()).isEqualTo(4);
        assertThat(read.history())
                .extracting(c -> c.status())
                .containsExactly(
                        OpportunityStatus.OPEN, OpportunityStatus.OPEN, OpportunityStatus.LOST, OpportunityStatus.OPEN);
        assertThat(lost.closeReason()).contains("competitor");
        assertThat(read.closedAt()).isEmpty();
    }

    @Test
    void save_staleVersion_takenId_orMissingRow_fail() {
        Opportunity v1 = opportunities.save(anOpportunity(tenant, CustomerFixtures.nextCustomerId(), pipeline)
                .build());
        Opportunity v2 = opportunities.save(v1.movedTo(pipeline.stages().get(1), T1, REP));
        Opportunity ghost = anOpportunity(tenant, CustomerFixtures.nextCustomerId(), pipeline)
                .version(3)
                .build();

        assertThatThrownBy(() -> opportunities.save(v1.movedTo(pipeline.stages().get(2), T1, REP)))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThatThrownBy(() -> opportunities.save(v1.toBuilder().version(0).build()))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThatThrownBy(() -> opportunities.save(ghost)).isInstanceOf(NotFoundException.class);
        assertThat(opportunities.findById(v1.id())).contains(v2);
        assertThat(opportunities.findById(ghost.id())).isEmpty();
    }

    @Test
    void openLists_holdOpenOpportunitiesOnly_inTheirOrder() {
        CustomerId customer = CustomerFixtures.nextCustomerId();
        List<Opportunity> annas = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            annas.add(opportunities.save(
                    anOpportunity(tenant, i < 3 ? customer : CustomerFixtures.nextCustomerId(), pipeline)
                            .build()));
        }
        Opportunity won =
                opportunities.save(anOpportunity(tenant, customer, pipeline).build());
        opportunities.save(won.closed(OpportunityStatus.WON, "price", T1, REP));
        opportunities.save(anOpportunity(tenant, customer, pipeline)
                .owner(StaffId.of("bảo"))
                .build());

        List<Opportunity> seen = new ArrayList<>();
        Page<Opportunity> page = opportunities.openOwnedBy(StaffId.of("anna"), PageRequest.first(2));
        seen.addAll(page.items());
        while (page.next().isPresent()) {
            page = opportunities.openOwnedBy(
                    StaffId.of("anna"), PageRequest.after(page.next().get(), 2));
            seen.addAll(page.items());
        }

        assertThat(seen).containsExactlyElementsOf(annas);
        assertThat(opportunities.openForCustomer(customer, 10)).hasSize(4).doesNotContain(won);
        assertThat(opportunities.openForCustomer(customer, 2)).containsExactlyElementsOf(annas.subList(0, 2));
        Map<StaffId, Long> counts =
                opportunities.openCountByOwner(List.of(StaffId.of("anna"), StaffId.of("bảo"), StaffId.of("x")));
        assertThat(counts.get(StaffId.of("anna"))).isEqualTo(5L);
        assertThat(counts.get(StaffId.of("bảo"))).isEqualTo(1L);
        assertThat(counts.getOrDefault(StaffId.of("x"), 0L)).isZero();
    }

    @Test
    void list_walksEveryOpportunityOpenOrClosed_byIdPageByPage() {
        List<Opportunity> saved = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Opportunity o = opportunities.save(anOpportunity(tenant, CustomerFixtures.nextCustomerId(), pipeline)
                    .build());
            saved.add(i % 3 == 0 ? opportunities.save(o.closed(OpportunityStatus.LOST, "price", T1, REP)) : o);
        }
        saved.sort(java.util.Comparator.comparing(o -> o.id().value(), org.crmkit.core.common.Ids.ORDER));

        List<Opportunity> seen = new ArrayList<>();
        Page<Opportunity> page = opportunities.list(PageRequest.first(3));
        seen.addAll(page.items());
        while (page.next().isPresent()) {
            page = opportunities.list(PageRequest.after(page.next().get(), 3));
            seen.addAll(page.items());
        }

        assertThat(seen).containsExactlyElementsOf(saved);
        assertThat(opportunities.list(PageRequest.first(100)).items()).containsExactlyElementsOf(saved);
        assertThat(store.opportunities(TestTenants.random("o"))
                        .list(PageRequest.first(10))
                        .items())
                .isEmpty();
    }

    @Test
    void tenants_areApart_andAForeignOpportunityIsRefused() {
        CustomerId customer = CustomerFixtures.nextCustomerId();
        Opportunity mine =
                opportunities.save(anOpportunity(tenant, customer, pipeline).build());
        OpportunityRepository other = store.opportunities(TestTenants.random("other"));

        assertThat(other.findById(mine.id())).isEmpty();
        assertThat(other.openForCustomer(customer, 10)).isEmpty();
        assertThat(other.openOwnedBy(StaffId.of("anna"), PageRequest.first(10)).items())
                .isEmpty();
        assertThat(other.openCountByOwner(List.of(StaffId.of("anna"))).getOrDefault(StaffId.of("anna"), 0L))
                .isZero();
        assertThatThrownBy(() -> opportunities.save(anOpportunity(TestTenants.random("x"), customer, pipeline)
                        .build()))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void aUnitOfWorkThatFails_leavesNoOpportunityBehind() {
        Opportunity opportunity = anOpportunity(tenant, CustomerFixtures.nextCustomerId(), pipeline)
                .build();

        assertThatThrownBy(() -> store.inTransaction(() -> {
                    opportunities.save(opportunity);
                    throw new IllegalStateException("boom");
                }))
                .hasMessage("boom");
        assertThat(opportunities.findById(opportunity.id())).isEmpty();
    }
}
