package org.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmkit.testkit.fixtures.InteractionFixtures.anInteraction;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.Crm;
import org.crmkit.core.CrmScope;
import org.crmkit.core.common.Audit;
import org.crmkit.core.common.ConcurrentUpdateException;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.StoreUnavailableException;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.ContactPoint;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerDraft;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerRepository;
import org.crmkit.core.customer.EmailAddress;
import org.crmkit.core.customer.PhoneNumber;
import org.crmkit.core.customer.Relationship;
import org.crmkit.core.customer.RelationshipId;
import org.crmkit.core.customer.RelationshipRepository;
import org.crmkit.core.customer.RelationshipRole;
import org.crmkit.core.customer.Tag;
import org.crmkit.core.interaction.DuplicateInteractionException;
import org.crmkit.core.interaction.Interaction;
import org.crmkit.core.interaction.InteractionRepository;
import org.crmkit.core.interaction.TimelineOrder;
import org.crmkit.core.interaction.TimelineQuery;
import org.crmkit.testkit.db.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the JDBC store does beyond the contract suites: round trips of every field, optimistic
 * locking, units of work (a refused write inside one leaves it usable), instants cut to the
 * microsecond, migrations and dialect detection. One subclass per database.
 */
abstract class JdbcStoreTest {
    JdbcCrmStore store;
    TenantId tenant;
    CustomerRepository customers;

    /** The database of the running subclass. */
    abstract TestDatabase database();

    @BeforeEach
    void setUp() {
        store = Fixtures.store(database());
        tenant = Fixtures.newTenant();
        customers = store.customers(tenant);
    }

    @Test
    void detectsTheDialect() {
        assertThat(store.dialect())
                .isEqualTo(JdbcDialect.valueOf(database().kind().name()));
    }

    @Test
    void save_everyField_roundTrips() {
        Customer rich = Fixtures.richPerson(tenant);

        Customer saved = customers.save(rich);

        assertThat(saved).isEqualTo(rich.withVersion(1));
        assertThat(customers.findById(rich.id())).contains(saved);
        assertThat(customers.findAllById(List.of(rich.id()))).containsExactly(saved);
    }

    @Test
    void save_update_replacesChildRowsAndBumpsVersion() {
        Customer saved = customers.save(Fixtures.richPerson(tenant));
        Customer changed = saved.withContactPoints(List.of(ContactPoint.email("new@example.com")))
                .withoutTags(saved.tags())
                .withTags(List.of(Tag.of("fresh")))
                .withDisplayName("Someone Else");

        Customer again = customers.save(changed);

        assertThat(again.version()).isEqualTo(2);
        assertThat(customers.findById(saved.id())).contains(again);
        assertThat(customers.findByEmail(EmailAddress.of("ngoc@example.vn"))).isEmpty();
        assertThat(customers.findByEmail(EmailAddress.of("new@example.com"))).containsExactly(again);
    }

    @Test
    void save_staleVersion_failsAndChangesNothing() {
        Customer saved = customers.save(Fixtures.person(tenant, "Anna", "Ivanova"));
        Customer first = customers.save(saved.withDisplayName("first"));

        assertThatThrownBy(() -> customers.save(saved.withDisplayName("second")))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThat(customers.findById(saved.id())).contains(first);
    }

    @Test
    void save_newCustomerWithTakenId_fails() {
        Customer saved = customers.save(Fixtures.person(tenant, "Anna", "Ivanova"));

        assertThatThrownBy(() -> customers.save(saved.withVersion(0).withDisplayName("impostor")))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThat(customers.findById(saved.id())).contains(saved);
    }

    @Test
    void save_updateOfMissingCustomer_fails() {
        Customer never = Fixtures.person(tenant, "Never", "Saved").withVersion(3);

        assertThatThrownBy(() -> customers.save(never)).isInstanceOf(ConcurrentUpdateException.class);
        assertThat(customers.findById(never.id())).isEmpty();
    }

    @Test
    void save_customerOfAnotherTenant_isRefused() {
        Customer foreign = Fixtures.person(Fixtures.newTenant(), "Anna", "Ivanova");

        assertThatThrownBy(() -> customers.save(foreign)).isInstanceOf(ValidationException.class);
    }

