package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmkit.testkit.fixtures.CustomerFixtures.aPerson;
import static org.crmkit.testkit.fixtures.InteractionFixtures.anInteraction;
import static org.quicktheories.generators.SourceDSL.lists;

import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageCursor;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerQuery;
import org.crmkit.core.customer.CustomerRepository;
import org.crmkit.core.interaction.ChannelActivity;
import org.crmkit.core.interaction.Direction;
import org.crmkit.core.interaction.DuplicateInteractionException;
import org.crmkit.core.interaction.Interaction;
import org.crmkit.core.interaction.InteractionId;
import org.crmkit.core.interaction.InteractionRepository;
import org.crmkit.core.interaction.LinkKind;
import org.crmkit.core.interaction.ParticipantRole;
import org.crmkit.core.interaction.TimelineOrder;
import org.crmkit.core.interaction.TimelineQuery;
import org.crmkit.core.spi.CrmStore;
import org.crmkit.testkit.fixtures.CustomerFixtures;
import org.crmkit.testkit.fixtures.CustomerGenerators;
import org.crmkit.testkit.fixtures.Describe;
import org.crmkit.testkit.fixtures.InteractionFixtures;
import org.crmkit.testkit.fixtures.InteractionGenerators;
import org.crmkit.testkit.fixtures.TestTenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

/**
 * The behaviour every {@link InteractionRepository} must have, whatever store is behind it: what is
 * appended is read back equal, by id, by external id and in every participant's timeline
 * (property-tested over {@link InteractionGenerators#interactions()}); external ids compare exactly
 * (case, spaces and Unicode normal form count, no LIKE wildcards); a taken id, external id or
 * superseded interaction fails with {@link DuplicateInteractionException} and records nothing;
 * {@code appendAll} records all or nothing; nothing of one tenant is visible through another;
 * timelines run newest first with ties broken by the unsigned id, hand out every matching
 * interaction on exactly one keyset page and filter exactly as {@link TimelineQuery#matches} says;
 * superseded interactions leave timelines and activity unless asked for; and a unit of work that
 * rolls back leaves no interaction behind.
 *
 * <p>A store runs it by extending it and supplying the store:
 *
 * <pre>{@code
 * class MemoryInteractionRepositoryTest extends InteractionRepositoryContract {
 *     @Override
 *     protected CrmStore newStore() {
 *         return MemoryCrmStore.create();
 *     }
 * }
 * }</pre>
 *
 * <p>{@link #newStore()} is called once before each test. Every test works in tenants of its own
 * with random ids ({@link TestTenants}), and stores every participant as a customer first, so a
 * store may keep a foreign key from participants to its customers. Links and superseded
 * interactions are not checked by the port; the tests append the interaction a correction
 * supersedes before the correction, so a store may keep a foreign key for that too. Not
 * thread-safe: JUnit makes an instance per test.
 */
public abstract class InteractionRepositoryContract {
    private static final PageRequest ALL_ON_ONE_PAGE = PageRequest.first(PageRequest.MAX_SIZE);
    private static final Instant T0 = Instant.parse("2024-05-01T09:00:00Z");

    private CrmStore store;
    private TenantId tenant;
    private InteractionRepository interactions;
    private CustomerRepository customers;

    /** Creates the contract; subclasses supply the store. */
    protected InteractionRepositoryContract() {}

    /**
     * Returns the store under test, called once before each test. It may be new and empty or one
     * already used, as long as it holds no data of the random tenants the tests make.
     */
    protected abstract CrmStore newStore();

    @BeforeEach
    void setUpStore() {
        store = newStore();
        tenant = TestTenants.random("a");
        interactions = store.interactions(tenant);
        customers = store.customers(tenant);
    }

    // ---- round trips -------------------------------------------------------------------------

    @Test
    void append_anyValidInteraction_isReadBackEqualEverywhere() {
        Theories.qt(50).forAll(InteractionGenerators.interactions()).checkAssert(generated -> {
            TenantId own = TestTenants.random("rt");
            InteractionRepository repo = store.interactions(own);
            saveCustomers(own, generated.customers());
            InteractionId original = generated.supersedes().orElse(null);
            if (original != null) {
                repo.append(anInteraction(generated.customers().get(0))
                        .in(own)
                        .withId(original)
                        .at(generated.occurredAt())
                        .build());
            }
            Interaction interaction = InteractionFixtures.copyOf(generated, own);

            assertSameInteraction(repo.append(interaction), interaction, "what append returned");
            assertSameInteraction(find(repo, interaction.id()), interaction, "what findById read");
            interaction.externalId().ifPresent(externalId -> {
                assertThat(repo.findByExternalId(externalId))
                        .as("findByExternalId(%s)", Describe.visible(externalId))
                        .contains(interaction);
                assertThat(repo.existingExternalIds(List.of(externalId, externalId + "-other")))
                        .containsExactly(externalId);
            });
            assertThat(repo.findCorrection(interaction.id())).isEmpty();
            if (original != null) {
                assertThat(repo.findCorrection(original)).contains(interaction);
            }
            for (CustomerId customer : interaction.customers()) {
                assertThat(repo.timeline(customer, TimelineQuery.all(), ALL_ON_ONE_PAGE)
                                .items())
                        .as("the timeline of %s", customer)
                        .containsExactly(interaction);
                assertThat(repo.activity(customer))
                        .as("the activity of %s", customer)
                        .containsExactly(new ChannelActivity(
                                interaction.channel(),
                                interaction.direction() == Direction.INBOUND ? 1 : 0,
                                interaction.direction() == Direction.OUTBOUND ? 1 : 0,
                                interaction.occurredAt()));
            }
        });
    }

