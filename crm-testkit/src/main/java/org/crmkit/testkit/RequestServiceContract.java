package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmkit.testkit.fixtures.CustomerFixtures.aPerson;
import static org.crmkit.testkit.fixtures.InteractionFixtures.anInteraction;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.crmkit.core.Crm;
import org.crmkit.core.CrmScope;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.NotFoundException;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.Priority;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.interaction.Interaction;
import org.crmkit.core.routing.Assignment;
import org.crmkit.core.routing.AssignmentStrategy;
import org.crmkit.core.routing.RoutingCondition;
import org.crmkit.core.routing.RoutingRule;
import org.crmkit.core.routing.Team;
import org.crmkit.core.routing.TeamId;
import org.crmkit.core.service.OverdueRequest;
import org.crmkit.core.service.Request;
import org.crmkit.core.service.RequestDraft;
import org.crmkit.core.service.RequestEvent;
import org.crmkit.core.service.RequestKind;
import org.crmkit.core.service.RequestService;
import org.crmkit.core.service.RequestStatus;
import org.crmkit.core.service.ServiceLevel;
import org.crmkit.core.service.ServiceLevelPolicy;
import org.crmkit.core.service.ServiceLevelTarget;
import org.crmkit.core.spi.CrmStore;
import org.crmkit.testkit.fixtures.Concurrently;
import org.crmkit.testkit.fixtures.RecordingListener;
import org.crmkit.testkit.fixtures.SteppingClock;
import org.crmkit.testkit.fixtures.TestTenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour of {@link org.crmkit.core.service.RequestService} and routing on a store, through
 * the {@link Crm} facade: an inbound interaction opens one request at most (also when eight threads
 * try at once), with deadlines from the configured service-level policy; bad drafts are refused with
 * the field at fault and record nothing; statuses move along legal transitions only; {@code
 * overdue(now)} lists every passed deadline and announces each once, however often and however
 * concurrently it is polled; round-robin, least-loaded and rule-based routing choose as documented
 * and take fair turns under concurrency; and the customer 360 shows open requests. Everything
 * persists: a second {@code Crm} on the same store reads it.
 *
 * <p>A store runs it by extending it and supplying the store, as for {@link
 * InteractionServiceContract}. The {@code Crm} runs on a {@link SteppingClock}, and every test works
 * in a random tenant of its own.
 */
public abstract class RequestServiceContract {
    private static final Actor ANNA = Actor.user("anna");
    private static final Instant CALL_AT = Instant.parse("2024-05-01T08:30:00Z");
    private static final Team SUPPORT = Team.of("support", "an", "binh", "chi");

    private CrmStore store;
    private SteppingClock clock;
    private RecordingListener events;
    private TenantId tenant;
    private CrmScope scope;

    /** Creates the contract; subclasses supply the store. */
    protected RequestServiceContract() {}

    /**
     * Returns the store under test, called once before each test. It may be new and empty or one
     * already used, as long as it holds no data of the random tenants the tests make.
     */
    protected abstract CrmStore newStore();

    @BeforeEach
    void setUpCrm() {
        store = newStore();
        clock = SteppingClock.create();
        events = new RecordingListener();
        tenant = TestTenants.random("q");
        scope = crm(b -> b).forTenant(tenant).as(ANNA);
    }

    // ---- open --------------------------------------------------------------------------------