    @Test
    void tenants_neverSeeEachOther() {
        TenantId other = Fixtures.newTenant();
        Customer mine = customers.save(Fixtures.richPerson(tenant));
        Customer theirs = Customer.builder(mine.id(), other, mine.name(), mine.audit())
                .contactPoints(mine.contactPoints())
                .build();
        CustomerRepository them = store.customers(other);
        Customer theirsSaved = them.save(theirs);

        assertThat(customers.findById(mine.id())).contains(mine);
        assertThat(them.findById(mine.id())).contains(theirsSaved);
        assertThat(them.findByEmail(EmailAddress.of("ngoc@example.vn"))).containsExactly(theirsSaved);
        assertThat(customers.count(org.crmkit.core.customer.CustomerQuery.all().includingArchived()))
                .isEqualTo(1);
        assertThatThrownBy(() -> them.save(mine.withDisplayName("x"))).isInstanceOf(ValidationException.class);
    }

    @Test
    void findByPhone_findsArchivedToo() {
        Customer rich = customers.save(Fixtures.richPerson(tenant));

        assertThat(customers.findByPhone(PhoneNumber.of("+84912345678"))).containsExactly(rich);
        assertThat(customers.findByPhone(PhoneNumber.of("+84912345679"))).isEmpty();
    }

    @Test
    void findAllById_skipsUnknownIdsAndRepeats() {
        List<Customer> saved = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            saved.add(customers.save(Fixtures.person(tenant, "P" + i, "Q")));
        }
        List<CustomerId> ids = new ArrayList<>();
        saved.forEach(c -> ids.add(c.id()));
        ids.add(new CustomerId(UUID.randomUUID()));
        ids.add(saved.get(0).id());

