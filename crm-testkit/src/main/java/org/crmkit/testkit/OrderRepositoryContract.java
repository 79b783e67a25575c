package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmkit.testkit.fixtures.SalesFixtures.anOrder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.common.Audit;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.ConcurrentUpdateException;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.sales.LineItem;
import org.crmkit.core.sales.OpportunityId;
import org.crmkit.core.sales.Order;
import org.crmkit.core.sales.OrderId;
import org.crmkit.core.sales.OrderRepository;
import org.crmkit.core.spi.CrmStore;
import org.crmkit.testkit.fixtures.CustomerFixtures;
import org.crmkit.testkit.fixtures.TestTenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link OrderRepository} must have: an appended order reads back equal in every
 * part (lines in order, exact amounts, instants to the microsecond), by id and by external id
 * (compared exactly); a taken id or external id fails with {@link ConcurrentUpdateException} and
 * records nothing, and {@code appendAll} records all or nothing; a customer's latest orders come
 * newest first; the list of all orders is keyset-paged by id; tenants do not see each other's.
 *
 * <p>A store runs it by extending it and supplying the store, as for {@link
 * InteractionRepositoryContract}.
 */
public abstract class OrderRepositoryContract {
    private static final Instant T0 = Instant.parse("2024-02-10T11:12:13.654321Z");

    private CrmStore store;
    private TenantId tenant;
    private OrderRepository orders;

    /** Creates the contract; subclasses supply the store. */
    protected OrderRepositoryContract() {}

    /**
     * Returns the store under test, called once before each test. It may be new and empty or one
     * already used, as long as it holds no data of the random tenants the tests make.
     */
    protected abstract CrmStore newStore();

    @BeforeEach
    void setUpStore() {
        store = newStore();
        tenant = TestTenants.random("d");
        orders = store.orders(tenant);
    }

    @Test
    void append_readsBackEqualInEveryPart() {
        Order order = Order.of(
                new OrderId(java.util.UUID.randomUUID()),
                tenant,
                CustomerFixtures.nextCustomerId(),
                T0,
                List.of(
                        LineItem.of("Kem dưỡng 50ml", "3", Money.of("125000", "VND"))
                                .discounted("0.1"),
                        LineItem.of("SKU-2", "0.0005", Money.of("1", "VND"))),
                Money.of("200000", "VND"),
                Channel.WEB_FORM,
                new OpportunityId(java.util.UUID.randomUUID()),
                "shop:Ω-100234",
                Audit.created(T0, org.crmkit.core.common.Actor.system("shop")));

        Order stored = orders.append(order);

        assertThat(stored).isEqualTo(order);
        assertThat(orders.findById(order.id())).contains(order);
        assertThat(orders.findByExternalId("shop:Ω-100234")).contains(order);
        assertThat(orders.findById(order.id()).orElseThrow().total()).isEqualTo(Money.of("337500", "VND"));
        assertThat(orders.findById(order.id()).orElseThrow().margin()).contains(Money.of("137500", "VND"));
    }

    @Test
    void externalIds_compareExactly() {
        CustomerId customer = CustomerFixtures.nextCustomerId();
        orders.append(withExternalId(anOrder(tenant, customer, T0, "a"), "ERP-7"));

        assertThat(orders.findByExternalId("erp-7")).isEmpty();
        assertThat(orders.findByExternalId("ERP-%")).isEmpty();
        assertThat(orders.findByExternalId(" ERP-7")).isEmpty();
        assertThat(orders.existingExternalIds(List.of("ERP-7", "ERP-8", "ERP_7")))
                .containsExactly("ERP-7");
    }

    @Test
    void aTakenIdOrExternalId_fails_andAppendAllRecordsAllOrNothing() {
        CustomerId customer = CustomerFixtures.nextCustomerId();
        Order first = orders.append(withExternalId(anOrder(tenant, customer, T0, "a"), "ERP-1"));
        Order fresh = anOrder(tenant, customer, T0, "b");
        Order sameExternal = withExternalId(anOrder(tenant, customer, T0, "c"), "ERP-1");

        assertThatThrownBy(() -> orders.append(first)).isInstanceOf(ConcurrentUpdateException.class);
        assertThatThrownBy(() -> orders.append(sameExternal)).isInstanceOf(ConcurrentUpdateException.class);
        assertThatThrownBy(() -> orders.appendAll(List.of(fresh, sameExternal)))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThat(orders.findById(fresh.id())).isEmpty();
        assertThat(orders.findById(sameExternal.id())).isEmpty();
        assertThat(orders.appendAll(List.of(fresh))).containsExactly(fresh);
    }

    @Test
    void latestForCustomer_isNewestFirst_andListPagesEveryOrderOnce() {
        CustomerId customer = CustomerFixtures.nextCustomerId();
        List<Order> all = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            all.add(anOrder(
                    tenant, i < 5 ? customer : CustomerFixtures.nextCustomerId(), T0.plusSeconds(i % 3), "p" + i));
        }
        orders.appendAll(all);

        List<Order> latest = orders.latestForCustomer(customer, 3);
        assertThat(latest).hasSize(3);
        assertThat(latest.get(0).orderedAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(latest)
                .isSortedAccordingTo(java.util.Comparator.comparing(Order::orderedAt)
                        .thenComparing(o -> o.id().value(), org.crmkit.core.common.Ids.ORDER)
                        .reversed());
        List<Order> seen = new ArrayList<>();
        Page<Order> page = orders.list(PageRequest.first(3));
        seen.addAll(page.items());
        while (page.next().isPresent()) {
            page = orders.list(PageRequest.after(page.next().get(), 3));
            seen.addAll(page.items());
        }
        assertThat(seen).containsExactlyElementsOf(all);
        assertThat(store.orders(TestTenants.random("other"))
                        .list(PageRequest.first(10))
                        .items())
                .isEmpty();
        assertThat(store.orders(TestTenants.random("other")).latestForCustomer(customer, 10))
                .isEmpty();
    }

    @Test
    void aForeignOrder_isRefused_andAFailedUnitLeavesNothing() {
        Order foreign = anOrder(TestTenants.random("x"), CustomerFixtures.nextCustomerId(), T0, "a");
        Order order = anOrder(tenant, CustomerFixtures.nextCustomerId(), T0, "a");

        assertThatThrownBy(() -> orders.append(foreign)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> store.inTransaction(() -> {
                    orders.append(order);
                    throw new IllegalStateException("boom");
                }))
                .hasMessage("boom");
        assertThat(orders.findById(order.id())).isEmpty();
    }

    private static Order withExternalId(Order order, String externalId) {
        return Order.of(
                order.id(),
                order.tenant(),
                order.customer(),
                order.orderedAt(),
                order.lines(),
                order.cost().orElse(null),
                order.channel().orElse(null),
                order.opportunity().orElse(null),
                externalId,
                order.audit());
    }
}
