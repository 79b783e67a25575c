package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.crmkit.testkit.fixtures.CustomerFixtures.aPerson;
import static org.crmkit.testkit.fixtures.InteractionFixtures.anInteraction;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.crmkit.core.Crm;
import org.crmkit.core.CrmScope;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.Cancellation;
import org.crmkit.core.common.CancelledException;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.NotFoundException;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.interaction.BulkMode;
import org.crmkit.core.interaction.ChannelActivity;
import org.crmkit.core.interaction.Direction;
import org.crmkit.core.interaction.DuplicateInteractionException;
import org.crmkit.core.interaction.Interaction;
import org.crmkit.core.interaction.InteractionDraft;
import org.crmkit.core.interaction.InteractionEvent;
import org.crmkit.core.interaction.InteractionId;
import org.crmkit.core.interaction.InteractionService;
import org.crmkit.core.interaction.LinkKind;
import org.crmkit.core.interaction.LogReport;
import org.crmkit.core.interaction.Participant;
import org.crmkit.core.interaction.ParticipantRole;
import org.crmkit.core.interaction.TimelineOrder;
import org.crmkit.core.interaction.TimelineQuery;
import org.crmkit.core.spi.CrmStore;
import org.crmkit.testkit.fixtures.CustomerFixtures;
import org.crmkit.testkit.fixtures.Describe;
import org.crmkit.testkit.fixtures.InteractionFixtures;
import org.crmkit.testkit.fixtures.InteractionGenerators;
import org.crmkit.testkit.fixtures.RecordingListener;
import org.crmkit.testkit.fixtures.SteppingClock;
import org.crmkit.testkit.fixtures.TestTenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour of {@link InteractionService} on a store, through the {@link Crm} facade: drafts are
 * validated whole and refused with the field at fault, participants must be customers of the tenant,
 * logging is idempotent on the external id (one record, one event), a correction supersedes the
 * latest record of an interaction only, {@code logAll} keeps or drops a batch with refused drafts as
 * its {@link BulkMode} says and reports every draft by position, repeated external ids count once,
 * long inputs are recorded chunk by chunk, events reach listeners only after the unit of work
 * commits, and everything logged persists, as a second {@code Crm} on the same store reads it.
 *
 * <p>A store runs it by extending it and supplying the store:
 *
 * <pre>{@code
 * class MemoryInteractionServiceTest extends InteractionServiceContract {
 *     @Override
 *     protected CrmStore newStore() {
 *         return MemoryCrmStore.create();
 *     }
 * }
 * }</pre>
 *
 * <p>{@link #newStore()} is called once before each test. The {@code Crm} runs on a {@link
 * SteppingClock}, and every test works in random tenants of its own. Not thread-safe: JUnit makes an
 * instance per test.
 */
public abstract class InteractionServiceContract {
    private static final Actor ANNA = Actor.user("anna");
    private static final Actor AUDITOR = Actor.user("auditor");
    private static final Instant T0 = Instant.parse("2024-04-30T10:00:00Z");
    private static final PageRequest ALL_ON_ONE_PAGE = PageRequest.first(PageRequest.MAX_SIZE);

    private CrmStore store;
    private SteppingClock clock;
    private RecordingListener events;
    private Crm crm;
    private TenantId tenant;
    private CrmScope scope;
    private InteractionService interactions;