    @Test
    void append_keepsTextsAndOrderExactly() {
        CustomerId anna = customer();
        CustomerId ivan = customer();
        CustomerId ngoc = customer();
        String nfd = Normalizer.normalize("Đặng Thị Ngọc", Normalizer.Form.NFD);
        Interaction meeting = interactions.append(anInteraction(ngoc)
                .in(tenant)
                .on(Channel.MEETING)
                .outbound()
                .with(anna, ParticipantRole.ATTENDEE)
                .with(ivan, ParticipantRole.CC)
                .about(nfd)
                .summarised("first line\r\nsecond line\nthird\tcolumn\r")
                .endedWith("Đã gọi lại")
                .lasting(Duration.ofMinutes(90).plusNanos(1_000))
                .costing(Money.of("0.125", "KWD"))
                .handledBy("bảo.nguyen")
                .linkedTo(LinkKind.REQUEST, new UUID(0xFFFF_FFFF_FFFF_7FFFL, 0xBFFF_FFFF_FFFF_FFFFL))
                .linkedTo(LinkKind.OPPORTUNITY, new UUID(0x0000_0000_0000_7000L, 0x8000_0000_0000_0001L))
                .linkedTo(LinkKind.CAMPAIGN, new UUID(0x0000_0000_0000_7000L, 0x8000_0000_0000_0001L))
                .withExternalId(" Meeting #1 ")
                .build());

        Interaction read = find(interactions, meeting.id());

        assertSameInteraction(read, meeting, "what findById read");
        assertThat(read.subject()).contains(nfd);
        assertThat(read.summary()).contains("first line\r\nsecond line\nthird\tcolumn");
        assertThat(read.customers()).containsExactly(ngoc, anna, ivan);
        assertThat(read.links())
                .extracting(l -> l.kind())
                .containsExactly(LinkKind.REQUEST, LinkKind.OPPORTUNITY, LinkKind.CAMPAIGN);
        assertThat(read.externalId()).contains(" Meeting #1 ");
        assertThat(read.cost()).contains(Money.of("0.125", "KWD"));
        assertThat(read.duration()).isEqualTo(Duration.ofMinutes(90).plusNanos(1_000));
    }

    @Test
    void findById_unknownId_isEmpty() {
        interactions.append(anInteraction(customer()).in(tenant).build());

        assertThat(interactions.findById(InteractionFixtures.nextInteractionId()))
                .isEmpty();
        assertThat(interactions.findCorrection(InteractionFixtures.nextInteractionId()))
                .isEmpty();
    }

    // ---- external ids ------------------------------------------------------------------------

    @Test
    void findByExternalId_comparesTheWholeIdExactly() {
        CustomerId anna = customer();
        String nfc = "Đặng-42";
        String nfd = Normalizer.normalize(nfc, Normalizer.Form.NFD);
        List<String> distinct = List.of("pbx:1234", "PBX:1234", "pbx:1234 ", " pbx:1234", "a_c", "abc", nfc, nfd);
        Map<String, Interaction> byExternalId = new LinkedHashMap<>();
        for (String externalId : distinct) {
            byExternalId.put(
                    externalId,
                    interactions.append(anInteraction(anna)
                            .in(tenant)
                            .withExternalId(externalId)
                            .build()));
        }

        byExternalId.forEach((externalId, interaction) -> assertThat(interactions.findByExternalId(externalId))
                .as("findByExternalId('%s')", Describe.visible(externalId))
                .contains(interaction));
        for (String other : List.of(
                "pbx:123", "pbx:12345", "pbx:1234  ", "pbx:%", "%", "_", "a%", "axc", "pbx_1234", "Dang-42", "")) {
            assertThat(interactions.findByExternalId(other))
                    .as("findByExternalId('%s')", other)
                    .isEmpty();
        }
        assertThat(interactions.existingExternalIds(List.of("pbx:%", "%", "PBX:1234", "pbx:1234  ", nfd, "axc")))
                .containsExactlyInAnyOrder("PBX:1234", nfd);
    }