        assertThat(customers.findAllById(ids)).containsExactlyElementsOf(saved);
        assertThat(customers.findAllById(List.of())).isEmpty();
    }

    @Test
    void saveAll_insertsAndUpdatesInBatches() {
        List<Customer> fresh = Fixtures.population(tenant, 1, JdbcCustomerRepository.BATCH + 30);
        List<Customer> saved = customers.saveAll(fresh);
        assertThat(saved).hasSize(fresh.size()).allMatch(c -> c.version() == 1);

        List<Customer> changed = new ArrayList<>();
        for (int i = 0; i < saved.size(); i += 2) {
            changed.add(saved.get(i).withTags(List.of(Tag.of("changed"))));
        }
        changed.add(Fixtures.person(tenant, "New", "One"));
        List<Customer> again = customers.saveAll(changed);

        assertThat(again).extracting(Customer::version).containsOnly(2L, 1L);
        for (Customer c : again) {
            assertThat(customers.findById(c.id())).contains(c);
        }
    }

    @Test
    void saveAll_oneStale_writesNone() {
        List<Customer> saved = customers.saveAll(Fixtures.population(tenant, 2, 20));
        customers.save(saved.get(7).withDisplayName("moved on"));
        List<Customer> batch = new ArrayList<>();
        saved.forEach(c -> batch.add(c.withDisplayName("batch")));
        batch.add(Fixtures.person(tenant, "New", "Person"));

        assertThatThrownBy(() -> customers.saveAll(batch)).isInstanceOf(ConcurrentUpdateException.class);
        assertThat(customers.findById(saved.get(0).id())).contains(saved.get(0));
        assertThat(customers.findById(batch.get(batch.size() - 1).id())).isEmpty();
    }

    @Test
    void saveAll_sameCustomerTwice_savesInOrder() {
        Customer c = Fixtures.person(tenant, "Twice", "Saved");

        List<Customer> saved = customers.saveAll(List.of(c, c.withVersion(1).withDisplayName("second")));

        assertThat(saved).extracting(Customer::version).containsExactly(1L, 2L);
        assertThat(customers.findById(c.id())).contains(saved.get(1));
    }

    @Test
    void saveAll_insideAUnitOfWork_failsWhole_andTheUnitGoesOn() {
        Customer before = Fixtures.person(tenant, "Before", "Batch");
        Customer taken = customers.save(Fixtures.person(tenant, "Taken", "Id"));
        Customer after = Fixtures.person(tenant, "After", "Batch");

        store.inTransaction(() -> {
            customers.save(before);
            assertThatThrownBy(() ->
                            customers.saveAll(List.of(Fixtures.person(tenant, "In", "Batch"), taken.withVersion(0))))
                    .isInstanceOf(ConcurrentUpdateException.class);
            customers.save(after);
        });

        assertThat(customers.count(org.crmkit.core.customer.CustomerQuery.all()))
                .isEqualTo(3);
    }

    @Test
    void appendAll_duplicateInsideAUnitOfWork_failsWhole_andTheUnitGoesOn() {
        InteractionRepository interactions = store.interactions(tenant);
        CustomerId anna =
                customers.save(Fixtures.person(tenant, "Anna", "Ivanova")).id();
        Interaction taken = interactions.append(
                anInteraction(anna).in(tenant).withExternalId("pbx:1").build());
        Interaction before = anInteraction(anna).in(tenant).build();
        Interaction inBatch =
                anInteraction(anna).in(tenant).withExternalId("pbx:2").build();
        Interaction again =
                anInteraction(anna).in(tenant).withExternalId("pbx:1").build();
        Interaction after = anInteraction(anna).in(tenant).build();

        store.inTransaction(() -> {
            interactions.append(before);
            assertThatThrownBy(() -> interactions.appendAll(List.of(inBatch, again)))
                    .isInstanceOfSatisfying(
                            DuplicateInteractionException.class,
                            e -> assertThat(e.field()).isEqualTo("externalId"));
            assertThatThrownBy(() -> interactions.append(
                            anInteraction(anna).in(tenant).withId(taken.id()).build()))
                    .isInstanceOfSatisfying(
                            DuplicateInteractionException.class,
                            e -> assertThat(e.field()).isEqualTo("id"));
            assertThat(interactions.findByExternalId("pbx:1"))
                    .as("read after the refusals")
                    .contains(taken);
            interactions.append(after);
        });

        assertThat(interactions.findById(before.id())).contains(before);
        assertThat(interactions.findById(after.id())).contains(after);
        assertThat(interactions.findById(inBatch.id())).isEmpty();
        assertThat(interactions.existingExternalIds(List.of("pbx:1", "pbx:2"))).containsExactly("pbx:1");
    }

    @Test
    void append_finerThanMicroseconds_isCutToTheMicrosecondAndReadBackAsReturned() {
        InteractionRepository interactions = store.interactions(tenant);
        CustomerId anna =
                customers.save(Fixtures.person(tenant, "Anna", "Ivanova")).id();
        Interaction precise = anInteraction(anna)
                .in(tenant)
                .at(Fixtures.T0.plusNanos(123_456_789))
                .recordedAt(Fixtures.T0.plusSeconds(1).plusNanos(999))
                .lasting(Duration.ofNanos(1_001))
                .build();

        Interaction stored = interactions.append(precise);

        assertThat(stored.occurredAt()).isEqualTo(Fixtures.T0.plusNanos(123_456_000));
        assertThat(stored.recordedAt()).isEqualTo(Fixtures.T0.plusSeconds(1));
        assertThat(stored.duration()).isEqualTo(Duration.ofNanos(1_000));
        assertThat(interactions.findById(precise.id())).contains(stored);
        assertThat(interactions
                        .timeline(anna, TimelineQuery.all(), PageRequest.first(10))
                        .items())
                .containsExactly(stored);
    }

    @Test
    void timeline_boundsBeyondTheInstantsADatabaseHolds_selectAllOrNothing() {
        InteractionRepository interactions = store.interactions(tenant);
        CustomerId anna =
                customers.save(Fixtures.person(tenant, "Anna", "Ivanova")).id();
        Interaction first = interactions.append(
                anInteraction(anna).in(tenant).at(Interaction.EARLIEST).build());
        Interaction last = interactions.append(
                anInteraction(anna).in(tenant).at(Interaction.LATEST).build());
        UUID highest = new UUID(-1L, -1L);
        PageRequest all = PageRequest.first(10);

        assertThat(timeline(interactions, anna, TimelineQuery.all().since(Instant.MIN), all))
                .containsExactly(last, first);
        assertThat(timeline(interactions, anna, TimelineQuery.all().until(Instant.MAX), all))
                .containsExactly(last, first);
        assertThat(timeline(interactions, anna, TimelineQuery.all().between(Instant.MIN, Instant.MAX), all))
                .containsExactly(last, first);
        assertThat(timeline(interactions, anna, TimelineQuery.all().since(Instant.MAX.minusSeconds(1)), all))
                .isEmpty();
        assertThat(timeline(interactions, anna, TimelineQuery.all().until(Instant.MIN.plusSeconds(1)), all))
                .isEmpty();
        assertThat(timeline(interactions, anna, TimelineQuery.all().until(Interaction.EARLIEST), all))
                .isEmpty();
        assertThat(timeline(interactions, anna, TimelineQuery.all().since(Interaction.LATEST), all))
                .containsExactly(last);
        PageRequest afterTheEnd = PageRequest.after(
                TimelineOrder.NEWEST_FIRST.encode(new TimelineOrder.Position(Instant.MAX, highest)), 10);
        PageRequest beforeTheStart = PageRequest.after(
                TimelineOrder.NEWEST_FIRST.encode(new TimelineOrder.Position(Instant.MIN, highest)), 10);
        assertThat(timeline(interactions, anna, TimelineQuery.all(), afterTheEnd))
                .containsExactly(last, first);
        assertThat(timeline(interactions, anna, TimelineQuery.all(), beforeTheStart))
                .isEmpty();
    }

    @Test
    void externalIdLookups_textNoDatabaseHolds_findNothing() {
        InteractionRepository interactions = store.interactions(tenant);
        CustomerId anna =
                customers.save(Fixtures.person(tenant, "Anna", "Ivanova")).id();
        interactions.append(anInteraction(anna).in(tenant).withExternalId("nul").build());

        for (String unstorable : List.of("nul\u0000", "half\uD800", "\uDC00", "\u0000")) {
            assertThat(interactions.findByExternalId(unstorable)).isEmpty();
        }
        assertThat(interactions.existingExternalIds(List.of("nul\u0000", "\uD83D", "nul")))
                .containsExactly("nul");
    }

    private static List<Interaction> timeline(
            InteractionRepository interactions, CustomerId customer, TimelineQuery query, PageRequest page) {
        return interactions.timeline(customer, query, page).items();
    }

    @Test
    void inTransaction_commitsAllOrNothing() {
        Customer a = Fixtures.person(tenant, "A", "A");
        Customer b = Fixtures.person(tenant, "B", "B");

        assertThatThrownBy(() -> store.inTransaction(() -> {
                    customers.save(a);
                    store.inTransaction(() -> customers.save(b));
                    throw new IllegalStateException("boom");
                }))
                .hasMessage("boom");
        assertThat(customers.findAllById(List.of(a.id(), b.id()))).isEmpty();

        store.inTransaction(() -> {
            customers.save(a);
            store.inTransaction(() -> customers.save(b));
            assertThat(customers.findAllById(List.of(a.id(), b.id()))).hasSize(2);
        });
        assertThat(customers.findAllById(List.of(a.id(), b.id()))).hasSize(2);
    }

    @Test
    void inTransaction_staleSaveCaughtInside_theRestCommits() {
        Customer saved = customers.save(Fixtures.person(tenant, "A", "A"));
        customers.save(saved.withDisplayName("newer"));
        Customer other = Fixtures.person(tenant, "B", "B");

        store.inTransaction(() -> {
            assertThatThrownBy(() -> customers.save(saved.withDisplayName("stale")))
                    .isInstanceOf(ConcurrentUpdateException.class);
            assertThatThrownBy(() -> customers.save(saved.withVersion(0)))
                    .isInstanceOf(ConcurrentUpdateException.class);
            customers.save(other);
        });

        assertThat(customers.findById(other.id())).isPresent();
    }

    @Test
    void service_createsAndFindsThroughTheFacade() {
        Crm crm = Crm.builder().store(store).build();
        CrmScope scope = crm.forTenant(tenant).as(Fixtures.ANNA);

        Customer created = scope.customers()
                .create(CustomerDraft.person("Đặng Thị", "Ngọc").email("ngoc@example.com"));
        Customer tagged = scope.customers().tag(created.id(), "VIP");

        assertThat(scope.customers().get(created.id())).isEqualTo(tagged);
        assertThat(scope.customers()
                        .search("ngoc", org.crmkit.core.common.PageRequest.first(10))
                        .items())
                .containsExactly(tagged);
        assertThat(scope.customers().findByEmail("NGOC@example.com")).containsExactly(tagged);
    }

    @Test
    void relationships_roundTripAndLock() {
        RelationshipRepository relationships = store.relationships(tenant);
        CustomerId person = new CustomerId(UUID.randomUUID());
        CustomerId company = new CustomerId(UUID.randomUUID());
        CustomerId other = new CustomerId(UUID.randomUUID());
        Relationship works = Relationship.of(
                new RelationshipId(UUID.randomUUID()),
                tenant,
                person,
                company,
                RelationshipRole.EMPLOYEE_OF,
                LocalDate.of(2020, 1, 1),
                null,
                Audit.created(Fixtures.T0, Fixtures.ANNA),
                0);
        Relationship bills = Relationship.of(
                new RelationshipId(UUID.randomUUID()),
                tenant,
                other,
                person,
                RelationshipRole.of("bills_for"),
                null,
                null,
                Audit.created(Fixtures.T0, Fixtures.ANNA),
                0);

        Relationship saved = relationships.save(works);
        Relationship billsSaved = relationships.save(bills);
        Relationship ended = relationships.save(
                saved.endedOn(LocalDate.of(2023, 12, 31), saved.audit().changed(Fixtures.T0, Fixtures.ANNA)));

        assertThat(saved).isEqualTo(works.withVersion(1));
        assertThat(relationships.findById(works.id())).contains(ended);
        assertThat(relationships.findByCustomer(person))
                .containsExactlyElementsOf(sortedById(List.of(ended, billsSaved)));
        assertThat(relationships.findByCustomer(company)).containsExactly(ended);
        assertThat(store.relationships(Fixtures.newTenant()).findByCustomer(person))
                .isEmpty();
        assertThatThrownBy(() -> relationships.save(saved)).isInstanceOf(ConcurrentUpdateException.class);
        assertThatThrownBy(() -> relationships.save(works)).isInstanceOf(ConcurrentUpdateException.class);
    }

    @Test
    void migrate_isIdempotent_andKeepsItsOwnHistory() throws SQLException {
        assertThat(store.migrate()).isZero();
        try (Connection c = database().dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM "
                        + (store.dialect() == JdbcDialect.H2
                                ? '"' + JdbcCrmStore.HISTORY_TABLE + '"'
                                : JdbcCrmStore.HISTORY_TABLE))) {
            rows.next();
            assertThat(rows.getInt(1)).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void unreachableDatabase_isStoreUnavailable() {
        InstrumentedDataSource broken = new InstrumentedDataSource(database().dataSource());
        broken.refuseConnections(true);
        JdbcCrmStore down =
                JdbcCrmStore.builder(broken).dialect(store.dialect()).build();

        assertThatThrownBy(() -> down.customers(tenant).findById(new CustomerId(UUID.randomUUID())))
                .isInstanceOf(StoreUnavailableException.class)
                .hasCauseInstanceOf(SQLException.class);
        assertThatThrownBy(() -> down.inTransaction(() -> 1)).isInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(() -> JdbcCrmStore.create(broken)).isInstanceOf(StoreUnavailableException.class);
    }

    private static List<Relationship> sortedById(List<Relationship> relationships) {
        List<Relationship> sorted = new ArrayList<>(relationships);
        sorted.sort((a, b) -> org.crmkit.core.common.Ids.ORDER.compare(a.id().value(), b.id().value()));
        return sorted;
    }
}