    @Test
    void open_fromAnInboundInteraction_takesItsChannelAndTime_andTheStandardServiceLevel() {
        CustomerId ngoc = customer();
        Interaction chat = inbound(ngoc, Channel.LIVE_CHAT);

        Request request = scope.requests()
                .open(RequestDraft.from(chat.id(), ngoc, "Đơn hàng chưa tới")
                        .kind(RequestKind.COMPLAINT)
                        .priority(Priority.HIGH)
                        .topic("delivery"));

        assertThat(request.channel()).isEqualTo(Channel.LIVE_CHAT);
        assertThat(request.openedAt()).isEqualTo(CALL_AT);
        assertThat(request.firstResponseDue()).isEqualTo(CALL_AT.plus(Duration.ofHours(4)));
        assertThat(request.resolutionDue()).isEqualTo(CALL_AT.plus(Duration.ofHours(24)));
        assertThat(request.status()).isEqualTo(RequestStatus.OPEN);
        assertThat(request.assignment()).isEmpty();
        assertThat(request.version()).isEqualTo(1);
        assertThat(reread().get(request.id())).isEqualTo(request);
        assertThat(reread().openedBy(chat.id())).contains(request);
        assertThat(events.events(RequestEvent.RequestOpened.class))
                .singleElement()
                .satisfies(e -> assertThat(e.request()).isEqualTo(request));
    }

    @Test
    void open_deadlinesComeFromTheConfiguredPolicy_byChannelAndPriority() {
        ServiceLevelPolicy policy = ServiceLevelPolicy.of(ServiceLevel.of(Duration.ofHours(8), Duration.ofDays(2)))
                .forChannel(
                        Channel.PHONE, Priority.URGENT, ServiceLevel.of(Duration.ofMinutes(15), Duration.ofHours(2)));
        CrmScope configured =
                crm(b -> b.serviceLevels(policy)).forTenant(tenant).as(ANNA);
        CustomerId customer = customer();

        Request urgentCall = configured
                .requests()
                .open(RequestDraft.from(inbound(customer, Channel.PHONE).id(), customer, "Máy hỏng")
                        .priority(Priority.URGENT));
        Request urgentMail = configured
                .requests()
                .open(RequestDraft.from(inbound(customer, Channel.EMAIL).id(), customer, "Máy hỏng")
                        .priority(Priority.URGENT));

        assertThat(urgentCall.firstResponseDue()).isEqualTo(CALL_AT.plus(Duration.ofMinutes(15)));
        assertThat(urgentCall.resolutionDue()).isEqualTo(CALL_AT.plus(Duration.ofHours(2)));
        assertThat(urgentMail.firstResponseDue()).isEqualTo(CALL_AT.plus(Duration.ofHours(8)));
    }

    @Test
    void open_theSameInteractionTwice_returnsTheFirstRequest() {
        CustomerId customer = customer();
        Interaction call = inbound(customer, Channel.PHONE);

        Request first = scope.requests().open(RequestDraft.from(call.id(), customer, "Gọi lại"));
        Request again = scope.requests().open(RequestDraft.from(call.id(), customer, "Gọi lại lần nữa"));

        assertThat(again).isEqualTo(first);
        assertThat(scope.requests().openForCustomer(customer, 10)).containsExactly(first);
        assertThat(events.events(RequestEvent.RequestOpened.class)).hasSize(1);
    }

    @Test
    void open_theSameInteractionFromEightThreads_opensOneRequest() throws Exception {
        CustomerId customer = customer();
        Interaction call = inbound(customer, Channel.PHONE);

        List<Request> opened = Concurrently.run(
                8,
                i -> crm(b -> b)
                        .forTenant(tenant)
                        .as(ANNA)
                        .requests()
                        .open(RequestDraft.from(call.id(), customer, "Gọi lại " + i)));

        assertThat(new HashSet<>(opened.stream().map(Request::id).toList())).hasSize(1);
        assertThat(reread().openForCustomer(customer, 10)).hasSize(1);
        assertThat(events.events(RequestEvent.RequestOpened.class)).hasSize(1);
    }