    /** Creates the contract; subclasses supply the store. */
    protected InteractionServiceContract() {}

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
        crm = Crm.builder().store(store).clock(clock).listener(events).build();
        tenant = TestTenants.random("a");
        scope = crm.forTenant(tenant).as(ANNA);
        interactions = scope.interactions();
    }

    // ---- log ---------------------------------------------------------------------------------

    @Test
    void log_storesWhatTheDraftSays() {
        CustomerId anna = customer();
        CustomerId ivan = customer();
        UUID opportunity = UUID.fromString("0190a5c4-1111-7000-8000-000000000001");
        Instant before = clock.peek();

        Interaction logged =
                interactions.log(InteractionDraft.of(Channel.PHONE, Direction.INBOUND, T0, Participant.primary(anna))
                        .participant(ivan, ParticipantRole.ATTENDEE)
                        .duration(Duration.ofMinutes(4).plusSeconds(30))
                        .staff(StaffId.of("bảo.nguyen"))
                        .subject("  Hỏi về đơn hàng #1234  ")
                        .summary("Khách hàng muốn đổi màu.\r\nGọi lại thứ Sáu.")
                        .outcome("callback")
                        .cost(Money.of("0.35", "EUR"))
                        .link(LinkKind.OPPORTUNITY, opportunity)
                        .externalId("pbx:7f3a-22"));

        Interaction stored = reread().get(logged.id());
        assertThat(stored).isEqualTo(logged);
        assertThat(stored.tenant()).isEqualTo(tenant);
        assertThat(stored.channel()).isEqualTo(Channel.PHONE);
        assertThat(stored.direction()).isEqualTo(Direction.INBOUND);
        assertThat(stored.occurredAt()).isEqualTo(T0);
        assertThat(stored.duration()).isEqualTo(Duration.ofSeconds(270));
        assertThat(stored.staff()).contains(StaffId.of("bảo.nguyen"));
        assertThat(stored.subject()).contains("Hỏi về đơn hàng #1234");
        assertThat(stored.summary()).contains("Khách hàng muốn đổi màu.\r\nGọi lại thứ Sáu.");
        assertThat(stored.outcome()).contains("callback");
        assertThat(stored.cost()).contains(Money.of("0.35", "EUR"));
        assertThat(stored.participants())
                .containsExactly(Participant.primary(anna), Participant.of(ivan, ParticipantRole.ATTENDEE));
        assertThat(stored.links())
                .singleElement()
                .satisfies(l -> assertThat(l.id()).isEqualTo(opportunity));
        assertThat(stored.externalId()).contains("pbx:7f3a-22");
        assertThat(stored.supersedes()).isEmpty();
        assertThat(stored.recordedBy()).isEqualTo(ANNA);
        assertThat(stored.recordedAt()).isAfterOrEqualTo(before).isBefore(clock.peek());
        assertThat(reread().findByExternalId("pbx:7f3a-22")).contains(stored);
        assertThat(reread().timeline(anna, 10).items()).containsExactly(stored);
        assertThat(reread().timeline(ivan, 10).items()).containsExactly(stored);
        assertThat(events.events(InteractionEvent.InteractionLogged.class))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.interaction()).isEqualTo(stored);
                    assertThat(e.tenant()).isEqualTo(tenant);
                    assertThat(e.actor()).isEqualTo(ANNA);
                    assertThat(e.occurredAt()).isEqualTo(stored.recordedAt());
                    assertThat(e.customers()).containsExactly(anna, ivan);
                });
    }

    @Test
    void log_anyGeneratedInteraction_isStoredAsDrafted() {
        Theories.qt(30).forAll(InteractionGenerators.interactions()).checkAssert(generated -> {
            TenantId own = TestTenants.random("log");
            for (CustomerId id : generated.customers()) {
                store.customers(own).save(aPerson().in(own).withId(id).build());
            }
            InteractionService service = crm.forTenant(own).as(ANNA).interactions();

            Interaction logged = service.log(InteractionFixtures.draftOf(generated));

            Interaction expected = Interaction.builder(
                            logged.id(),
                            own,
                            generated.channel(),
                            generated.direction(),
                            generated.occurredAt(),
                            logged.recordedAt(),
                            ANNA)
                    .duration(generated.duration())
                    .staff(generated.staff().orElse(null))
                    .subject(generated.subject().orElse(null))
                    .summary(generated.summary().orElse(null))
                    .outcome(generated.outcome().orElse(null))
                    .cost(generated.cost().orElse(null))
                    .participants(generated.participants())
                    .links(generated.links())
                    .externalId(generated.externalId().orElse(null))
                    .build();
            assertThat(Describe.interaction(logged)).isEqualTo(Describe.interaction(expected));
            assertThat(crm.forTenant(own).as(AUDITOR).interactions().get(logged.id()))
                    .isEqualTo(expected);
        });
    }

    @Test
    void log_invalidDraft_isRefusedNamingTheFieldAndStoresNothing() {
        CustomerId anna = customer();
        Function<Instant, InteractionDraft> call =
                at -> InteractionDraft.of(Channel.PHONE, Direction.INBOUND, at, anna);
        UUID request = UUID.fromString("0190a5c4-2222-7000-8000-000000000002");
        Map<String, InteractionDraft> refused = Map.ofEntries(
                Map.entry(
                        "interaction.subject", call.apply(T0).subject("x".repeat(Interaction.MAX_SUBJECT_LENGTH + 1))),
                Map.entry("interaction.summary", call.apply(T0).summary(" \n ")),
                Map.entry("interaction.outcome", call.apply(T0).outcome("two\nlines")),
                Map.entry("interaction.duration", call.apply(T0).duration(Duration.ofSeconds(-1))),
                Map.entry("interaction.cost", call.apply(T0).cost(Money.of("-0.01", "EUR"))),
                Map.entry("interaction.participants[1]", call.apply(T0).participant(anna, ParticipantRole.CC)),
                Map.entry("interaction.participants", InteractionDraft.of(Channel.EMAIL, Direction.OUTBOUND, T0)),
                Map.entry("interaction.externalId", call.apply(T0).externalId("")),
                Map.entry(
                        "interaction.links[1]",
                        call.apply(T0).link(LinkKind.REQUEST, request).link(LinkKind.REQUEST, request)),
                Map.entry("interaction.occurredAt", call.apply(Instant.parse("1850-01-01T00:00:00Z"))));

        refused.forEach((field, draft) -> assertThatThrownBy(() -> interactions.log(draft))
                .as("%s", field)
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo(field)));
        for (String externalId :
                List.of("e".repeat(Interaction.MAX_EXTERNAL_ID_LENGTH + 1), "nul\u0000", "half\uD800", "  ")) {
            assertThatThrownBy(() -> interactions.log(call.apply(T0).externalId(externalId)))
                    .as("external id '%s'", Describe.visible(externalId))
                    .isInstanceOfSatisfying(
                            ValidationException.class,
                            e -> assertThat(e.field()).isEqualTo("interaction.externalId"));
        }

        assertThat(reread().timeline(anna, TimelineQuery.all().includingSuperseded(), ALL_ON_ONE_PAGE)
                        .items())
                .isEmpty();
        assertThat(events.events(InteractionEvent.class)).isEmpty();
    }

    @Test
    void log_unknownOrForeignParticipant_isRefusedAndStoresNothing() {
        CustomerId anna = customer();
        TenantId otherTenant = TestTenants.random("b");
        Customer foreign =
                crm.forTenant(otherTenant).as(ANNA).customers().create(aPerson().draft());
        CustomerId unknown = CustomerFixtures.nextCustomerId();
        events.clear();

        for (CustomerId stranger : List.of(unknown, foreign.id())) {
            assertThatThrownBy(() -> interactions.log(anInteraction(anna)
                            .on(Channel.MEETING)
                            .withAttendees(stranger)
                            .withExternalId("meeting-" + stranger)
                            .draft()))
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.field()).isEqualTo("interaction.participants");
                        assertThat(e.reason()).contains(stranger.toString());
                    });
            assertThat(reread().findByExternalId("meeting-" + stranger)).isEmpty();
        }

        assertThat(reread().timeline(anna, 10).items()).isEmpty();
        assertThat(reread().activity(foreign.id())).isEmpty();
        assertThat(events.events(InteractionEvent.class)).isEmpty();
    }

    @Test
    void log_sameExternalIdTwice_recordsOnceAndPublishesOnce() {
        CustomerId anna = customer();
        Interaction first = interactions.log(anInteraction(anna)
                .about("first delivery")
                .withExternalId("wamid.HBgL")
                .draft());

        Interaction again = interactions.log(anInteraction(anna)
                .on(Channel.WHATSAPP)
                .about("re-delivered by the webhook")
                .withExternalId("wamid.HBgL")
                .draft());

        assertThat(again).isEqualTo(first);
        assertThat(reread().timeline(anna, 10).items()).containsExactly(first);
        assertThat(events.events(InteractionEvent.InteractionLogged.class))
                .singleElement()
                .satisfies(e -> assertThat(e.interaction()).isEqualTo(first));
    }

    @Test
    void log_externalIdsDifferingByCaseOrSpace_areDifferentInteractions() {
        CustomerId anna = customer();
        List<Interaction> logged = new ArrayList<>();
        for (String externalId : List.of("msg-1", "MSG-1", "msg-1 ")) {
            logged.add(interactions.log(
                    anInteraction(anna).withExternalId(externalId).draft()));
        }

        assertThat(logged).doesNotHaveDuplicates();
        assertThat(reread().timeline(anna, 10).items()).hasSize(3);
    }

    @Test
    void log_sameExternalIdInAnotherTenant_isRecordedThereToo() {
        CustomerId anna = customer();
        TenantId otherTenant = TestTenants.random("b");
        CrmScope other = crm.forTenant(otherTenant).as(ANNA);
        CustomerId theirs = other.customers().create(aPerson().draft()).id();

        Interaction ours =
                interactions.log(anInteraction(anna).withExternalId("pbx:1").draft());
        Interaction their = other.interactions()
                .log(anInteraction(theirs).withExternalId("pbx:1").draft());

        assertThat(their.id()).isNotEqualTo(ours.id());
        assertThat(reread().findByExternalId("pbx:1")).contains(ours);
        assertThat(other.interactions().findByExternalId("pbx:1")).contains(their);
    }

    // ---- correct -----------------------------------------------------------------------------

    @Test
    void correct_supersedesTheOriginalInTimelinesAndActivity() {
        CustomerId anna = customer();
        CustomerId ivan = customer();
        Interaction original = interactions.log(anInteraction(anna)
                .on(Channel.PHONE)
                .at(T0)
                .about("wrong customer")
                .draft());
        Interaction unrelated = interactions.log(
                anInteraction(anna).on(Channel.EMAIL).at(T0.minusSeconds(60)).draft());
        events.clear();

        Interaction correction = interactions.correct(
                original.id(),
                anInteraction(ivan)
                        .on(Channel.VISIT)
                        .at(T0)
                        .about("was Ivan, on site")
                        .draft());

        assertThat(correction.supersedes()).contains(original.id());
        assertThat(reread().timeline(anna, 10).items()).containsExactly(unrelated);
        assertThat(reread().timeline(anna, TimelineQuery.all().includingSuperseded(), ALL_ON_ONE_PAGE)
                        .items())
                .containsExactly(original, unrelated);
        assertThat(reread().timeline(ivan, 10).items()).containsExactly(correction);
        assertThat(reread().correctionOf(original.id())).contains(correction);
        assertThat(reread().get(original.id())).isEqualTo(original);
        assertThat(reread().activity(anna))
                .containsExactly(new ChannelActivity(Channel.EMAIL, 1, 0, unrelated.occurredAt()));
        assertThat(reread().activity(ivan)).containsExactly(new ChannelActivity(Channel.VISIT, 1, 0, T0));
        assertThat(events.events(InteractionEvent.InteractionCorrected.class))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.original()).isEqualTo(original.id());
                    assertThat(e.interaction()).isEqualTo(correction);
                    assertThat(e.interactionId()).isEqualTo(correction.id());
                });
        assertThat(events.events()).hasSize(1);
    }

    @Test
    void correct_theLatestRecord_chainsAndAnEarlierOneIsRefused() {
        CustomerId anna = customer();
        Interaction a = interactions.log(anInteraction(anna).about("v1").draft());
        Interaction b =
                interactions.correct(a.id(), anInteraction(anna).about("v2").draft());
        events.clear();

        assertThatThrownBy(() -> interactions.correct(
                        a.id(), anInteraction(anna).about("v2, again").draft()))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("interaction.supersedes");
                    assertThat(e.reason()).contains(b.id().toString());
                });
        Interaction c =
                interactions.correct(b.id(), anInteraction(anna).about("v3").draft());

        assertThat(reread().timeline(anna, 10).items()).containsExactly(c);
        assertThat(reread().timeline(anna, TimelineQuery.all().includingSuperseded(), ALL_ON_ONE_PAGE)
                        .items())
                .extracting(i -> i.subject().orElseThrow())
                .containsExactlyInAnyOrder("v1", "v2", "v3");
        assertThat(events.events()).hasSize(1);
    }

    @Test
    void correct_unknownOrForeignOriginal_throwsNotFoundAndStoresNothing() {
        CustomerId anna = customer();
        TenantId otherTenant = TestTenants.random("b");
        CrmScope other = crm.forTenant(otherTenant).as(ANNA);
        Interaction theirs = other.interactions()
                .log(anInteraction(other.customers().create(aPerson().draft()).id())
                        .draft());
        events.clear();

        for (InteractionId id : List.of(InteractionFixtures.nextInteractionId(), theirs.id())) {
            assertThatThrownBy(
                            () -> interactions.correct(id, anInteraction(anna).draft()))
                    .isInstanceOfSatisfying(NotFoundException.class, e -> {
                        assertThat(e.entity()).isEqualTo("Interaction");
                        assertThat(e.id()).isEqualTo(id.toString());
                    });
        }

        assertThat(reread().timeline(anna, 10).items()).isEmpty();
        assertThat(other.interactions().correctionOf(theirs.id())).isEmpty();
        assertThat(events.events(InteractionEvent.class)).isEmpty();
    }

    @Test
    void correct_withTheSameExternalIdTwice_recordsOneCorrection() {
        CustomerId anna = customer();
        Interaction original = interactions.log(anInteraction(anna).draft());
        Interaction unrelated =
                interactions.log(anInteraction(anna).withExternalId("taken").draft());

        Interaction first = interactions.correct(
                original.id(), anInteraction(anna).withExternalId("fix-1").draft());
        Interaction again = interactions.correct(
                original.id(), anInteraction(anna).withExternalId("fix-1").draft());

        assertThat(again).isEqualTo(first);
        assertThat(events.events(InteractionEvent.InteractionCorrected.class)).hasSize(1);
        assertThatThrownBy(() -> interactions.correct(
                        first.id(), anInteraction(anna).withExternalId("taken").draft()))
                .isInstanceOfSatisfying(
                        DuplicateInteractionException.class,
                        e -> assertThat(e.field()).isEqualTo("externalId"));
        assertThat(reread().timeline(anna, 10).items()).containsExactlyInAnyOrder(first, unrelated);
    }

    // ---- logAll ------------------------------------------------------------------------------

    @Test
    void logAll_keepValid_recordsTheGoodAndReportsTheBadByPosition() {
        CustomerId anna = customer();
        List<InteractionDraft> drafts = Arrays.asList(
                anInteraction(anna).at(T0).about("good 0").draft(),
                anInteraction(anna)
                        .about("x".repeat(Interaction.MAX_SUBJECT_LENGTH + 1))
                        .draft(),
                anInteraction(CustomerFixtures.nextCustomerId()).draft(),
                anInteraction(anna).at(T0.plusSeconds(3)).about("good 3").draft(),
                null,
                anInteraction(anna).at(T0.plusSeconds(5)).about("good 5").draft(),
                anInteraction(anna).lasting(Duration.ofMinutes(-2)).draft());

        LogReport report = interactions.logAll(drafts, BulkMode.KEEP_VALID);

        assertThat(report.mode()).isEqualTo(BulkMode.KEEP_VALID);
        assertThat(report.read()).isEqualTo(7);
        assertThat(report.logged()).isEqualTo(3);
        assertThat(report.skipped()).isZero();
        assertThat(report.rejected()).isEqualTo(4);
        assertThat(report.isClean()).isFalse();
        assertThat(report.isComplete()).isTrue();
        assertThat(report.rejections())
                .extracting(LogReport.Rejection::position, LogReport.Rejection::field)
                .containsExactly(
                        tuple(1L, "interaction.subject"),
                        tuple(2L, "interaction.participants"),
                        tuple(4L, "draft"),
                        tuple(6L, "interaction.duration"));
        assertThat(report.rejections()).allSatisfy(r -> assertThat(r.reason()).isNotBlank());
        assertThat(reread().timeline(anna, 10).items())
                .extracting(i -> i.subject().orElseThrow())
                .containsExactly("good 5", "good 3", "good 0");
        assertThat(events.events(InteractionEvent.InteractionLogged.class)).hasSize(3);
    }

    @Test
    void logAll_allOrNothing_oneBadDraft_recordsNothingAndReportsEveryBadOne() {
        CustomerId anna = customer();
        List<InteractionDraft> drafts = List.of(
                anInteraction(anna).withExternalId("ok-0").draft(),
                anInteraction(anna).endedWith("a\tb").draft(),
                anInteraction(anna).withExternalId("ok-2").draft(),
                anInteraction(anna).costing(Money.of("-1", "JPY")).draft());

        LogReport report = interactions.logAll(drafts, BulkMode.ALL_OR_NOTHING);

        assertThat(report.logged()).isZero();
        assertThat(report.read()).isEqualTo(4);
        assertThat(report.rejections())
                .extracting(LogReport.Rejection::position, LogReport.Rejection::field)
                .containsExactly(tuple(1L, "interaction.outcome"), tuple(3L, "interaction.cost"));
        assertThat(reread().timeline(anna, 10).items()).isEmpty();
        assertThat(reread().findByExternalId("ok-0")).isEmpty();
        assertThat(events.events(InteractionEvent.class)).isEmpty();
    }

    @Test
    void logAll_allOrNothing_allGood_recordsAll() {
        CustomerId anna = customer();
        CustomerId ivan = customer();
        List<InteractionDraft> drafts = List.of(
                anInteraction(anna).at(T0).draft(),
                anInteraction(ivan).at(T0.plusSeconds(1)).withAttendees(anna).draft(),
                anInteraction(ivan).at(T0.plusSeconds(2)).withExternalId("x-2").draft());

        LogReport report = interactions.logAll(drafts, BulkMode.ALL_OR_NOTHING);

        assertThat(report.logged()).isEqualTo(3);
        assertThat(report.isClean()).isTrue();
        assertThat(reread().timeline(anna, 10).items()).hasSize(2);
        assertThat(reread().timeline(ivan, 10).items()).hasSize(2);
        assertThat(events.events(InteractionEvent.InteractionLogged.class)).hasSize(3);
    }

    @Test
    void logAll_externalIdsRepeatedInTheBatchOrAlreadyRecorded_countOnce() {
        for (BulkMode mode : BulkMode.values()) {
            CustomerId anna = customer();
            String prefix = mode + "-";
            Interaction recorded = interactions.log(
                    anInteraction(anna).withExternalId(prefix + "1").draft());
            events.clear();
            List<InteractionDraft> drafts = List.of(
                    anInteraction(anna).withExternalId(prefix + "1").draft(),
                    anInteraction(anna)
                            .withExternalId(prefix + "2")
                            .about("first of 2")
                            .draft(),
                    anInteraction(anna)
                            .withExternalId(prefix + "2")
                            .about("second of 2")
                            .draft(),
                    anInteraction(anna).withExternalId(prefix + "3").draft(),
                    anInteraction(anna)
                            .withExternalId(prefix + "2")
                            .about("third of 2")
                            .draft(),
                    anInteraction(anna).draft(),
                    anInteraction(anna).draft());

            LogReport report = interactions.logAll(drafts, mode);

            assertThat(report.logged()).as("%s", mode).isEqualTo(4);
            assertThat(report.skipped()).as("%s", mode).isEqualTo(3);
            assertThat(report.skippedPositions()).as("%s", mode).containsExactly(0L, 2L, 4L);
            assertThat(report.isClean()).isTrue();
            assertThat(reread().findByExternalId(prefix + "1")).contains(recorded);
            assertThat(reread().findByExternalId(prefix + "2").flatMap(Interaction::subject))
                    .contains("first of 2");
            assertThat(reread().timeline(anna, 10).items()).hasSize(5);
            assertThat(events.events(InteractionEvent.InteractionLogged.class))
                    .as("%s", mode)
                    .hasSize(4);
        }
    }

    @Test
    void logAll_insideAUnitOfWork_publishesOnlyAfterCommitAndNothingOnRollback() {
        CustomerId anna = customer();
        events.clear();

        LogReport report = scope.inTransaction(() -> {
            LogReport r = interactions.logAll(
                    List.of(anInteraction(anna).draft(), anInteraction(anna).draft()), BulkMode.KEEP_VALID);
            assertThat(events.events())
                    .as("events heard before the unit of work committed")
                    .isEmpty();
            return r;
        });
        assertThat(report.logged()).isEqualTo(2);
        assertThat(events.events(InteractionEvent.InteractionLogged.class)).hasSize(2);
        events.clear();

        IllegalStateException failure = new IllegalStateException("the host's work failed");
        for (BulkMode mode : BulkMode.values()) {
            assertThatThrownBy(() -> scope.inTransaction(() -> {
                        interactions.logAll(
                                List.of(anInteraction(anna)
                                        .withExternalId("rolled-" + mode)
                                        .draft()),
                                mode);
                        interactions.log(anInteraction(anna).draft());
                        throw failure;
                    }))
                    .isSameAs(failure);
            assertThat(reread().findByExternalId("rolled-" + mode)).isEmpty();
        }

        assertThat(events.events(InteractionEvent.class)).isEmpty();
        assertThat(reread().timeline(anna, 10).items()).hasSize(2);
    }

    @Test
    void logAll_fiveThousandDraftsFromAStream_areRecordedChunkByChunk() {
        CustomerId anna = customer();
        CustomerId ivan = customer();
        int count = 5_000;
        // draft 1500 repeats the external id of draft 10, in a later chunk
        Iterable<InteractionDraft> stream = () -> generated(
                count,
                i -> anInteraction(i % 2 == 0 ? anna : ivan)
                        .on(Channel.values()[i % Channel.values().length])
                        .going(i % 3 == 0 ? Direction.OUTBOUND : Direction.INBOUND)
                        .at(T0.plusSeconds(i))
                        .withExternalId("import-" + (i == 1500 ? 10 : i))
                        .draft());
        List<long[]> progress = new CopyOnWriteArrayList<>();

        LogReport report = interactions.logAll(
                stream,
                BulkMode.KEEP_VALID,
                (done, total) -> progress.add(new long[] {done, total}),
                new Cancellation());

        assertThat(report.read()).isEqualTo(count);
        assertThat(report.logged()).isEqualTo(count - 1);
        assertThat(report.skippedPositions()).containsExactly(1500L);
        assertThat(report.isClean()).isTrue();
        assertThat(progress).extracting(p -> p[0]).containsExactly(1000L, 2000L, 3000L, 4000L, 5000L);
        assertThat(progress).extracting(p -> p[1]).containsOnly(-1L);
        assertThat(events.events(InteractionEvent.InteractionLogged.class)).hasSize(count - 1);
        List<Interaction> annas = walkAll(reread(), anna); // the even drafts, but for the repeated one
        assertThat(annas).hasSize(count / 2 - 1).isSortedAccordingTo(TimelineOrder.NEWEST_FIRST.comparator());
        assertThat(annas.get(0).occurredAt()).isEqualTo(T0.plusSeconds(count - 2));
        assertThat(walkAll(reread(), ivan)).hasSize(count / 2);
        assertThat(reread().activity(anna).stream()
                        .mapToLong(ChannelActivity::total)
                        .sum())
                .isEqualTo(count / 2 - 1);
    }

    @Test
    void logAll_allOrNothingOfACollection_reportsItsSizeAsTheTotal() {
        CustomerId anna = customer();
        List<InteractionDraft> drafts = IntStream.range(0, 2_500)
                .mapToObj(i -> anInteraction(anna)
                        .at(T0.plusSeconds(i))
                        .withExternalId("c-" + i)
                        .draft())
                .toList();
        List<long[]> progress = new CopyOnWriteArrayList<>();

        LogReport report = interactions.logAll(
                drafts,
                BulkMode.ALL_OR_NOTHING,
                (done, total) -> progress.add(new long[] {done, total}),
                new Cancellation());

        assertThat(report.logged()).isEqualTo(2_500);
        assertThat(progress).extracting(p -> p[0]).containsExactly(1000L, 2000L, 2500L);
        assertThat(progress).extracting(p -> p[1]).containsOnly(2500L);
        assertThat(walkAll(reread(), anna)).hasSize(2_500);
    }

    @Test
    void logAll_cancelled_keepsTheChunksRecordedBeforeOnlyWhenKeepingValidOnes() {
        CustomerId anna = customer();
        for (BulkMode mode : BulkMode.values()) {
            Cancellation cancellation = new Cancellation();
            List<InteractionDraft> drafts = IntStream.range(0, 3_000)
                    .mapToObj(i ->
                            anInteraction(anna).withExternalId(mode + "-" + i).draft())
                    .toList();

            assertThatThrownBy(() ->
                            interactions.logAll(drafts, mode, (done, total) -> cancellation.cancel(), cancellation))
                    .isInstanceOf(CancelledException.class);

            assertThat(reread().findByExternalId(mode + "-0").isPresent())
                    .as("the first chunk of %s", mode)
                    .isEqualTo(mode == BulkMode.KEEP_VALID);
            assertThat(reread().findByExternalId(mode + "-1000"))
                    .as("the second chunk of %s", mode)
                    .isEmpty();
        }
        assertThat(walkAll(reread(), anna)).hasSize(1_000);
    }

    @Test
    void logAll_cancelledAfterTheLastChunk_completes() {
        CustomerId anna = customer();
        for (BulkMode mode : BulkMode.values()) {
            Cancellation cancellation = new Cancellation();
            List<InteractionDraft> drafts = IntStream.range(0, 1_500)
                    .mapToObj(i -> anInteraction(anna)
                            .withExternalId("last-" + mode + "-" + i)
                            .draft())
                    .toList();

            LogReport report = interactions.logAll(
                    drafts,
                    mode,
                    (done, total) -> {
                        if (done == total) {
                            cancellation.cancel();
                        }
                    },
                    cancellation);

            assertThat(report.logged()).as("%s", mode).isEqualTo(1_500);
        }
        assertThat(walkAll(reread(), anna)).hasSize(3_000);
    }

    @Test
    void logAll_manyBadDrafts_areAllCountedAndTheFirstOnesListed() {
        CustomerId anna = customer();
        int bad = LogReport.MAX_LISTED + 5;
        Iterable<InteractionDraft> stream = () -> generated(
                bad + 1,
                i -> i == bad
                        ? anInteraction(anna).about("the only good one").draft()
                        : anInteraction(anna)
                                .lasting(Duration.ofSeconds(-i - 1))
                                .draft());

        LogReport report = interactions.logAll(stream, BulkMode.KEEP_VALID);

        assertThat(report.rejected()).isEqualTo(bad);
        assertThat(report.rejections()).hasSize(LogReport.MAX_LISTED);
        assertThat(report.rejections().get(LogReport.MAX_LISTED - 1).position()).isEqualTo(LogReport.MAX_LISTED - 1);
        assertThat(report.isComplete()).isFalse();
        assertThat(report.logged()).isEqualTo(1);
        assertThat(reread().timeline(anna, 10).items()).hasSize(1);
    }

    @Test
    void logAll_emptyInput_reportsNothing() {
        for (BulkMode mode : BulkMode.values()) {
            LogReport report = interactions.logAll(List.of(), mode);

            assertThat(report.read()).isZero();
            assertThat(report.logged()).isZero();
            assertThat(report.isClean()).isTrue();
        }
        assertThat(events.events(InteractionEvent.class)).isEmpty();
    }

    // ---- reads -------------------------------------------------------------------------------

    @Test
    void timelineAndActivity_readWhatWasLogged() {
        CustomerId anna = customer();
        Interaction call = interactions.log(
                anInteraction(anna).on(Channel.PHONE).outbound().at(T0).draft());
        Interaction mail = interactions.log(
                anInteraction(anna).on(Channel.EMAIL).at(T0.plusSeconds(60)).draft());
        Interaction chat = interactions.log(anInteraction(anna)
                .on(Channel.LIVE_CHAT)
                .at(T0.plusSeconds(120))
                .draft());

        Page<Interaction> first = reread().timeline(anna, TimelineQuery.all(), PageRequest.first(2));
        Page<Interaction> second = reread().timeline(
                        anna,
                        TimelineQuery.all(),
                        PageRequest.after(first.next().orElseThrow(), 2));

        assertThat(first.items()).containsExactly(chat, mail);
        assertThat(second.items()).containsExactly(call);
        assertThat(second.hasNext()).isFalse();
        assertThat(reread().timeline(anna, TimelineQuery.all().withDirection(Direction.OUTBOUND), ALL_ON_ONE_PAGE)
                        .items())
                .containsExactly(call);
        assertThat(reread().activity(anna))
                .containsExactly(
                        new ChannelActivity(Channel.EMAIL, 1, 0, mail.occurredAt()),
                        new ChannelActivity(Channel.PHONE, 0, 1, call.occurredAt()),
                        new ChannelActivity(Channel.LIVE_CHAT, 1, 0, chat.occurredAt()));
        assertThat(reread().find(InteractionFixtures.nextInteractionId())).isEmpty();
        assertThatThrownBy(() -> reread().get(InteractionFixtures.nextInteractionId()))
                .isInstanceOf(NotFoundException.class);
    }

    // ---- helpers -----------------------------------------------------------------------------

    private CustomerId customer() {
        return scope.customers().create(aPerson().draft()).id();
    }

    /** The interactions of the test's tenant as a second {@code Crm} on the same store reads them. */
    private InteractionService reread() {
        return Crm.builder()
                .store(store)
                .clock(clock)
                .build()
                .forTenant(tenant)
                .as(AUDITOR)
                .interactions();
    }

    private static List<Interaction> walkAll(InteractionService service, CustomerId customer) {
        List<Interaction> all = new ArrayList<>();
        Page<Interaction> page = service.timeline(customer, TimelineQuery.all(), ALL_ON_ONE_PAGE);
        all.addAll(page.items());
        while (page.hasNext()) {
            page = service.timeline(
                    customer, TimelineQuery.all(), PageRequest.after(page.next().get(), PageRequest.MAX_SIZE));
            all.addAll(page.items());
        }
        return all;
    }

    /** A one-pass iterator over {@code count} drafts made on demand, as an import reads a file. */
    private static Iterator<InteractionDraft> generated(int count, IntFunction<InteractionDraft> draft) {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < count;
            }

            @Override
            public InteractionDraft next() {
                if (next >= count) {
                    throw new NoSuchElementException();
                }
                return draft.apply(next++);
            }
        };
    }
}
