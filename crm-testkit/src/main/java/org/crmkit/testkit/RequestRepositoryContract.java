package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmkit.testkit.fixtures.WorkFixtures.aRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.ConcurrentUpdateException;
import org.crmkit.core.common.NotFoundException;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageCursor;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.Priority;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.interaction.InteractionId;
import org.crmkit.core.routing.TeamId;
import org.crmkit.core.service.Request;
import org.crmkit.core.service.RequestKind;
import org.crmkit.core.service.RequestRepository;
import org.crmkit.core.service.RequestStatus;
import org.crmkit.core.service.ServiceLevelTarget;
import org.crmkit.core.spi.CrmStore;
import org.crmkit.testkit.fixtures.CustomerFixtures;
import org.crmkit.testkit.fixtures.InteractionFixtures;
import org.crmkit.testkit.fixtures.TestTenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link RequestRepository} must have: a saved request reads back equal in every
 * part (to the microsecond), by id and by the interaction that opened it; saves are optimistic (a
 * stale version, a taken id or a taken opening interaction fail with {@link
 * ConcurrentUpdateException} and write nothing); the overdue list, the assignee's open list and a
 * customer's open requests hold exactly what the port says, in its order, keyset-paged without gaps
 * or repeats; open load is counted per assignee; nothing of one tenant is visible through another;
 * and a unit of work that rolls back leaves nothing behind.
 *
 * <p>A store runs it by extending it and supplying the store, as for {@link
 * InteractionRepositoryContract}. {@link #newStore()} is called once before each test; every test
 * works in random tenants of its own.
 */
public abstract class RequestRepositoryContract {
    private static final Instant T0 = Instant.parse("2024-06-03T08:15:30.123456Z");
    private static final StaffId ANNA = StaffId.of("anna");
    private static final StaffId BAO = StaffId.of("bảo");

    private CrmStore store;
    private TenantId tenant;
    private RequestRepository requests;

    /** Creates the contract; subclasses supply the store. */
    protected RequestRepositoryContract() {}

    /**
     * Returns the store under test, called once before each test. It may be new and empty or one
     * already used, as long as it holds no data of the random tenants the tests make.
     */
    protected abstract CrmStore newStore();

    @BeforeEach
    void setUpStore() {
        store = newStore();
        tenant = TestTenants.random("r");
        requests = store.requests(tenant);
    }

    @Test
    void save_new_readsBackEqualInEveryPart() {
        CustomerId customer = CustomerFixtures.nextCustomerId();
        InteractionId call = InteractionFixtures.nextInteractionId();
        Request request = aRequest(tenant, customer, T0)
                .channel(Channel.WHATSAPP)
                .kind(RequestKind.COMPLAINT)
                .priority(Priority.URGENT)
                .topic("Thanh toán")
                .openedBy(call)
                .status(RequestStatus.ANSWERED)
                .firstRespondedAt(T0.plus(Duration.ofMinutes(7)).plusNanos(1000))
                .assignee(BAO)
                .team(TeamId.of("Hỗ trợ"))
                .overdueNotified(EnumSet.of(ServiceLevelTarget.FIRST_RESPONSE))
                .build();

        Request stored = requests.save(request);

        assertThat(stored).isEqualTo(request.withVersion(1));
        assertThat(requests.findById(request.id())).contains(stored);
        assertThat(requests.findByOpeningInteraction(call)).contains(stored);
        assertThat(store.requests(tenant).findById(request.id()).orElseThrow().topic())
                .contains("Thanh toán");
    }

    @Test
    void save_closedRequest_keepsEveryInstant() {
        Request closed = aRequest(tenant, CustomerFixtures.nextCustomerId(), T0)
                .status(RequestStatus.CLOSED)
                .firstRespondedAt(T0.plusSeconds(60))
                .resolvedAt(T0.plusSeconds(3600))
                .closedAt(T0.plusSeconds(7200))
                .overdueNotified(EnumSet.allOf(ServiceLevelTarget.class))
                .build();

        assertThat(requests.findById(requests.save(closed).id())).contains(closed.withVersion(1));
    }

    @Test
    void save_update_bumpsTheVersion_andAStaleVersionFails() {
        Request v1 = requests.save(
                aRequest(tenant, CustomerFixtures.nextCustomerId(), T0).build());
        Request v2 = requests.save(
                v1.assigned(org.crmkit.core.routing.Assignment.to(ANNA), T0.plusSeconds(5), Actor.user("x")));

        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.assignee()).contains(ANNA);
        assertThatThrownBy(() -> requests.save(v1.movedTo(RequestStatus.RESOLVED, T0.plusSeconds(9), Actor.user("y"))))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThat(requests.findById(v1.id())).contains(v2);
    }

    @Test
    void save_takenId_atVersionZero_fails() {
        Request first = requests.save(
                aRequest(tenant, CustomerFixtures.nextCustomerId(), T0).build());
        Request again = first.toBuilder().version(0).build();

        assertThatThrownBy(() -> requests.save(again)).isInstanceOf(ConcurrentUpdateException.class);
        assertThat(requests.findById(first.id())).contains(first);
    }

    @Test
    void save_secondRequestOpenedByTheSameInteraction_fails() {
        InteractionId call = InteractionFixtures.nextInteractionId();
        Request first = requests.save(aRequest(tenant, CustomerFixtures.nextCustomerId(), T0)
                .openedBy(call)
                .build());
        Request second = aRequest(tenant, CustomerFixtures.nextCustomerId(), T0)
                .openedBy(call)
                .build();

        assertThatThrownBy(() -> requests.save(second)).isInstanceOf(ConcurrentUpdateException.class);
        assertThat(requests.findById(second.id())).isEmpty();
        assertThat(requests.findByOpeningInteraction(call)).contains(first);
    }

    @Test
    void save_missingRequestAboveVersionZero_isNotFound() {
        Request ghost = aRequest(tenant, CustomerFixtures.nextCustomerId(), T0)
                .version(3)
                .build();

        assertThatThrownBy(() -> requests.save(ghost)).isInstanceOf(NotFoundException.class);
        assertThat(requests.findById(ghost.id())).isEmpty();
    }

    @Test
    void save_requestOfAnotherTenant_isRefused() {
        Request foreign = aRequest(TestTenants.random("other"), CustomerFixtures.nextCustomerId(), T0)
                .build();

        assertThatThrownBy(() -> requests.save(foreign)).isInstanceOf(ValidationException.class);
        assertThat(requests.findById(foreign.id())).isEmpty();
    }

    @Test
    void nothingOfOneTenant_isVisibleThroughAnother() {
        CustomerId customer = CustomerFixtures.nextCustomerId();
        InteractionId call = InteractionFixtures.nextInteractionId();
        Request mine = requests.save(
                aRequest(tenant, customer, T0).openedBy(call).assignee(ANNA).build());
        RequestRepository other = store.requests(TestTenants.random("other"));

        assertThat(other.findById(mine.id())).isEmpty();
        assertThat(other.findByOpeningInteraction(call)).isEmpty();
        assertThat(other.overdue(T0.plus(Duration.ofDays(9)), PageRequest.first(10))
                        .items())
                .isEmpty();
        assertThat(other.openAssignedTo(ANNA, PageRequest.first(10)).items()).isEmpty();
        assertThat(other.openForCustomer(customer, 10)).isEmpty();
        assertThat(other.openCountByAssignee(List.of(ANNA)).getOrDefault(ANNA, 0L))
                .isZero();
    }

    @Test
    void overdue_holdsTheRequestsWhosePendingDeadlineIsBeforeNow_byIdOnKeysetPages() {
        Instant now = T0.plus(Duration.ofHours(2));
        List<Request> expected = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            expected.add(requests.save(aRequest(tenant, CustomerFixtures.nextCustomerId(), T0.plusSeconds(i))
                    .build()));
        }
        // first response due exactly now: not passed yet
        requests.save(aRequest(tenant, CustomerFixtures.nextCustomerId(), now.minus(Duration.ofHours(1)))
                .build());
        // answered, resolution due tomorrow: nothing pending has passed
        requests.save(aRequest(tenant, CustomerFixtures.nextCustomerId(), T0)
                .status(RequestStatus.ANSWERED)
                .firstRespondedAt(T0.plusSeconds(30))
                .build());
        // answered long ago, resolution passed
        expected.add(requests.save(aRequest(tenant, CustomerFixtures.nextCustomerId(), T0.minus(Duration.ofDays(3)))
                .status(RequestStatus.ANSWERED)
                .firstRespondedAt(T0.minus(Duration.ofDays(3)).plusSeconds(30))
                .build()));
        // resolved late: nothing pending
        requests.save(aRequest(tenant, CustomerFixtures.nextCustomerId(), T0.minus(Duration.ofDays(3)))
                .status(RequestStatus.RESOLVED)
                .firstRespondedAt(T0)
                .resolvedAt(T0)
                .build());

        List<Request> seen = new ArrayList<>();
        Page<Request> page = requests.overdue(now, PageRequest.first(3));
        seen.addAll(page.items());
        while (page.next().isPresent()) {
            assertThat(page.items()).hasSize(3);
            page = requests.overdue(now, PageRequest.after(page.next().get(), 3));
            seen.addAll(page.items());
        }

        assertThat(seen).containsExactlyElementsOf(sortedById(expected));
    }

    @Test
    void openAssignedTo_holdsTheAssigneesOpenRequests_oldestFirst() {
        List<Request> expected = new ArrayList<>();
        for (RequestStatus status :
                List.of(RequestStatus.OPEN, RequestStatus.WAITING_FOR_CUSTOMER, RequestStatus.ANSWERED)) {
            Request.Builder b = aRequest(tenant, CustomerFixtures.nextCustomerId(), T0)
                    .assignee(ANNA)
                    .status(status);
            if (status != RequestStatus.OPEN) {
                b.firstRespondedAt(T0.plusSeconds(1));
            }
            expected.add(requests.save(b.build()));
        }
        requests.save(aRequest(tenant, CustomerFixtures.nextCustomerId(), T0)
                .assignee(BAO)
                .build());
        requests.save(aRequest(tenant, CustomerFixtures.nextCustomerId(), T0)
                .assignee(ANNA)
                .status(RequestStatus.RESOLVED)
                .firstRespondedAt(T0)
                .resolvedAt(T0)
                .build());

        Page<Request> first = requests.openAssignedTo(ANNA, PageRequest.first(2));
        Page<Request> second =
                requests.openAssignedTo(ANNA, PageRequest.after(first.next().orElseThrow(), 2));

        assertThat(first.items()).containsExactlyElementsOf(expected.subList(0, 2));
        assertThat(second.items()).containsExactly(expected.get(2));
        assertThat(second.next()).isEmpty();
    }

    @Test
    void openForCustomer_holdsTheCustomersOpenRequests_newestFirst_upToTheLimit() {
        CustomerId customer = CustomerFixtures.nextCustomerId();
        Request older = requests.save(aRequest(tenant, customer, T0).build());
        Request tieA =
                requests.save(aRequest(tenant, customer, T0.plusSeconds(60)).build());
        Request tieB =
                requests.save(aRequest(tenant, customer, T0.plusSeconds(60)).build());
        requests.save(aRequest(tenant, customer, T0.plusSeconds(90))
                .status(RequestStatus.CLOSED)
                .firstRespondedAt(T0.plusSeconds(90))
                .resolvedAt(T0.plusSeconds(90))
                .closedAt(T0.plusSeconds(90))
                .build());
        requests.save(aRequest(tenant, CustomerFixtures.nextCustomerId(), T0).build());

        assertThat(requests.openForCustomer(customer, 10)).containsExactly(tieB, tieA, older);
        assertThat(requests.openForCustomer(customer, 2)).containsExactly(tieB, tieA);
    }

    @Test
    void openCountByAssignee_countsOpenRequestsOnly() {
        for (int i = 0; i < 3; i++) {
            requests.save(aRequest(tenant, CustomerFixtures.nextCustomerId(), T0)
                    .assignee(ANNA)
                    .build());
        }
        requests.save(aRequest(tenant, CustomerFixtures.nextCustomerId(), T0)
                .assignee(BAO)
                .build());
        requests.save(aRequest(tenant, CustomerFixtures.nextCustomerId(), T0)
                .assignee(BAO)
                .status(RequestStatus.RESOLVED)
                .firstRespondedAt(T0)
                .resolvedAt(T0)
                .build());
        StaffId idle = StaffId.of("idle");

        Map<StaffId, Long> load = requests.openCountByAssignee(List.of(ANNA, BAO, idle));

        assertThat(load.get(ANNA)).isEqualTo(3L);
        assertThat(load.get(BAO)).isEqualTo(1L);
        assertThat(load.getOrDefault(idle, 0L)).isZero();
    }

    @Test
    void aCursorOfAnotherList_isRefused() {
        PageRequest foreign = PageRequest.after(new PageCursor("not-a-cursor"), 10);

        assertThatThrownBy(() -> requests.overdue(T0, foreign))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("page.cursor"));
    }

    @Test
    void aUnitOfWorkThatFails_leavesNoRequestBehind() {
        Request request =
                aRequest(tenant, CustomerFixtures.nextCustomerId(), T0).build();

        assertThatThrownBy(() -> store.inTransaction(() -> {
                    requests.save(request);
                    throw new IllegalStateException("boom");
                }))
                .hasMessage("boom");
        assertThat(requests.findById(request.id())).isEmpty();
    }

    private static List<Request> sortedById(List<Request> requests) {
        List<Request> sorted = new ArrayList<>(requests);
        sorted.sort(java.util.Comparator.comparing(r -> r.id().value(), org.crmkit.core.common.Ids.ORDER));
        return sorted;
    }
}