    @Test
    void open_refusesWhatCannotOpenARequest_andRecordsNothing() {
        CustomerId customer = customer();
        CustomerId stranger = customer();
        Interaction outbound = scope.interactions()
                .log(anInteraction(customer).outbound().at(CALL_AT).draft());
        Interaction call = inbound(customer, Channel.PHONE);
        RequestService requests = scope.requests();

        assertField(() -> requests.open(RequestDraft.from(outbound.id(), customer, "x")), "request.openedBy");
        assertField(() -> requests.open(RequestDraft.from(call.id(), stranger, "x")), "request.openedBy");
        assertField(
                () -> requests.open(RequestDraft.from(
                        org.crmkit.testkit.fixtures.InteractionFixtures.nextInteractionId(), customer, "x")),
                "request.openedBy");
        assertField(
                () -> requests.open(
                        RequestDraft.of(org.crmkit.testkit.fixtures.CustomerFixtures.nextCustomerId(), "x")),
                "request.customer");
        assertField(() -> requests.open(RequestDraft.of(customer, "  ")), "request.subject");
        assertField(() -> requests.open(RequestDraft.of(customer, "x").topic("t".repeat(129))), "request.topic");
        assertThat(reread().openForCustomer(customer, 10)).isEmpty();
        assertThat(reread().openForCustomer(stranger, 10)).isEmpty();
        assertThat(events.events(RequestEvent.class)).isEmpty();
    }

    // ---- status ------------------------------------------------------------------------------

    @Test
    void statuses_moveAlongLegalTransitions_andRecordWhenDeadlinesWereMet() {
        CustomerId customer = customer();
        RequestService requests = scope.requests();
        Request opened = requests.open(RequestDraft.of(customer, "Hoá đơn sai"));

        Request waiting = requests.awaitCustomer(opened.id());
        Request answered = requests.answer(opened.id());
        Request resolved = requests.resolve(opened.id());
        Request reopened = requests.reopen(opened.id());
        Request closed = requests.close(opened.id());

        assertThat(waiting.firstRespondedAt()).isPresent();
        assertThat(answered.firstRespondedAt()).isEqualTo(waiting.firstRespondedAt());
        assertThat(resolved.resolvedAt()).isPresent();
        assertThat(reopened.status()).isEqualTo(RequestStatus.OPEN);
        assertThat(reopened.resolvedAt()).isEmpty();
        assertThat(reopened.firstRespondedAt()).isEqualTo(waiting.firstRespondedAt());
        assertThat(closed.closedAt()).isPresent();
        assertThat(closed.resolvedAt()).isPresent();
        assertThat(closed.version()).isEqualTo(6);
        assertThat(reread().get(opened.id())).isEqualTo(closed);
        assertThat(events.events(RequestEvent.RequestStatusChanged.class))
                .extracting(RequestEvent.RequestStatusChanged::from)
                .containsExactly(
                        RequestStatus.OPEN,
                        RequestStatus.WAITING_FOR_CUSTOMER,
                        RequestStatus.ANSWERED,
                        RequestStatus.RESOLVED,
                        RequestStatus.OPEN);
    }