    @Test
    void existingExternalIds_returnsTheRecordedOnesOnlyEachOnce() {
        CustomerId anna = customer();
        List<String> recorded = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String externalId = "msg-" + i;
            interactions.append(
                    anInteraction(anna).in(tenant).withExternalId(externalId).build());
            recorded.add(externalId);
        }
        TenantId other = TestTenants.random("b");
        store.interactions(other)
                .append(anInteraction(customer(other))
                        .in(other)
                        .withExternalId("theirs")
                        .build());
        List<String> asked = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            asked.add("msg-" + i); // more than a store may put in one IN list
        }
        asked.add("msg-3");
        asked.add("theirs");

        assertThat(interactions.existingExternalIds(asked)).containsExactlyInAnyOrderElementsOf(recorded);
        assertThat(interactions.existingExternalIds(List.of())).isEmpty();
        assertThat(interactions.existingExternalIds(Set.of("theirs", "msg-1000")))
                .isEmpty();
    }

    // ---- duplicates --------------------------------------------------------------------------

    @Test
    void append_takenId_failsAndKeepsTheRecordedInteraction() {
        CustomerId anna = customer();
        CustomerId ivan = customer();
        Interaction recorded = interactions.append(
                anInteraction(anna).in(tenant).about("first").build());
        Interaction intruder = anInteraction(ivan)
                .in(tenant)
                .withId(recorded.id())
                .about("intruder")
                .withExternalId("intruder-1")
                .build();

        assertThatThrownBy(() -> interactions.append(intruder))
                .isInstanceOfSatisfying(DuplicateInteractionException.class, e -> {
                    assertThat(e.field()).isEqualTo("id");
                    assertThat(e.value()).isEqualTo(recorded.id().toString());
                });

        assertThat(interactions.findById(recorded.id())).contains(recorded);
        assertThat(interactions.findByExternalId("intruder-1")).isEmpty();
        assertThat(timeline(ivan, TimelineQuery.all())).isEmpty();
        assertThat(interactions.activity(ivan)).isEmpty();
    }

    @Test
    void append_takenExternalId_failsAndRecordsNothing() {
        CustomerId anna = customer();
        CustomerId ivan = customer();
        Interaction recorded = interactions.append(
                anInteraction(anna).in(tenant).withExternalId("pbx:1").build());
        Interaction again =
                anInteraction(ivan).in(tenant).withExternalId("pbx:1").build();

        assertThatThrownBy(() -> interactions.append(again))
                .isInstanceOfSatisfying(DuplicateInteractionException.class, e -> {
                    assertThat(e.field()).isEqualTo("externalId");
                    assertThat(e.value()).isEqualTo("pbx:1");
                });

        assertThat(interactions.findById(again.id())).isEmpty();
        assertThat(interactions.findByExternalId("pbx:1")).contains(recorded);
        assertThat(timeline(ivan, TimelineQuery.all())).isEmpty();
    }

    @Test
    void append_secondCorrectionOfOneInteraction_failsAndRecordsNothing() {
        CustomerId anna = customer();
        Interaction original =
                interactions.append(anInteraction(anna).in(tenant).build());
        Interaction first = interactions.append(
                anInteraction(anna).in(tenant).superseding(original.id()).build());
        Interaction second =
                anInteraction(anna).in(tenant).superseding(original.id()).build();

        assertThatThrownBy(() -> interactions.append(second))
                .isInstanceOfSatisfying(
                        DuplicateInteractionException.class,
                        e -> assertThat(e.field()).isEqualTo("supersedes"));

        assertThat(interactions.findById(second.id())).isEmpty();
        assertThat(interactions.findCorrection(original.id())).contains(first);
        assertThat(timeline(anna, TimelineQuery.all())).containsExactly(first);
    }

    @Test
    void append_concurrentWritersOfOneExternalId_exactlyOneWins() throws Exception {
        CustomerId anna = customer();
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Interaction>> results = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                Interaction attempt = anInteraction(anna)
                        .in(tenant)
                        .about("writer " + i)
                        .withExternalId("webhook-77")
                        .build();
                results.add(pool.submit(() -> {
                    start.await();
                    return interactions.append(attempt);
                }));
            }
            start.countDown();
            List<Interaction> winners = new ArrayList<>();
            List<Throwable> losers = new ArrayList<>();
            for (Future<Interaction> result : results) {
                try {
                    winners.add(result.get(60, TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    losers.add(e.getCause());
                }
            }

            assertThat(winners).hasSize(1);
            assertThat(losers)
                    .hasSize(writers - 1)
                    .allSatisfy(e -> assertThat(e)
                            .isInstanceOfSatisfying(
                                    DuplicateInteractionException.class,
                                    d -> assertThat(d.field()).isEqualTo("externalId")));
            assertThat(interactions.findByExternalId("webhook-77")).contains(winners.get(0));
            assertThat(timeline(anna, TimelineQuery.all())).containsExactly(winners.get(0));
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- appendAll ---------------------------------------------------------------------------

    @Test
    void appendAll_recordsEveryInteractionAndReturnsThemInOrder() {
        CustomerId anna = customer();
        Interaction original =
                interactions.append(anInteraction(anna).in(tenant).at(T0).build());
        List<Interaction> batch = List.of(
                anInteraction(anna)
                        .in(tenant)
                        .at(T0.plusSeconds(1))
                        .withExternalId("b-1")
                        .build(),
                anInteraction(anna)
                        .in(tenant)
                        .at(T0.plusSeconds(2))
                        .superseding(original.id())
                        .build(),
                anInteraction(anna)
                        .in(tenant)
                        .at(T0.plusSeconds(3))
                        .on(Channel.EMAIL)
                        .build());

        assertThat(interactions.appendAll(batch)).containsExactlyElementsOf(batch);

        for (Interaction i : batch) {
            assertThat(interactions.findById(i.id())).contains(i);
        }
        assertThat(interactions.findByExternalId("b-1")).contains(batch.get(0));
        assertThat(interactions.findCorrection(original.id())).contains(batch.get(1));
        assertThat(timeline(anna, TimelineQuery.all())).containsExactly(batch.get(2), batch.get(1), batch.get(0));
    }

    @Test
    void appendAll_oneTakenExternalId_recordsNone() {
        CustomerId anna = customer();
        interactions.append(
                anInteraction(anna).in(tenant).withExternalId("taken").build());
        Interaction first =
                anInteraction(anna).in(tenant).withExternalId("new-1").build();
        Interaction taken =
                anInteraction(anna).in(tenant).withExternalId("taken").build();
        Interaction last = anInteraction(anna).in(tenant).build();

        assertThatThrownBy(() -> interactions.appendAll(List.of(first, taken, last)))
                .isInstanceOf(DuplicateInteractionException.class);

        assertNoneRecorded(List.of(first, taken, last));
        assertThat(interactions.findByExternalId("new-1")).isEmpty();
        assertThat(timeline(anna, TimelineQuery.all())).hasSize(1);
    }

    @Test
    void appendAllSkippingRecorded_recordsTheNewOnesWithTheirParticipants_andSkipsTheRecorded() {
        CustomerId anna = customer();
        CustomerId bob = customer();
        Interaction recorded = interactions.append(
                anInteraction(anna).in(tenant).at(T0).withExternalId("call-1").build());
        Interaction again = anInteraction(bob)
                .in(tenant)
                .at(T0.plusSeconds(1))
                .withExternalId("call-1")
                .build();
        Interaction fresh = anInteraction(bob)
                .in(tenant)
                .at(T0.plusSeconds(2))
                .withExternalId("call-2")
                .build();
        Interaction noKey = anInteraction(bob).in(tenant).at(T0.plusSeconds(3)).build();
        Interaction alsoFresh = anInteraction(anna)
                .in(tenant)
                .at(T0.plusSeconds(4))
                .withExternalId("Call-1")
                .build();

        assertThat(interactions.appendAllSkippingRecorded(List.of(again, fresh, noKey, alsoFresh)))
                .containsExactly(fresh, noKey, alsoFresh);

        assertThat(interactions.findByExternalId("call-1")).contains(recorded);
        assertThat(interactions.findById(again.id())).isEmpty();
        assertThat(timeline(bob, TimelineQuery.all())).containsExactly(noKey, fresh);
        assertThat(timeline(anna, TimelineQuery.all())).containsExactly(alsoFresh, recorded);
        assertThat(interactions.appendAllSkippingRecorded(List.of(again, fresh)))
                .isEmpty();
        assertThat(interactions.appendAllSkippingRecorded(List.of())).isEmpty();
        // the list must not repeat a key itself
        assertThatThrownBy(() -> interactions.appendAllSkippingRecorded(List.of(
                        anInteraction(anna).in(tenant).withExternalId("call-9").build(),
                        anInteraction(bob).in(tenant).withExternalId("call-9").build())))
                .isInstanceOf(DuplicateInteractionException.class);
        assertThat(interactions.findByExternalId("call-9")).isEmpty();
    }

    @Test
    void appendAll_twoSharingAnIdAnExternalIdOrAnOriginal_recordsNone() {
        CustomerId anna = customer();
        Interaction original =
                interactions.append(anInteraction(anna).in(tenant).build());
        Interaction a = anInteraction(anna).in(tenant).withExternalId("same").build();
        Interaction b = anInteraction(anna).in(tenant).withExternalId("same").build();
        Interaction c = anInteraction(anna).in(tenant).build();
        Interaction cAgain =
                anInteraction(anna).in(tenant).withId(c.id()).about("again").build();
        Interaction d =
                anInteraction(anna).in(tenant).superseding(original.id()).build();
        Interaction e =
                anInteraction(anna).in(tenant).superseding(original.id()).build();

        for (List<Interaction> batch : List.of(List.of(a, b), List.of(c, cAgain), List.of(d, e))) {
            assertThatThrownBy(() -> interactions.appendAll(batch))
                    .as("%s", batch)
                    .isInstanceOf(DuplicateInteractionException.class);
            assertNoneRecorded(batch);
        }
        assertThat(interactions.findByExternalId("same")).isEmpty();
        assertThat(interactions.findCorrection(original.id())).isEmpty();
        assertThat(timeline(anna, TimelineQuery.all())).containsExactly(original);
    }

    @Test
    void appendAll_interactionOfAnotherTenant_failsAndRecordsNone() {
        TenantId other = TestTenants.random("b");
        Interaction own = anInteraction(customer()).in(tenant).build();
        Interaction foreign = anInteraction(customer(other)).in(other).build();

        assertThatThrownBy(() -> interactions.appendAll(List.of(own, foreign))).isInstanceOf(ValidationException.class);

        assertThat(interactions.findById(own.id())).isEmpty();
        assertThat(store.interactions(other).findById(foreign.id())).isEmpty();
    }

    @Test
    void appendAll_emptyList_recordsNothing() {
        assertThat(interactions.appendAll(List.of())).isEmpty();
    }

    // ---- tenants -----------------------------------------------------------------------------

    @Test
    void tenants_interactionsOfOneTenant_areInvisibleToAnother() {
        CustomerId anna = customer();
        Interaction call = interactions.append(
                anInteraction(anna).in(tenant).withExternalId("pbx:1").build());
        Interaction correction = interactions.append(anInteraction(anna)
                .in(tenant)
                .superseding(call.id())
                .withExternalId("pbx:2")
                .build());
        TenantId otherTenant = TestTenants.random("b");
        InteractionRepository other = store.interactions(otherTenant);

        assertThat(other.findById(call.id())).isEmpty();
        assertThat(other.findById(correction.id())).isEmpty();
        assertThat(other.findByExternalId("pbx:1")).isEmpty();
        assertThat(other.existingExternalIds(List.of("pbx:1", "pbx:2"))).isEmpty();
        assertThat(other.findCorrection(call.id())).isEmpty();
        for (TimelineQuery query :
                List.of(TimelineQuery.all(), TimelineQuery.all().includingSuperseded())) {
            assertThat(other.timeline(anna, query, ALL_ON_ONE_PAGE).items())
                    .as("%s", query)
                    .isEmpty();
        }
        assertThat(other.activity(anna)).isEmpty();
    }

    @Test
    void append_interactionOfAnotherTenant_failsAndRecordsNothing() {
        TenantId otherTenant = TestTenants.random("b");
        InteractionRepository other = store.interactions(otherTenant);
        Interaction ours =
                anInteraction(customer()).in(tenant).withExternalId("ours").build();

        assertThatThrownBy(() -> other.append(ours)).isInstanceOf(ValidationException.class);

        assertThat(interactions.findById(ours.id())).isEmpty();
        assertThat(other.findById(ours.id())).isEmpty();
        assertThat(other.findByExternalId("ours")).isEmpty();
    }

    @Test
    void append_sameIdAndExternalIdInTwoTenants_keepsTwoSeparateInteractions() {
        TenantId otherTenant = TestTenants.random("b");
        InteractionRepository other = store.interactions(otherTenant);
        CustomerId anna = customer();
        CustomerId theirCustomer = customer(otherTenant);
        Interaction ours = interactions.append(anInteraction(anna)
                .in(tenant)
                .withExternalId("shared")
                .about("ours")
                .build());

        Interaction theirs = other.append(anInteraction(theirCustomer)
                .in(otherTenant)
                .withId(ours.id())
                .withExternalId("shared")
                .about("theirs")
                .build());

        assertThat(interactions.findById(ours.id())).contains(ours);
        assertThat(other.findById(ours.id())).contains(theirs);
        assertThat(interactions.findByExternalId("shared")).contains(ours);
        assertThat(other.findByExternalId("shared")).contains(theirs);
        assertThat(timeline(anna, TimelineQuery.all())).containsExactly(ours);
    }

    // ---- timeline order and paging -----------------------------------------------------------

    @Test
    void timeline_isNewestFirst_withTiesBrokenByTheUnsignedIdHighestFirst() {
        CustomerId anna = customer();
        // the unsigned order of these ids differs from UUID.compareTo, which reads the halves as signed
        UUID a = new UUID(0x0000_0000_0000_7000L, 0x8000_0000_0000_0000L);
        UUID b = new UUID(0x0000_0000_0000_7000L, 0x8000_0000_0000_0001L);
        UUID c = new UUID(0x7FFF_FFFF_FFFF_7FFFL, 0x8000_0000_0000_0001L);
        UUID d = new UUID(0x8000_0000_0000_7000L, 0x8000_0000_0000_0001L);
        UUID e = new UUID(0xFFFF_FFFF_FFFF_7FFFL, 0xBFFF_FFFF_FFFF_FFFFL);
        UUID f = new UUID(0x8000_0000_0000_7000L, 0x0000_0000_0000_0001L);
        UUID g = new UUID(0x0000_0000_0000_0001L, 0x0000_0000_0000_0001L);
        UUID h = new UUID(0xFFFF_FFFF_FFFF_7FFFL, 0x8000_0000_0000_0000L);
        Instant tie = T0.plusSeconds(60);
        List<Interaction> expected = List.of(
                at(anna, T0.plusSeconds(120), a),
                at(anna, tie, e),
                at(anna, tie, d),
                at(anna, tie, f),
                at(anna, tie, c),
                at(anna, tie, b),
                at(anna, tie.minusNanos(1_000), g),
                at(anna, T0, h));
        List<Interaction> shuffled = new ArrayList<>(expected);
        Collections.shuffle(shuffled, new Random(7));
        shuffled.forEach(interactions::append);

        assertThat(expected).isSortedAccordingTo(TimelineOrder.NEWEST_FIRST.comparator());
        assertThat(timeline(anna, TimelineQuery.all())).containsExactlyElementsOf(expected);
        for (int size : List.of(1, 2, 3)) {
            assertThat(walk(interactions, anna, TimelineQuery.all(), size, expected.size()))
                    .as("in pages of %d", size)
                    .containsExactlyElementsOf(expected);
        }
    }

    @Test
    void timeline_walkingEveryPage_returnsEachMatchingInteractionOnceInOrder() {
        List<CustomerId> pool = customerIds(3);
        Theories.qt(12)
                .forAll(
                        InteractionGenerators.timelines(CustomerGenerators.GENERATED_TENANT, pool, 30),
                        Generate.range(1, 12))
                .checkAssert((generated, pageSize) -> {
                    TenantId own = TestTenants.random("page");
                    InteractionRepository repo = store.interactions(own);
                    List<Interaction> population = appendInto(own, pool, generated);
                    Set<InteractionId> superseded = supersededIn(population);
                    for (TimelineQuery query :
                            List.of(TimelineQuery.all(), TimelineQuery.all().includingSuperseded())) {
                        for (CustomerId customer : pool) {
                            List<Interaction> expected = expected(population, superseded, customer, query);
                            assertThat(walk(repo, customer, query, pageSize, expected.size()))
                                    .as("%s of %s in pages of %d", query, customer, pageSize)
                                    .containsExactlyElementsOf(expected);
                        }
                    }
                });
    }

    @Test
    void timeline_filters_selectExactlyWhatTheReferenceRuleMatches() {
        List<CustomerId> pool = customerIds(3);
        List<TimelineQuery> fixed = List.of(
                TimelineQuery.all(),
                TimelineQuery.all().includingSuperseded(),
                TimelineQuery.all().withChannels(Channel.PHONE),
                TimelineQuery.all().withDirection(Direction.OUTBOUND).includingSuperseded());
        Theories.qt(30)
                .forAll(
                        InteractionGenerators.timelines(CustomerGenerators.GENERATED_TENANT, pool, 25),
                        lists().of(InteractionGenerators.timelineQueries()).ofSizeBetween(1, 6))
                .checkAssert((generated, drawn) -> {
                    TenantId own = TestTenants.random("filter");
                    InteractionRepository repo = store.interactions(own);
                    List<Interaction> population = appendInto(own, pool, generated);
                    Set<InteractionId> superseded = supersededIn(population);
                    List<TimelineQuery> queries = new ArrayList<>(fixed);
                    queries.addAll(drawn);
                    for (TimelineQuery query : queries) {
                        for (CustomerId customer : pool) {
                            assertThat(repo.timeline(customer, query, ALL_ON_ONE_PAGE)
                                            .items())
                                    .as("%s of %s", query, customer)
                                    .containsExactlyElementsOf(expected(population, superseded, customer, query));
                        }
                    }
                });
    }

    @Test
    void timeline_filtersByChannelDirectionAndPeriod_fromInclusiveToExclusive() {
        CustomerId anna = customer();
        Interaction callIn = interactions.append(anInteraction(anna)
                .in(tenant)
                .on(Channel.PHONE)
                .inbound()
                .at(T0)
                .build());
        Interaction callOut = interactions.append(anInteraction(anna)
                .in(tenant)
                .on(Channel.PHONE)
                .outbound()
                .at(T0.plusSeconds(10))
                .build());
        Interaction mail = interactions.append(anInteraction(anna)
                .in(tenant)
                .on(Channel.EMAIL)
                .inbound()
                .at(T0.plusSeconds(20))
                .build());
        Interaction chat = interactions.append(anInteraction(anna)
                .in(tenant)
                .on(Channel.WHATSAPP)
                .outbound()
                .at(T0.plusSeconds(30))
                .build());
        TimelineQuery all = TimelineQuery.all();

        assertThat(timeline(anna, all.withChannels(Channel.PHONE))).containsExactly(callOut, callIn);
        assertThat(timeline(anna, all.withChannels(Channel.PHONE, Channel.WHATSAPP)))
                .containsExactly(chat, callOut, callIn);
        assertThat(timeline(anna, all.withDirection(Direction.INBOUND))).containsExactly(mail, callIn);
        assertThat(timeline(anna, all.withDirections(Set.of(Direction.INBOUND, Direction.OUTBOUND))))
                .containsExactly(chat, mail, callOut, callIn);
        assertThat(timeline(anna, all.since(T0.plusSeconds(10)))).containsExactly(chat, mail, callOut);
        assertThat(timeline(anna, all.until(T0.plusSeconds(20)))).containsExactly(callOut, callIn);
        assertThat(timeline(anna, all.between(T0.plusSeconds(10), T0.plusSeconds(30))))
                .containsExactly(mail, callOut);
        assertThat(timeline(anna, all.between(T0.plusNanos(1_000), T0.plusSeconds(10))))
                .isEmpty();
        assertThat(timeline(
                        anna,
                        all.withChannels(Channel.PHONE)
                                .withDirection(Direction.OUTBOUND)
                                .since(T0)))
                .containsExactly(callOut);
        assertThat(timeline(anna, all.withChannels(Channel.EMAIL).withDirection(Direction.OUTBOUND)))
                .isEmpty();
        assertThat(timeline(anna, all.withChannels(Set.of()))).containsExactly(chat, mail, callOut, callIn);
    }

    @Test
    void timeline_interactionsAddedWhilePaging_areNeitherRepeatedNorSkippedAfterTheCursor() {
        CustomerId anna = customer();
        List<Interaction> five = new ArrayList<>();
        for (int i = 5; i >= 1; i--) {
            five.add(interactions.append(
                    anInteraction(anna).in(tenant).at(T0.plusSeconds(i * 10L)).build()));
        }
        Page<Interaction> first = interactions.timeline(anna, TimelineQuery.all(), PageRequest.first(2));
        Interaction newer = interactions.append(
                anInteraction(anna).in(tenant).at(T0.plusSeconds(100)).build());
        Interaction older =
                interactions.append(anInteraction(anna).in(tenant).at(T0).build());

        List<Interaction> rest = new ArrayList<>();
        Page<Interaction> page = interactions.timeline(
                anna, TimelineQuery.all(), PageRequest.after(first.next().orElseThrow(), 2));
        rest.addAll(page.items());
        while (page.hasNext()) {
            page = interactions.timeline(
                    anna, TimelineQuery.all(), PageRequest.after(page.next().orElseThrow(), 2));
            rest.addAll(page.items());
        }

        assertThat(first.items()).containsExactly(five.get(0), five.get(1));
        assertThat(rest)
                .containsExactly(five.get(2), five.get(3), five.get(4), older)
                .doesNotContain(newer);
    }

    @Test
    void timeline_cursorOfACustomerListOrForged_isRejected() {
        CustomerId anna = customer();
        customer();
        interactions.append(anInteraction(anna).in(tenant).build());
        interactions.append(anInteraction(anna).in(tenant).build());
        PageCursor ofCustomers =
                customers.list(CustomerQuery.all(), PageRequest.first(1)).next().orElseThrow();

        assertThatThrownBy(() -> interactions.timeline(anna, TimelineQuery.all(), PageRequest.after(ofCustomers, 1)))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("page.cursor"));
        assertThatThrownBy(() ->
                        interactions.timeline(anna, TimelineQuery.all(), PageRequest.after(new PageCursor("%%%"), 1)))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void timeline_customerWithoutInteractions_isOneEmptyLastPage() {
        interactions.append(anInteraction(customer()).in(tenant).build());

        Page<Interaction> page = interactions.timeline(customer(), TimelineQuery.all(), PageRequest.first(10));

        assertThat(page.items()).isEmpty();
        assertThat(page.hasNext()).isFalse();
        assertThat(interactions
                        .timeline(
                                new CustomerId(UUID.fromString("00000000-0000-7000-8000-000000000000")),
                                TimelineQuery.all(),
                                PageRequest.first(10))
                        .items())
                .isEmpty();
    }

    // ---- participants and corrections --------------------------------------------------------

    @Test
    void timeline_meetingWithThreeCustomers_appearsInTheTimelineOfEach() {
        CustomerId anna = customer();
        CustomerId ivan = customer();
        CustomerId ngoc = customer();
        CustomerId absent = customer();
        Interaction meeting = interactions.append(anInteraction(anna)
                .in(tenant)
                .on(Channel.MEETING)
                .outbound()
                .withAttendees(ivan, ngoc)
                .lasting(Duration.ofHours(1))
                .build());
        Interaction call = interactions.append(
                anInteraction(ivan).in(tenant).at(T0.minusSeconds(3600)).build());

        assertThat(timeline(anna, TimelineQuery.all())).containsExactly(meeting);
        assertThat(timeline(ivan, TimelineQuery.all())).containsExactly(meeting, call);
        assertThat(timeline(ngoc, TimelineQuery.all())).containsExactly(meeting);
        assertThat(timeline(absent, TimelineQuery.all())).isEmpty();
        for (CustomerId c : List.of(anna, ivan, ngoc)) {
            assertThat(interactions.activity(c))
                    .contains(new ChannelActivity(Channel.MEETING, 0, 1, meeting.occurredAt()));
        }
    }

    @Test
    void timeline_supersededInteractions_areHiddenUnlessIncluded() {
        CustomerId anna = customer();
        CustomerId ivan = customer();
        Interaction a = interactions.append(
                anInteraction(anna).in(tenant).at(T0).about("typo").build());
        Interaction b = interactions.append(anInteraction(anna)
                .in(tenant)
                .at(T0.plusSeconds(5))
                .about("fixed")
                .superseding(a.id())
                .build());
        Interaction c = interactions.append(anInteraction(ivan)
                .in(tenant)
                .at(T0.minusSeconds(5))
                .about("moved to Ivan")
                .superseding(b.id())
                .build());
        Interaction other = interactions.append(
                anInteraction(anna).in(tenant).at(T0.plusSeconds(1)).build());

        assertThat(timeline(anna, TimelineQuery.all())).containsExactly(other);
        assertThat(timeline(anna, TimelineQuery.all().includingSuperseded())).containsExactly(b, other, a);
        assertThat(timeline(ivan, TimelineQuery.all())).containsExactly(c);
        assertThat(interactions.findCorrection(a.id())).contains(b);
        assertThat(interactions.findCorrection(b.id())).contains(c);
        assertThat(interactions.findCorrection(c.id())).isEmpty();
        assertThat(interactions.findById(a.id())).contains(a);
        assertThat(walk(interactions, anna, TimelineQuery.all().includingSuperseded(), 1, 3))
                .containsExactly(b, other, a);
    }

    // ---- activity ----------------------------------------------------------------------------

    @Test
    void activity_countsEachChannelAndItsLatestContact_inChannelOrder() {
        CustomerId anna = customer();
        CustomerId ivan = customer();
        append(anna, Channel.WHATSAPP, Direction.INBOUND, T0.plusSeconds(50));
        append(anna, Channel.EMAIL, Direction.INBOUND, T0.plusSeconds(10));
        append(anna, Channel.EMAIL, Direction.OUTBOUND, T0.plusSeconds(40));
        append(anna, Channel.EMAIL, Direction.OUTBOUND, T0.plusSeconds(20));
        append(anna, Channel.PHONE, Direction.OUTBOUND, T0);
        Interaction superseded = append(anna, Channel.PHONE, Direction.INBOUND, T0.plusSeconds(90));
        interactions.append(anInteraction(ivan)
                .in(tenant)
                .on(Channel.SMS)
                .at(T0.plusSeconds(95))
                .superseding(superseded.id())
                .build());
        append(ivan, Channel.EMAIL, Direction.INBOUND, T0.plusSeconds(99));

        assertThat(interactions.activity(anna))
                .containsExactly(
                        new ChannelActivity(Channel.EMAIL, 1, 2, T0.plusSeconds(40)),
                        new ChannelActivity(Channel.PHONE, 0, 1, T0),
                        new ChannelActivity(Channel.WHATSAPP, 1, 0, T0.plusSeconds(50)));
        assertThat(interactions.activity(ivan))
                .containsExactly(
                        new ChannelActivity(Channel.EMAIL, 1, 0, T0.plusSeconds(99)),
                        new ChannelActivity(Channel.SMS, 1, 0, T0.plusSeconds(95)));
        assertThat(interactions.activity(customer())).isEmpty();
    }

    @Test
    void activity_ofGeneratedTimelines_isWhatTheUnsupersededInteractionsSay() {
        List<CustomerId> pool = customerIds(2);
        Theories.qt(15)
                .forAll(InteractionGenerators.timelines(CustomerGenerators.GENERATED_TENANT, pool, 25))
                .checkAssert(generated -> {
                    TenantId own = TestTenants.random("act");
                    InteractionRepository repo = store.interactions(own);
                    List<Interaction> population = appendInto(own, pool, generated);
                    Set<InteractionId> superseded = supersededIn(population);
                    for (CustomerId customer : pool) {
                        Map<Channel, ChannelActivity> expected = new EnumMap<>(Channel.class);
                        for (Interaction i : population) {
                            if (!i.involves(customer) || superseded.contains(i.id())) {
                                continue;
                            }
                            ChannelActivity was = expected.get(i.channel());
                            long in = (was == null ? 0 : was.inbound()) + (i.direction() == Direction.INBOUND ? 1 : 0);
                            long out =
                                    (was == null ? 0 : was.outbound()) + (i.direction() == Direction.OUTBOUND ? 1 : 0);
                            Instant last = was == null || i.occurredAt().isAfter(was.lastContactAt())
                                    ? i.occurredAt()
                                    : was.lastContactAt();
                            expected.put(i.channel(), new ChannelActivity(i.channel(), in, out, last));
                        }
                        assertThat(repo.activity(customer))
                                .as("activity of %s", customer)
                                .containsExactlyElementsOf(expected.values());
                    }
                });
    }

    // ---- units of work -----------------------------------------------------------------------

    @Test
    void inTransaction_rolledBack_leavesNoInteractionBehind() {
        CustomerId anna = customer();
        Interaction kept = interactions.append(
                anInteraction(anna).in(tenant).at(T0).withExternalId("kept").build());
        List<ChannelActivity> activityBefore = interactions.activity(anna);
        Interaction single = anInteraction(anna)
                .in(tenant)
                .on(Channel.EMAIL)
                .withExternalId("rolled-1")
                .build();
        List<Interaction> batch = List.of(
                anInteraction(anna)
                        .in(tenant)
                        .on(Channel.SMS)
                        .withExternalId("rolled-2")
                        .build(),
                anInteraction(anna)
                        .in(tenant)
                        .on(Channel.SMS)
                        .at(T0.plusSeconds(1))
                        .build());
        Interaction correction =
                anInteraction(anna).in(tenant).superseding(kept.id()).build();
        IllegalStateException failure = new IllegalStateException("the host's work failed");

        assertThatThrownBy(() -> store.inTransaction(() -> {
                    interactions.append(single);
                    interactions.appendAll(batch);
                    interactions.append(correction);
                    assertThat(interactions.findByExternalId("rolled-1"))
                            .as("own write, inside")
                            .contains(single);
                    throw failure;
                }))
                .isSameAs(failure);

        assertNoneRecorded(List.of(single, batch.get(0), batch.get(1), correction));
        assertThat(interactions.existingExternalIds(List.of("rolled-1", "rolled-2", "kept")))
                .containsExactly("kept");
        assertThat(interactions.findCorrection(kept.id())).isEmpty();
        assertThat(timeline(anna, TimelineQuery.all().includingSuperseded())).containsExactly(kept);
        assertThat(interactions.activity(anna)).isEqualTo(activityBefore);
        assertThat(interactions.append(single))
                .as("the external id is free again")
                .isEqualTo(single);
        assertThat(interactions.append(correction))
                .as("the original may be corrected")
                .isEqualTo(correction);
    }

    @Test
    void inTransaction_committed_keepsEveryAppendOfTheUnit() {
        CustomerId anna = customer();
        List<Interaction> appended = store.inTransaction(() -> {
            Interaction first =
                    interactions.append(anInteraction(anna).in(tenant).at(T0).build());
            List<Interaction> more = interactions.appendAll(List.of(
                    anInteraction(anna).in(tenant).at(T0.plusSeconds(1)).build(),
                    anInteraction(anna)
                            .in(tenant)
                            .at(T0.plusSeconds(2))
                            .superseding(first.id())
                            .build()));
            return List.of(first, more.get(0), more.get(1));
        });

        assertThat(timeline(anna, TimelineQuery.all().includingSuperseded()))
                .containsExactly(appended.get(2), appended.get(1), appended.get(0));
    }

    // ---- helpers -----------------------------------------------------------------------------

    /** Fresh customer ids, for generated interactions that are moved into a tenant by {@link #appendInto}. */
    private static List<CustomerId> customerIds(int count) {
        List<CustomerId> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(CustomerFixtures.nextCustomerId());
        }
        return List.copyOf(ids);
    }

    /** Stores the customers of {@code pool} in {@code own} and appends {@code generated} moved there, in order. */
    private List<Interaction> appendInto(TenantId own, List<CustomerId> pool, List<Interaction> generated) {
        saveCustomers(own, pool);
        InteractionRepository repo = store.interactions(own);
        List<Interaction> population = new ArrayList<>(generated.size());
        for (Interaction i : generated) {
            population.add(repo.append(InteractionFixtures.copyOf(i, own)));
        }
        return population;
    }

    /** What the timeline of {@code customer} for {@code query} holds by the reference rule. */
    private static List<Interaction> expected(
            List<Interaction> population, Set<InteractionId> superseded, CustomerId customer, TimelineQuery query) {
        return population.stream()
                .filter(i -> i.involves(customer))
                .filter(i -> query.matches(i, superseded.contains(i.id())))
                .sorted(TimelineOrder.NEWEST_FIRST.comparator())
                .toList();
    }

    private static Set<InteractionId> supersededIn(List<Interaction> population) {
        Set<InteractionId> superseded = new HashSet<>();
        population.forEach(i -> i.supersedes().ifPresent(superseded::add));
        return superseded;
    }

    private Interaction append(CustomerId customer, Channel channel, Direction direction, Instant at) {
        return interactions.append(anInteraction(customer)
                .in(tenant)
                .on(channel)
                .going(direction)
                .at(at)
                .build());
    }

    private Interaction at(CustomerId customer, Instant at, UUID id) {
        return anInteraction(customer)
                .in(tenant)
                .at(at)
                .withId(new InteractionId(id))
                .build();
    }

    private CustomerId customer() {
        return customer(tenant);
    }

    private CustomerId customer(TenantId in) {
        return store.customers(in).save(aPerson().in(in).build()).id();
    }

    private void saveCustomers(TenantId in, List<CustomerId> ids) {
        CustomerRepository repo = store.customers(in);
        repo.saveAll(ids.stream().map(id -> aPerson().in(in).withId(id).build()).toList());
    }

    private List<Interaction> timeline(CustomerId customer, TimelineQuery query) {
        return interactions.timeline(customer, query, ALL_ON_ONE_PAGE).items();
    }

    private void assertNoneRecorded(List<Interaction> attempted) {
        for (Interaction i : attempted) {
            assertThat(interactions.findById(i.id()))
                    .as("interaction %s of a write that failed", i.id())
                    .isEmpty();
        }
    }

    private static Interaction find(InteractionRepository repo, InteractionId id) {
        return repo.findById(id).orElseThrow(() -> new AssertionError("interaction " + id + " was not found"));
    }

    private static void assertSameInteraction(Interaction actual, Interaction expected, String what) {
        assertThat(Describe.interaction(actual)).as(what).isEqualTo(Describe.interaction(expected));
        assertThat(actual).as(what).isEqualTo(expected);
    }

    /**
     * Walks every page of the timeline in pages of {@code size}, checking that no page is larger,
     * that a page with a next cursor is not empty and that the cursor stops once all {@code
     * expectedCount} matching interactions were handed out.
     */
    private static List<Interaction> walk(
            InteractionRepository repo, CustomerId customer, TimelineQuery query, int size, int expectedCount) {
        List<Interaction> seen = new ArrayList<>();
        Page<Interaction> page = repo.timeline(customer, query, PageRequest.first(size));
        for (int number = 1; ; number++) {
            assertThat(page.items())
                    .as("page %d of %s in pages of %d", number, query, size)
                    .hasSizeLessThanOrEqualTo(size);
            seen.addAll(page.items());
            if (page.next().isEmpty()) {
                return seen;
            }
            assertThat(page.items())
                    .as("page %d of %s in pages of %d has a next cursor, so it must not be empty", number, query, size)
                    .isNotEmpty();
            assertThat(seen.size())
                    .as(
                            "%s in pages of %d: page %d has a next cursor although all %d matching interactions were listed",
                            query, size, number, expectedCount)
                    .isLessThan(expectedCount);
            page = repo.timeline(customer, query, PageRequest.after(page.next().get(), size));
        }
    }
}
