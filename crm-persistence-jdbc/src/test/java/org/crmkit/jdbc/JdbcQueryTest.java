package org.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmkit.testkit.fixtures.InteractionFixtures.anInteraction;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerKind;
import org.crmkit.core.customer.CustomerName;
import org.crmkit.core.customer.CustomerOrder;
import org.crmkit.core.customer.CustomerQuery;
import org.crmkit.core.customer.CustomerRepository;
import org.crmkit.core.customer.EmailAddress;
import org.crmkit.core.customer.LifecycleStage;
import org.crmkit.core.customer.NameSearch;
import org.crmkit.core.customer.Tag;
import org.crmkit.core.interaction.Direction;
import org.crmkit.core.interaction.DuplicateInteractionException;
import org.crmkit.core.interaction.Interaction;
import org.crmkit.core.interaction.InteractionRepository;
import org.crmkit.core.interaction.LinkKind;
import org.crmkit.core.interaction.TimelineQuery;
import org.crmkit.core.memory.MemoryCrmStore;
import org.crmkit.testkit.db.TestDatabase;
import org.crmkit.testkit.fixtures.InteractionFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The JDBC store's lists, counts and searches against the in-memory store's on the same data: every
 * page (items and cursor) must be equal. Includes search text made of SQL and {@code LIKE}
 * metacharacters, and the number of statements a page of customers or of a timeline costs. One
 * subclass per database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JdbcQueryTest {
    private static final long SEED = 20240501L;
    private static final int POPULATION = 200;

    private JdbcCrmStore store;
    private CustomerRepository jdbc;
    private CustomerRepository memory;
    private final List<Customer> population = new ArrayList<>();

    /** The database of the running subclass. */
    abstract TestDatabase database();

    @BeforeAll
    void load() {
        store = Fixtures.store(database());
        TenantId tenant = Fixtures.newTenant();
        jdbc = store.customers(tenant);
        memory = MemoryCrmStore.create().customers(tenant);
        List<Customer> customers = new ArrayList<>(Fixtures.population(tenant, SEED, POPULATION));
        // ids on both sides of the sign bit: signed UUID order would put these wrongly
        customers.add(withId(Fixtures.person(tenant, "Zero", "Signed"), new UUID(0x7fff_ffff_ffff_ffffL, 1)));
        customers.add(withId(Fixtures.person(tenant, "Zero", "Unsigned"), new UUID(0x8000_0000_0000_0000L, 1)));
        customers.add(withId(Fixtures.person(tenant, "Zero", "Low"), new UUID(1, 0xffff_ffff_ffff_ffffL)));
        customers.add(withId(Fixtures.person(tenant, "Zero", "High"), new UUID(1, 0x0fff_ffff_ffff_ffffL)));
        // sort keys whose code point order differs from UTF-16 order
        customers.add(Fixtures.person(tenant, "\uFF5E wave", "Order"));
        customers.add(Fixtures.person(tenant, "\uD83D\uDE00 grin", "Order"));
        customers.add(Fixtures.person(tenant, "\uE000 private", "Order"));
        customers.add(Fixtures.organization(tenant, "a".repeat(199) + "b"));
        customers.add(Fixtures.organization(tenant, "a".repeat(199) + "c"));
        // a name key longer than the indexed column (600 code points)
        customers.add(Fixtures.person(tenant, "\uFDFA".repeat(40), "\uFDFA".repeat(40)));
        population.addAll(jdbc.saveAll(customers));
        memory.saveAll(customers);
    }

    @Test
    void lists_equalTheInMemoryStore_pageByPage() {
        List<CustomerQuery> queries = new ArrayList<>();
        for (CustomerOrder order : CustomerOrder.values()) {
            CustomerQuery all = CustomerQuery.all().orderedBy(order);
            queries.add(all);
            queries.add(all.includingArchived());
            queries.add(all.withKind(CustomerKind.ORGANIZATION));
            queries.add(all.withStage(LifecycleStage.LEAD).withTag(Tag.of("vip")));
            queries.add(all.withOwner(StaffId.of("rep-1")).includingArchived());
            queries.add(all.withNamePrefix("a"));
            queries.add(all.withNamePrefix("zero"));
        }
        store.inTransaction(() -> {
            for (CustomerQuery query : queries) {
                for (int size : new int[] {7, 60}) {
                    assertSamePages(query, size);
                }
            }
        });
        assertSamePages(CustomerQuery.all().includingArchived(), 25);
        assertSamePages(CustomerQuery.all().orderedBy(CustomerOrder.NAME).includingArchived(), 25);
    }

    @Test
    void search_everyNameOfThePopulation_findsWhatTheInMemoryStoreFinds() {
        store.inTransaction(() -> {
            for (Customer c : population) {
                String folded = NameSearch.fold(c.displayName());
                for (String prefix : List.of(folded, Keys.truncate(folded, 3), c.displayName())) {
                    assertSameSearch(prefix);
                }
            }
        });
    }

    /** Half a surrogate pair is not text: search and lookup refuse it before reaching SQL. */
    @Test
    void search_brokenSurrogates_areRefusedNamingTheField() {
        for (String prefix : List.of("\uD83D", "\uDE00", "a\uD800b", "\uD83D\uDC4D\uD83C")) {
            assertThatThrownBy(() -> CustomerQuery.nameStartsWith(prefix))
                    .isInstanceOfSatisfying(
                            org.crmkit.core.common.ValidationException.class,
                            e -> assertThat(e.field()).isEqualTo("namePrefix"));
        }
        assertThatThrownBy(() -> EmailAddress.of("c\uD800@example.com"))
                .isInstanceOf(org.crmkit.core.common.ValidationException.class);
        CustomerQuery whole = CustomerQuery.nameStartsWith("\uD83D\uDE00").includingArchived();
        assertThat(jdbc.list(whole, PageRequest.first(PageRequest.MAX_SIZE)).items())
                .isEqualTo(population.stream()
                        .filter(whole::matches)
                        .sorted(whole.order().comparator())
                        .toList());
    }

    @Test
    void search_longerThanTheIndexedKey_isExact() {
        String query = "\uFDFA".repeat(40); // each folds to 18 code points
        assertThat(NameSearch.fold(query).codePoints().count()).isGreaterThan(Keys.NAME_KEY_CODE_POINTS);

        assertSameSearch(query);
        assertSameSearch(query + " \uFDFA");
        assertSameSearch(query + "x");
        assertSameSearch("\uFDFA".repeat(33));
        assertThat(jdbc.count(CustomerQuery.nameStartsWith(query))).isEqualTo(1);
    }

    @Test
    void search_hostileText_findsExactlyWhatTheInMemoryStoreFinds() {
        List<String> fragments = new ArrayList<>(Fixtures.HOSTILE);
        fragments.addAll(List.of(
                "a",
                "o",
                " ",
                "zero",
                "ngu",
                "'",
                "\\",
                "%",
                "_",
                "!",
                "--",
                "/*",
                "*/",
                "; ",
                "\u0301",
                "ё",
                "İ",
                "ß",
                "ǅ",
                "\u200D",
                "\uD83C\uDDF5\uD83C\uDDF9"));
        store.inTransaction(() -> qt().withFixedSeed(SEED)
                .withExamples(150)
                .forAll(lists().of(arbitrary().pick(fragments)).ofSizeBetween(1, 4))
                .checkAssert(parts -> assertSameSearch(String.join("", parts))));
    }

    @Test
    void aPage_costsThreeStatements_whateverItsSize() {
        InstrumentedDataSource counting = new InstrumentedDataSource(database().dataSource());
        JdbcCrmStore counted =
                JdbcCrmStore.builder(counting).dialect(store.dialect()).build();
        TenantId tenant = Fixtures.newTenant();
        CustomerRepository repository = counted.customers(tenant);
        List<Customer> rich = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            rich.add(Fixtures.richPerson(tenant)
                    .withContactPoints(
                            List.of(org.crmkit.core.customer.ContactPoint.email("rich" + i + "@example.com"))));
        }
        counting.reset();
        repository.saveAll(rich);
        assertThat(counting.executed())
                .as("an existence check, and at most three multi-row INSERTs for each of four tables")
                .hasSizeLessThanOrEqualTo(1 + 4 * 3);

        for (int size : new int[] {1, 10, 50}) {
            counting.reset();
            Page<Customer> page = repository.list(CustomerQuery.all().includingArchived(), PageRequest.first(size));
            assertThat(page.items()).hasSize(size);
            assertThat(counting.executed())
                    .as("statements for a page of %d", size)
                    .hasSize(3);
        }
        counting.reset();
        assertThat(repository.findByEmail(EmailAddress.of("rich7@example.com"))).hasSize(1);
        assertThat(counting.executed()).hasSize(3);
        counting.reset();
        assertThat(repository.findAllById(rich.stream().map(Customer::id).toList()))
                .hasSize(60);
        assertThat(counting.executed()).hasSize(3);
        counting.reset();
        repository.count(CustomerQuery.nameStartsWith("ng"));
        assertThat(counting.executed()).hasSize(1);
        counting.reset();
        repository.save(repository.findById(rich.get(0).id()).orElseThrow().withDisplayName("x"));
        assertThat(counting.executed())
                .as("find (3), update, three deletes, three inserts")
                .hasSizeLessThanOrEqualTo(3 + 7);
    }

    @Test
    void interactions_aPageCostsAtMostThreeStatements_whateverItsSize() {
        InstrumentedDataSource counting = new InstrumentedDataSource(database().dataSource());
        JdbcCrmStore counted =
                JdbcCrmStore.builder(counting).dialect(store.dialect()).build();
        TenantId tenant = Fixtures.newTenant();
        InteractionRepository repository = counted.interactions(tenant);
        CustomerId anna = new CustomerId(UUID.randomUUID());
        CustomerId ivan = new CustomerId(UUID.randomUUID());
        List<Interaction> batch = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            InteractionFixture meeting = anInteraction(anna)
                    .in(tenant)
                    .on(i % 2 == 0 ? Channel.MEETING : Channel.PHONE)
                    .at(Fixtures.T0.plusSeconds(i))
                    .withAttendees(ivan)
                    .withExternalId("call-" + i);
            if (i % 3 == 0) {
                meeting.linkedTo(LinkKind.CAMPAIGN, UUID.randomUUID()).linkedTo(LinkKind.REQUEST, UUID.randomUUID());
            }
            batch.add(meeting.build());
        }
        batch.add(anInteraction(ivan).in(tenant).superseding(batch.get(0).id()).build());

        counting.reset();
        repository.appendAll(batch);
        assertThat(counting.executed())
                .as("at most three multi-row INSERTs for each of three tables")
                .hasSizeLessThanOrEqualTo(3 * 3);

        for (TimelineQuery query : List.of(
                TimelineQuery.all(),
                TimelineQuery.all().includingSuperseded(),
                TimelineQuery.all().withChannels(Channel.MEETING).withDirection(Direction.INBOUND))) {
            for (int size : new int[] {1, 10, 50, PageRequest.MAX_SIZE}) {
                counting.reset();
                Page<Interaction> page = repository.timeline(anna, query, PageRequest.first(size));
                assertThat(page.items()).isNotEmpty().hasSizeLessThanOrEqualTo(size);
                assertThat(counting.executed())
                        .as("statements for a page of %d of %s", size, query)
                        .hasSizeBetween(2, 3);
            }
        }
        counting.reset();
        assertThat(repository.findById(batch.get(3).id())).contains(batch.get(3));
        assertThat(counting.executed()).as("interaction, participants, links").hasSize(3);
        counting.reset();
        assertThat(repository.findByExternalId("call-1")).contains(batch.get(1));
        assertThat(counting.executed())
                .as("interaction, participants; no links")
                .hasSize(2);
        counting.reset();
        assertThat(repository.activity(ivan)).hasSize(2);
        assertThat(counting.executed()).hasSize(1);
        counting.reset();
        List<String> asked = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            asked.add("call-" + i);
        }
        assertThat(repository.existingExternalIds(asked)).hasSize(150);
        assertThat(counting.executed())
                .as("one statement per IN list of %d", Sql.MAX_IN)
                .hasSize(2);
        counting.reset();
        assertThatThrownBy(() -> repository.appendAll(List.of(
                        anInteraction(anna).in(tenant).build(),
                        anInteraction(anna).in(tenant).withExternalId("call-7").build())))
                .isInstanceOfSatisfying(
                        DuplicateInteractionException.class,
                        e -> assertThat(e.field()).isEqualTo("externalId"));
        assertThat(counting.executed())
                .as("the refused INSERT, then one look-up each of ids, external ids and superseded ones")
                .hasSizeLessThanOrEqualTo(1 + 3);
    }

    /**
     * Searches both stores and checks the first page against the reference rule
     * ({@link CustomerQuery#matches} in {@link CustomerOrder#comparator()} order) and, page and cursor
     * alike, against the in-memory store, except for prefixes with half a surrogate pair, where the
     * in-memory store itself departs from the rule.
     */
    private void assertSameSearch(String prefix) {
        if (prefix.length() > CustomerName.MAX_LENGTH) {
            prefix = prefix.substring(0, CustomerName.MAX_LENGTH);
        }
        CustomerQuery query = CustomerQuery.nameStartsWith(prefix).includingArchived();
        String described = org.crmkit.testkit.fixtures.Describe.visible(prefix);
        List<Customer> expected = population.stream()
                .filter(query::matches)
                .sorted(query.order().comparator())
                .toList();
        Page<Customer> page = jdbc.list(query, PageRequest.first(50));
        assertThat(page.items())
                .as("search '%s' (seed %d)", described, SEED)
                .isEqualTo(expected.subList(0, Math.min(50, expected.size())));
        assertThat(jdbc.count(query)).as("count '%s'", described).isEqualTo(expected.size());
        if (Keys.unpairedSurrogate(query.namePrefix()) < 0) {
            assertThat(page)
                    .as("search '%s' as in memory", described)
                    .isEqualTo(memory.list(query, PageRequest.first(50)));
        }
    }

    private void assertSamePages(CustomerQuery query, int size) {
        assertThat(jdbc.count(query)).as("count %s", query).isEqualTo(memory.count(query));
        PageRequest request = PageRequest.first(size);
        for (int n = 0; ; n++) {
            Page<Customer> expected = memory.list(query, request);
            Page<Customer> actual = jdbc.list(query, request);
            assertThat(actual).as("page %d of %s by %d", n, query, size).isEqualTo(expected);
            if (!expected.hasNext()) {
                return;
            }
            request = PageRequest.after(expected.next().orElseThrow(), size);
        }
    }

    private static Customer withId(Customer c, UUID id) {
        return Customer.builder(new CustomerId(id), c.tenant(), c.name(), c.audit())
                .build();
    }
}