    @Test
    void anIllegalMove_failsAndChangesNothing() {
        RequestService requests = scope.requests();
        Request request = requests.open(RequestDraft.of(customer(), "Câu hỏi"));
        Request resolved = requests.resolve(request.id());
        Request closed = requests.close(request.id());

        assertThatThrownBy(() -> requests.answer(resolved.id())).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> requests.reopen(closed.id())).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> requests.assign(closed.id(), Assignment.to(StaffId.of("an"))))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> requests.resolve(org.crmkit.testkit.fixtures.WorkFixtures.nextRequestId()))
                .isInstanceOf(NotFoundException.class);
        assertThat(reread().get(request.id())).isEqualTo(closed);
    }

    // ---- overdue -----------------------------------------------------------------------------

    @Test
    void overdue_listsEveryPassedDeadline_andAnnouncesEachOnce() {
        CustomerId customer = customer();
        RequestService requests = scope.requests();
        Request late = requests.open(RequestDraft.of(customer, "Chưa ai trả lời"));
        Request answered = requests.open(RequestDraft.of(customer, "Đã trả lời"));
        requests.answer(answered.id());
        Instant afterFirstResponse = late.firstResponseDue().plusSeconds(1);

        List<OverdueRequest> first = requests.overdue(afterFirstResponse);
        List<OverdueRequest> second = requests.overdue(afterFirstResponse.plusSeconds(60));

        assertThat(first).singleElement().satisfies(o -> {
            assertThat(o.request().id()).isEqualTo(late.id());
            assertThat(o.target()).isEqualTo(ServiceLevelTarget.FIRST_RESPONSE);
            assertThat(o.due()).isEqualTo(late.firstResponseDue());
        });
        assertThat(second).extracting(o -> o.request().id()).containsExactly(late.id());
        assertThat(events.events(RequestEvent.InboundRequestOverdue.class))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.target()).isEqualTo(ServiceLevelTarget.FIRST_RESPONSE);
                    assertThat(e.request().id()).isEqualTo(late.id());
                });

        Instant afterResolution = late.resolutionDue().plusSeconds(1);
        List<OverdueRequest> later =
                crm(b -> b).forTenant(tenant).as(ANNA).requests().overdue(afterResolution);

        assertThat(later)
                .extracting(OverdueRequest::target, o -> o.request().id())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(ServiceLevelTarget.FIRST_RESPONSE, late.id()),
                        org.assertj.core.groups.Tuple.tuple(ServiceLevelTarget.RESOLUTION, late.id()),
                        org.assertj.core.groups.Tuple.tuple(ServiceLevelTarget.RESOLUTION, answered.id()));
        assertThat(events.events(RequestEvent.InboundRequestOverdue.class)).hasSize(3);
        assertThat(crm(b -> b).forTenant(tenant).as(ANNA).requests().overdue(afterResolution.plusSeconds(1)))
                .hasSize(3);
        assertThat(events.events(RequestEvent.InboundRequestOverdue.class)).hasSize(3);
        assertThat(reread().get(late.id()).overdueNotified()).containsExactlyInAnyOrder(ServiceLevelTarget.values());
    }

    @Test
    void overdue_pollsOnFourHostsAtOnce_announceEachDeadlineOnce() throws Exception {
        CustomerId customer = customer();
        List<Request> opened = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            opened.add(scope.requests().open(RequestDraft.of(customer, "Yêu cầu " + i)));
        }
        Instant now = opened.get(opened.size() - 1).firstResponseDue().plusSeconds(1);

        List<List<OverdueRequest>> polls = Concurrently.run(
                4, i -> crm(b -> b).forTenant(tenant).as(ANNA).requests().overdue(now));

        assertThat(polls).allSatisfy(p -> assertThat(p).hasSize(30));
        List<RequestEvent.InboundRequestOverdue> announced = events.events(RequestEvent.InboundRequestOverdue.class);
        assertThat(announced).hasSize(30);
        assertThat(new HashSet<>(announced.stream().map(RequestEvent::requestId).toList()))
                .containsExactlyInAnyOrderElementsOf(
                        opened.stream().map(Request::id).toList());
    }

    // ---- routing -----------------------------------------------------------------------------

    @Test
    void roundRobin_goesRoundTheTeam_andRemembersWhoseTurnItIs() {
        CustomerId customer = customer();
        RequestService requests = crm(b -> b.requestRouting(AssignmentStrategy.roundRobin(SUPPORT)))
                .forTenant(tenant)
                .as(ANNA)
                .requests();
        List<String> assignees = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            assignees.add(requests.open(RequestDraft.of(customer, "r" + i))
                    .assignee()
                    .orElseThrow()
                    .value());
        }
        RequestService onAnotherHost = crm(b -> b.requestRouting(AssignmentStrategy.roundRobin(SUPPORT)))
                .forTenant(tenant)
                .as(ANNA)
                .requests();
        for (int i = 4; i < 7; i++) {
            assignees.add(onAnotherHost
                    .open(RequestDraft.of(customer, "r" + i))
                    .assignee()
                    .orElseThrow()
                    .value());
        }

        assertThat(assignees).containsExactly("an", "binh", "chi", "an", "binh", "chi", "an");
        assertThat(reread().openAssignedTo(StaffId.of("an"), PageRequest.first(10))
                        .items())
                .hasSize(3);
        assertThat(reread().openForCustomer(customer, 10))
                .allSatisfy(r -> assertThat(r.team()).contains(SUPPORT.id()));
    }

    @Test
    void roundRobin_fromEightThreads_givesEveryMemberTheSameShare() throws Exception {
        CustomerId customer = customer();
        Team four = Team.of("four", "a", "b", "c", "d");

        List<List<Request>> opened = Concurrently.run(8, t -> {
            RequestService requests = crm(b -> b.requestRouting(AssignmentStrategy.roundRobin(four)))
                    .forTenant(tenant)
                    .as(ANNA)
                    .requests();
            List<Request> mine = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                mine.add(requests.open(RequestDraft.of(customer, "t" + t + "-" + i)));
            }
            return mine;
        });

        Map<StaffId, Integer> share = new ConcurrentHashMap<>();
        opened.stream()
                .flatMap(List::stream)
                .forEach(r -> share.merge(r.assignee().orElseThrow(), 1, Integer::sum));
        assertThat(share)
                .containsOnlyKeys(four.members())
                .allSatisfy((member, count) -> assertThat(count).isEqualTo(10));
    }

    @Test
    void leastLoaded_picksTheMemberWithTheLeastOpenWork_andGoesRoundOnTies() {
        CustomerId customer = customer();
        RequestService plain = scope.requests();
        for (int i = 0; i < 2; i++) {
            plain.assign(plain.open(RequestDraft.of(customer, "an " + i)).id(), Assignment.to(StaffId.of("an")));
        }
        plain.assign(plain.open(RequestDraft.of(customer, "binh")).id(), Assignment.to(StaffId.of("binh")));
        Request closedForChi = plain.open(RequestDraft.of(customer, "chi"));
        plain.assign(closedForChi.id(), Assignment.to(StaffId.of("chi")));
        plain.resolve(closedForChi.id()); // resolved work is no load
        RequestService routed = crm(b -> b.requestRouting(AssignmentStrategy.leastLoaded(SUPPORT)))
                .forTenant(tenant)
                .as(ANNA)
                .requests();

        List<String> assignees = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            assignees.add(routed.open(RequestDraft.of(customer, "new " + i))
                    .assignee()
                    .orElseThrow()
                    .value());
        }

        // loads before: an 2, binh 1, chi 0 -> chi; then binh 1 / chi 1 tie -> binh (next after chi); ...
        assertThat(assignees).containsExactly("chi", "binh", "chi", "an");
    }

    @Test
    void rules_routeByLanguageTopicAndOwner_withFallbacks() {
        CustomerId german =
                scope.customers().create(aPerson().speaking("de-AT").draft()).id();
        CustomerId owned =
                scope.customers().create(aPerson().ownedBy("owner-1").draft()).id();
        CustomerId plain = customer();
        Team dach = Team.of("dach", "hans");
        Team billing = Team.of("billing", "bea");
        AssignmentStrategy strategy = AssignmentStrategy.rules(
                        RoutingRule.when(RoutingCondition.language(Locale.GERMAN), AssignmentStrategy.roundRobin(dach)),
                        RoutingRule.when(RoutingCondition.topic("Billing"), AssignmentStrategy.leastLoaded(billing)))
                .orElse(AssignmentStrategy.customerOwner())
                .orElse(AssignmentStrategy.queue(TeamId.of("front-desk")));
        RequestService requests =
                crm(b -> b.requestRouting(strategy)).forTenant(tenant).as(ANNA).requests();

        assertThat(requests.open(RequestDraft.of(german, "Rechnung")).assignment())
                .contains(Assignment.to(StaffId.of("hans"), dach.id()));
        assertThat(requests.open(RequestDraft.of(owned, "invoice").topic("billing"))
                        .assignment())
                .contains(Assignment.to(StaffId.of("bea"), billing.id()));
        assertThat(requests.open(RequestDraft.of(owned, "delivery")).assignment())
                .contains(Assignment.to(StaffId.of("owner-1")));
        assertThat(requests.open(RequestDraft.of(plain, "hello")).assignment())
                .contains(Assignment.toTeam(TeamId.of("front-desk")));
    }

    @Test
    void route_assignsAnExistingRequestAgain_andAnnouncesTheChange() {
        CustomerId customer = customer();
        RequestService requests = scope.requests();
        Request request = requests.open(RequestDraft.of(customer, "Chưa phân công"));

        Request routed = requests.route(request.id(), AssignmentStrategy.roundRobin(SUPPORT));
        Request same = requests.assign(request.id(), routed.assignment().orElseThrow());

        assertThat(routed.assignment()).contains(Assignment.to(StaffId.of("an"), SUPPORT.id()));
        assertThat(same).isEqualTo(routed);
        assertThat(events.events(RequestEvent.RequestAssigned.class))
                .singleElement()
                .satisfies(e -> assertThat(e.request()).isEqualTo(routed));
        assertThat(reread().get(request.id())).isEqualTo(routed);
    }

    // ---- customer 360 ------------------------------------------------------------------------

    @Test
    void customer360_showsProfileTimelineOpenRequestsAndOpenTasks() {
        CustomerId customer = customer();
        Interaction call = inbound(customer, Channel.PHONE);
        Interaction visit = scope.interactions()
                .log(anInteraction(customer)
                        .on(Channel.VISIT)
                        .at(CALL_AT.plusSeconds(3600))
                        .draft());
        Request open = scope.requests().open(RequestDraft.from(call.id(), customer, "Bảo hành"));
        Request resolved = scope.requests().open(RequestDraft.of(customer, "Đã xong"));
        scope.requests().resolve(resolved.id());
        var task = scope.tasks()
                .create(org.crmkit.core.task.TaskDraft.of(
                                org.crmkit.core.task.TaskKind.CALL_BACK, "Gọi lại", CALL_AT, StaffId.of("an"))
                        .customer(customer));

        var picture = crm(b -> b).forTenant(tenant).as(ANNA).customer360(customer, 1);

        assertThat(picture.customer().id()).isEqualTo(customer);
        assertThat(picture.recentInteractions()).containsExactly(visit);
        assertThat(picture.interactionCount()).isEqualTo(2);
        assertThat(picture.lastContactAt()).contains(visit.occurredAt());
        assertThat(picture.openRequests()).extracting(Request::id).containsExactly(open.id());
        assertThat(picture.openTasks()).containsExactly(task);
        assertThat(picture.overdueTaskCount()).isEqualTo(1);
        assertThatThrownBy(() -> scope.customer360(org.crmkit.testkit.fixtures.CustomerFixtures.nextCustomerId()))
                .isInstanceOf(NotFoundException.class);
    }

    // ---- helpers -----------------------------------------------------------------------------

    private Crm crm(Function<Crm.Builder, Crm.Builder> configure) {
        return configure
                .apply(Crm.builder().store(store).clock(clock).listener(events))
                .build();
    }

    private CustomerId customer() {
        return scope.customers().create(aPerson().draft()).id();
    }

    private Interaction inbound(CustomerId customer, Channel channel) {
        return scope.interactions()
                .log(anInteraction(customer).on(channel).inbound().at(CALL_AT).draft());
    }

    /** The requests of the test's tenant as a second {@code Crm} on the same store reads them. */
    private RequestService reread() {
        return Crm.builder()
                .store(store)
                .clock(clock)
                .build()
                .forTenant(tenant)
                .as(Actor.user("auditor"))
                .requests();
    }

    private static void assertField(Runnable call, String field) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
