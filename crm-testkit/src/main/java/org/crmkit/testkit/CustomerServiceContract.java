package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmkit.testkit.fixtures.CustomerFixtures.aPerson;
import static org.crmkit.testkit.fixtures.CustomerFixtures.anOrganization;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.crmkit.core.Crm;
import org.crmkit.core.CrmScope;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.Cancellation;
import org.crmkit.core.common.CancelledException;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.ConcurrentUpdateException;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.NotFoundException;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.ProgressListener;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.AttributeValue;
import org.crmkit.core.customer.ConsentPurpose;
import org.crmkit.core.customer.ContactPoint;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerDraft;
import org.crmkit.core.customer.CustomerEvent;
import org.crmkit.core.customer.CustomerQuery;
import org.crmkit.core.customer.CustomerService;
import org.crmkit.core.customer.CustomersImported;
import org.crmkit.core.customer.DuplicateCustomerException;
import org.crmkit.core.customer.DuplicatePolicy;
import org.crmkit.core.customer.EmailAddress;
import org.crmkit.core.customer.LifecycleStage;
import org.crmkit.core.customer.PhoneNumber;
import org.crmkit.core.customer.Relationship;
import org.crmkit.core.customer.RelationshipRole;
import org.crmkit.core.customer.Tag;
import org.crmkit.core.spi.CrmStore;
import org.crmkit.testkit.fixtures.RecordingListener;
import org.crmkit.testkit.fixtures.SteppingClock;
import org.crmkit.testkit.fixtures.TestTenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour of {@link CustomerService} on a store, through the {@link Crm} facade: duplicate
 * e-mails and phones are found through the store's lookups (normalised, archived customers
 * included, per tenant) and refused with a {@link DuplicateCustomerException} that names the
 * existing customer, with nothing stored; events reach listeners only after the unit of work commits
 * and never when it rolls back; refused changes (illegal stage moves, stale copies, invalid input)
 * leave the stored customer as it was; and every change persists, as a second {@code Crm} on the
 * same store reads it.
 *
 * <p>A store runs it by extending it and supplying the store:
 *
 * <pre>{@code
 * class MemoryCustomerServiceTest extends CustomerServiceContract {
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
public abstract class CustomerServiceContract {
    private static final Actor ANNA = Actor.user("anna");
    private static final Actor AUDITOR = Actor.user("auditor");

    private CrmStore store;
    private SteppingClock clock;
    private RecordingListener events;
    private TenantId tenant;
    private CrmScope scope;
    private CustomerService customers;

    /** Creates the contract; subclasses supply the store. */
    protected CustomerServiceContract() {}

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
        Crm crm = Crm.builder().store(store).clock(clock).listener(events).build();
        tenant = TestTenants.random("a");
        scope = crm.forTenant(tenant).as(ANNA);
        customers = scope.customers();
    }

    // ---- duplicates --------------------------------------------------------------------------

    @Test
    void create_duplicateEmail_namesExistingCustomer() {
        Customer anna = customers.create(
                aPerson().withEmail("Anna.Lindqvist@Example.com").draft());
        events.clear();

        assertThatThrownBy(() -> customers.create(aPerson()
                        .named("Anna", "Other")
                        .withPhone("+46 70 000 00 01")
                        .withEmail("  anna.lindqvist@EXAMPLE.COM ")
                        .draft()))
                .isInstanceOfSatisfying(DuplicateCustomerException.class, e -> {
                    assertThat(e.existing()).isEqualTo(anna.id());
                    assertThat(e.field()).isEqualTo("email");
                    assertThat(e.value()).isEqualTo("anna.lindqvist@example.com");
                });

        assertThat(reread().count(CustomerQuery.all().includingArchived())).isEqualTo(1);
        assertThat(reread().findByEmail("anna.lindqvist@example.com")).containsExactly(anna);
        assertThat(reread().findByPhone("+46 70 000 00 01")).isEmpty();
        assertThat(events.events()).isEmpty();
    }

    @Test
    void create_duplicatePhoneInOtherFormatting_namesExistingCustomer() {
        Customer ngoc = customers.create(aPerson()
                .named("Thị Ngọc", "Đặng")
                .withPhone("+84 91 234-56-78")
                .draft());

        for (String typed : List.of("0084 912 345 678", "+84 (91) 234 5678", "tel:+84912345678", "+84.91.234.56.78")) {
            assertThatThrownBy(() -> customers.create(
                            aPerson().named("Someone", "Else").withPhone(typed).draft()))
                    .as("phone typed as %s", typed)
                    .isInstanceOfSatisfying(DuplicateCustomerException.class, e -> {
                        assertThat(e.existing()).isEqualTo(ngoc.id());
                        assertThat(e.field()).isEqualTo("phone");
                        assertThat(e.value()).isEqualTo("+84912345678");
                    });
        }

        assertThat(reread().count(CustomerQuery.all().includingArchived())).isEqualTo(1);
    }

    @Test
    void create_emailOfArchivedCustomer_isStillADuplicate() {
        Customer anna = customers.create(aPerson().withEmail("anna@example.com").draft());
        customers.archive(anna.id());

        assertThatThrownBy(() -> customers.create(aPerson()
                        .named("Anna", "Again")
                        .withEmail("anna@example.com")
                        .draft()))
                .isInstanceOfSatisfying(
                        DuplicateCustomerException.class,
                        e -> assertThat(e.existing()).isEqualTo(anna.id()));

        assertThat(reread().count(CustomerQuery.all().includingArchived())).isEqualTo(1);
    }

    @Test
    void create_duplicateAllowed_storesBoth() {
        Customer first = customers.create(aPerson()
                .withEmail("family@example.com")
                .withPhone("+49 30 1234567")
                .draft());

        Customer second = customers.create(
                aPerson()
                        .named("Erik", "Lindqvist")
                        .withEmail("FAMILY@example.com")
                        .withPhone("0049 30 1234567")
                        .draft(),
                DuplicatePolicy.ALLOW);

        assertThat(reread().findByEmail("family@example.com")).containsExactlyInAnyOrder(first, second);
        assertThat(reread().findByPhone("+49301234567")).containsExactlyInAnyOrder(first, second);
    }

    @Test
    void create_sameEmailInAnotherTenant_isNoDuplicate() {
        Customer ours = customers.create(aPerson().withEmail("anna@example.com").draft());
        CustomerService theirs = scope(TestTenants.random("b"), ANNA);

        Customer other = theirs.create(aPerson().withEmail("anna@example.com").draft());

        assertThat(other.id()).isNotEqualTo(ours.id());
        assertThat(reread().findByEmail("anna@example.com")).containsExactly(ours);
        assertThat(theirs.findByEmail("anna@example.com")).containsExactly(other);
    }

    @Test
    void update_addingAnotherCustomersEmail_failsAndChangesNothing() {
        Customer anna = customers.create(aPerson().withEmail("anna@example.com").draft());
        Customer ivan = customers.create(
                aPerson().named("Иван", "Иванов").withEmail("ivan@example.com").draft());
        events.clear();

        assertThatThrownBy(() -> customers.update(ivan.withDisplayName("Ivan")
                        .withContactPoint(new ContactPoint.Email(EmailAddress.of("ANNA@example.com"), "work", false))))
                .isInstanceOfSatisfying(DuplicateCustomerException.class, e -> {
                    assertThat(e.existing()).isEqualTo(anna.id());
                    assertThat(e.field()).isEqualTo("email");
                });
        assertThatThrownBy(() -> customers.addEmail(ivan.id(), "anna@example.com", "work"))
                .isInstanceOf(DuplicateCustomerException.class);

        assertThat(reread().get(ivan.id())).isEqualTo(ivan);
        assertThat(reread().findByEmail("anna@example.com")).containsExactly(anna);
        assertThat(events.events()).isEmpty();
    }

    @Test
    void addPhone_ofAnotherCustomer_failsAndChangesNothing() {
        Customer anna = customers.create(aPerson().withPhone("+46 70 123 45 67").draft());
        Customer acme = customers.create(anOrganization().draft());

        assertThatThrownBy(() -> customers.addPhone(acme.id(), "0046 70 123 45 67", "switchboard"))
                .isInstanceOfSatisfying(DuplicateCustomerException.class, e -> {
                    assertThat(e.existing()).isEqualTo(anna.id());
                    assertThat(e.field()).isEqualTo("phone");
                });

        assertThat(reread().get(acme.id())).isEqualTo(acme);
    }

    @Test
    void update_keepingItsOwnSharedEmail_isNoDuplicate() {
        customers.create(aPerson().withEmail("family@example.com").draft());
        Customer erik = customers.create(
                aPerson()
                        .named("Erik", "Lindqvist")
                        .withEmail("family@example.com")
                        .draft(),
                DuplicatePolicy.ALLOW);

        Customer renamed = customers.update(erik.withDisplayName("Erik L."));

        assertThat(renamed.version()).isEqualTo(erik.version() + 1);
        assertThat(reread().get(erik.id()).displayName()).isEqualTo("Erik L.");
    }

    // ---- optimistic locking and refused changes ----------------------------------------------

    @Test
    void update_staleCopy_failsAndKeepsTheCurrentCustomer() {
        Customer read = customers.create(aPerson().draft());
        Customer tagged = customers.tag(read.id(), "vip");

        assertThatThrownBy(() -> customers.update(read.withDisplayName("Stale")))
                .isInstanceOf(ConcurrentUpdateException.class);

        assertThat(reread().get(read.id())).isEqualTo(tagged);
    }

    @Test
    void changeStage_illegalTransition_throwsAndChangesNothing() {
        Customer lead = customers.create(aPerson().draft());
        events.clear();

        assertThatThrownBy(() -> customers.changeStage(lead.id(), LifecycleStage.INACTIVE))
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                    assertThat(e.from()).isEqualTo("LEAD");
                    assertThat(e.to()).isEqualTo("INACTIVE");
                });

        assertThat(reread().get(lead.id())).isEqualTo(lead);
        assertThat(events.events()).isEmpty();
    }

    @Test
    void changeStage_legalTransition_persistsAndIsPublished() {
        Customer lead = customers.create(aPerson().draft());
        events.clear();

        Customer prospect = customers.changeStage(lead.id(), LifecycleStage.PROSPECT);

        assertThat(reread().get(lead.id())).isEqualTo(prospect);
        assertThat(prospect.stage()).isEqualTo(LifecycleStage.PROSPECT);
        assertThat(events.events(CustomerEvent.CustomerStageChanged.class))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.from()).isEqualTo(LifecycleStage.LEAD);
                    assertThat(e.to()).isEqualTo(LifecycleStage.PROSPECT);
                    assertThat(e.customerId()).isEqualTo(lead.id());
                });
    }

    @Test
    void create_invalidInput_storesNothingAndPublishesNothing() {
        LocalDate tomorrowAndMore =
                LocalDate.ofInstant(clock.peek(), clock.getZone()).plusDays(5);

        assertThatThrownBy(() -> customers.create(aPerson()
                        .withEmail("anna@example.com")
                        .bornOn(tomorrowAndMore)
                        .draft()))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("birthday"));
        assertThatThrownBy(() -> customers.create(aPerson()
                        .withEmail("anna@example.com")
                        .withPhone("12345")
                        .draft()))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("phone"));

        assertThat(reread().count(CustomerQuery.all().includingArchived())).isZero();
        assertThat(reread().findByEmail("anna@example.com")).isEmpty();
        assertThat(events.events()).isEmpty();
    }

    // ---- events ------------------------------------------------------------------------------

    @Test
    void events_ofAUnitOfWork_areDeliveredOnlyAfterItCommits() {
        Customer created = scope.inTransaction(() -> {
            Customer c =
                    customers.create(aPerson().withEmail("anna@example.com").draft());
            customers.tag(c.id(), "vip");
            assertThat(events.events())
                    .as("events heard before the unit of work committed")
                    .isEmpty();
            return c;
        });

        assertThat(events.events())
                .extracting(e -> e.getClass().getSimpleName())
                .containsExactly("CustomerCreated", "CustomerChanged");
        assertThat(events.events(CustomerEvent.CustomerCreated.class).get(0).customer())
                .isEqualTo(created);
        assertThat(events.events()).allSatisfy(e -> {
            assertThat(e.tenant()).isEqualTo(tenant);
            assertThat(e.actor()).isEqualTo(ANNA);
        });
    }

    @Test
    void events_ofAUnitThatRollsBack_areNeverDelivered() {
        IllegalStateException failure = new IllegalStateException("the host's work failed");

        assertThatThrownBy(() -> scope.inTransaction(() -> {
                    Customer c = customers.create(
                            aPerson().withEmail("anna@example.com").draft());
                    customers.tag(c.id(), "vip");
                    customers.changeStage(c.id(), LifecycleStage.PROSPECT);
                    throw failure;
                }))
                .isSameAs(failure);

        assertThat(events.events()).isEmpty();
        assertThat(reread().count(CustomerQuery.all().includingArchived())).isZero();
        assertThat(reread().findByEmail("anna@example.com")).isEmpty();
    }

    @Test
    void events_ofASingleCommand_carryWhatWasStored() {
        Customer created =
                customers.create(aPerson().withEmail("anna@example.com").draft());
        Customer archived = customers.archive(created.id());

        List<DomainEvent> heard = events.events();
        assertThat(heard).hasSize(2);
        assertThat(created.version()).isEqualTo(1);
        assertThat(heard.get(0))
                .isInstanceOfSatisfying(
                        CustomerEvent.CustomerCreated.class,
                        e -> assertThat(e.customer()).isEqualTo(created));
        assertThat(heard.get(1))
                .isInstanceOfSatisfying(
                        CustomerEvent.CustomerArchived.class,
                        e -> assertThat(e.customerId()).isEqualTo(archived.id()));
    }

    // ---- changes persist ---------------------------------------------------------------------

    @Test
    void create_storesWhatTheDraftSays() {
        Customer created = customers.create(aPerson()
                .named("Thị Ngọc", "Đặng")
                .displayName("Đặng Thị Ngọc")
                .withEmail(" Ngoc@Example.VN ", "work")
                .withPhone("+84 91 234-56-78", "mobile")
                .bornOn(LocalDate.of(1990, 2, 28))
                .preferring(Channel.WHATSAPP)
                .speaking("vi-VN")
                .granting(Channel.EMAIL, ConsentPurpose.MARKETING)
                .taggedWith("VIP", "khách-hàng")
                .withAttribute("loyalty.points", AttributeValue.of(1200))
                .inStage(LifecycleStage.PROSPECT)
                .ownedBy("bảo.nguyen")
                .draft());

        Customer stored = reread().get(created.id());
        assertThat(stored).isEqualTo(created);
        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.tenant()).isEqualTo(tenant);
        assertThat(stored.displayName()).isEqualTo("Đặng Thị Ngọc");
        assertThat(stored.emails()).containsExactly(EmailAddress.of("ngoc@example.vn"));
        assertThat(stored.phones()).containsExactly(new PhoneNumber("+84912345678"));
        assertThat(stored.birthday()).contains(LocalDate.of(1990, 2, 28));
        assertThat(stored.preferredChannel()).contains(Channel.WHATSAPP);
        assertThat(stored.preferredLanguage()).contains(Locale.forLanguageTag("vi-VN"));
        assertThat(stored.hasConsent(Channel.EMAIL, ConsentPurpose.MARKETING)).isTrue();
        assertThat(stored.tags()).containsExactly(Tag.of("khách-hàng"), Tag.of("vip"));
        assertThat(stored.attribute("loyalty.points")).contains(AttributeValue.of(1200));
        assertThat(stored.stage()).isEqualTo(LifecycleStage.PROSPECT);
        assertThat(stored.owner()).contains(StaffId.of("bảo.nguyen"));
        assertThat(stored.audit().createdBy()).isEqualTo(ANNA);
        assertThat(stored.audit().createdAt()).isBefore(clock.peek());
        assertThat(reread().search("dang thi", PageRequest.first(10)).items()).containsExactly(stored);
    }

    @Test
    void tagAndUntag_persist() {
        Customer anna = customers.create(aPerson().taggedWith("newsletter").draft());

        customers.tag(anna.id(), "VIP", "салон");
        Customer untagged = customers.untag(anna.id(), "newsletter", "not-there");

        Customer stored = reread().get(anna.id());
        assertThat(stored).isEqualTo(untagged);
        assertThat(stored.tags()).containsExactly(Tag.of("vip"), Tag.of("салон"));
        assertThat(stored.version()).isEqualTo(3);
        assertThat(stored.audit().updatedBy()).isEqualTo(ANNA);
        assertThat(stored.audit().updatedAt()).isAfter(stored.audit().createdAt());
        assertThat(reread().list(CustomerQuery.all().withTag(Tag.of("салон")), PageRequest.first(10))
                        .items())
                .containsExactly(stored);
        assertThat(reread().count(CustomerQuery.all().withTag(Tag.of("newsletter"))))
                .isZero();
    }

    @Test
    void setAttribute_everyType_persists() {
        Customer acme = customers.create(anOrganization().draft());
        Map<String, AttributeValue> values = Map.of(
                "note", AttributeValue.of("Prefers calls after 14:00 — 'urgent' only"),
                "credit.limit", AttributeValue.of(Money.of("-1234567890123456789.99", "EUR")),
                "yen.balance", AttributeValue.of(Money.of("987654321", "JPY")),
                "dinar.balance", AttributeValue.of(Money.of("0.125", "KWD")),
                "score", AttributeValue.of(new BigDecimal("-12345678901234567890.123456789012345678")),
                "verified", AttributeValue.of(true),
                "contract.start", AttributeValue.of(LocalDate.of(1582, 10, 15)));

        values.forEach((key, value) -> customers.setAttribute(acme.id(), key, value));
        Customer removed = customers.removeAttribute(acme.id(), "verified");

        Customer stored = reread().get(acme.id());
        assertThat(stored).isEqualTo(removed);
        values.forEach((key, value) -> {
            if (!key.equals("verified")) {
                assertThat(stored.attribute(key)).as(key).contains(value);
            }
        });
        assertThat(stored.attribute("verified")).isEmpty();
    }

    @Test
    void archiveAndRestore_persist() {
        Customer anna = customers.create(aPerson().withEmail("anna@example.com").draft());

        Customer archived = customers.archive(anna.id());

        assertThat(reread().get(anna.id())).isEqualTo(archived);
        assertThat(archived.archivedAt()).isPresent();
        assertThat(reread().list(CustomerQuery.all(), PageRequest.first(10)).items())
                .isEmpty();
        assertThat(reread().search("anna", PageRequest.first(10)).items()).isEmpty();
        assertThat(reread().findByEmail("anna@example.com")).containsExactly(archived);

        Customer restored = customers.restore(anna.id());

        assertThat(reread().get(anna.id())).isEqualTo(restored);
        assertThat(restored.isArchived()).isFalse();
        assertThat(reread().list(CustomerQuery.all(), PageRequest.first(10)).items())
                .containsExactly(restored);
        assertThat(events.events())
                .extracting(e -> e.getClass().getSimpleName())
                .containsExactly("CustomerCreated", "CustomerArchived", "CustomerRestored");
    }

    @Test
    void consentAndOwner_persist() {
        Customer anna = customers.create(aPerson().draft());

        customers.grantConsent(anna.id(), Channel.SMS, ConsentPurpose.SERVICE, "web-form:checkout");
        customers.withdrawConsent(anna.id(), Channel.SMS, ConsentPurpose.SERVICE, "call: 'stop texting'");
        Customer owned = customers.assignOwner(anna.id(), StaffId.of("佐藤"));

        Customer stored = reread().get(anna.id());
        assertThat(stored).isEqualTo(owned);
        assertThat(stored.consents()).singleElement().satisfies(c -> {
            assertThat(c.granted()).isFalse();
            assertThat(c.source()).isEqualTo("call: 'stop texting'");
        });
        assertThat(stored.owner()).contains(StaffId.of("佐藤"));
        assertThat(reread().count(CustomerQuery.all().withOwner(StaffId.of("佐藤"))))
                .isEqualTo(1);
    }

    // ---- relationships -----------------------------------------------------------------------

    @Test
    void link_relatesTwoCustomersFoundFromEitherSide() {
        Customer anna = customers.create(aPerson().draft());
        Customer acme = customers.create(anOrganization().draft());

        Relationship job =
                customers.link(anna.id(), acme.id(), RelationshipRole.EMPLOYEE_OF, LocalDate.of(2021, 3, 1), null);
        Relationship ended = customers.endRelationship(job.id(), LocalDate.of(2024, 6, 30));

        assertThat(reread().relationships(anna.id())).containsExactly(ended);
        assertThat(reread().relationships(acme.id())).containsExactly(ended);
        assertThat(ended.version()).isEqualTo(2);
        assertThat(events.events(CustomerEvent.CustomersLinked.class))
                .singleElement()
                .satisfies(e -> assertThat(e.relationship()).isEqualTo(job));
    }

    @Test
    void link_toUnknownOrForeignCustomer_failsAndStoresNothing() {
        Customer anna = customers.create(aPerson().draft());
        CustomerService theirs = scope(TestTenants.random("b"), ANNA);
        Customer foreign = theirs.create(anOrganization().draft());
        events.clear();

        assertThatThrownBy(() -> customers.link(anna.id(), foreign.id(), RelationshipRole.CONTACT_OF))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> theirs.link(foreign.id(), anna.id(), RelationshipRole.BILLS_FOR))
                .isInstanceOf(NotFoundException.class);

        assertThat(reread().relationships(anna.id())).isEmpty();
        assertThat(theirs.relationships(foreign.id())).isEmpty();
        assertThat(events.events()).isEmpty();
    }

    // ---- concurrent duplicates ---------------------------------------------------------------

    @Test
    void create_sameEmailFromEightThreadsAtOnce_storesExactlyOne() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 5; round++) {
                String email = "race" + round + "@example.com";
                CyclicBarrier start = new CyclicBarrier(threads);
                List<Future<Customer>> attempts = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    attempts.add(pool.submit(() -> {
                        start.await();
                        return customers.create(aPerson()
                                .named("Racer", "No " + thread)
                                .withEmail(email)
                                .draft());
                    }));
                }
                int created = 0;
                int refused = 0;
                for (Future<Customer> attempt : attempts) {
                    try {
                        attempt.get(60, TimeUnit.SECONDS);
                        created++;
                    } catch (ExecutionException e) {
                        assertThat(e.getCause())
                                .as("a losing writer is told why")
                                .isInstanceOfAny(DuplicateCustomerException.class, ConcurrentUpdateException.class);
                        refused++;
                    }
                }
                assertThat(created)
                        .as("round %d: writers that stored %s", round, email)
                        .isEqualTo(1);
                assertThat(refused).isEqualTo(threads - 1);
                assertThat(reread().findByEmail(email)).hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- streaming import --------------------------------------------------------------------

    @Test
    void createAll_streamsManyDrafts_storesEveryOneAndPublishesOneEvent() {
        List<Long> progress = new ArrayList<>();
        Iterator<CustomerDraft> drafts = IntStream.range(0, 1234)
                .mapToObj(i -> aPerson()
                        .named("Imported", "No " + i)
                        .withEmail("imported" + i + "@example.com")
                        .draft())
                .iterator();

        long created = customers.createAll(
                drafts, DuplicatePolicy.REJECT, (done, total) -> progress.add(done), Cancellation.none());

        assertThat(created).isEqualTo(1234);
        assertThat(reread().count(CustomerQuery.all())).isEqualTo(1234);
        assertThat(reread().findByEmail("imported1233@example.com")).hasSize(1);
        assertThat(progress).isSorted().last().isEqualTo(1234L);
        assertThat(progress).hasSizeGreaterThan(1);
        assertThat(events.events()).singleElement().isInstanceOfSatisfying(CustomersImported.class, e -> {
            assertThat(e.count()).isEqualTo(1234);
            assertThat(e.tenant()).isEqualTo(tenant);
        });
    }

    @Test
    void createAll_duplicateOfAnEarlierDraftInALaterChunk_storesNothing() {
        List<CustomerDraft> drafts = new ArrayList<>();
        for (int i = 0; i < 800; i++) {
            drafts.add(aPerson()
                    .named("Imported", "No " + i)
                    .withEmail("row" + i + "@example.com")
                    .draft());
        }
        drafts.set(
                700,
                aPerson().named("Again", "Three").withEmail("ROW3@example.com").draft());

        assertThatThrownBy(() -> customers.createAll(
                        drafts.iterator(), DuplicatePolicy.REJECT, ProgressListener.NONE, Cancellation.none()))
                .isInstanceOfSatisfying(DuplicateCustomerException.class, e -> {
                    assertThat(e.field()).isEqualTo("drafts[700].email");
                    assertThat(e.value()).isEqualTo("row3@example.com");
                });
        assertThat(reread().count(CustomerQuery.all().includingArchived())).isZero();
        assertThat(events.events()).isEmpty();
    }

    @Test
    void createAll_duplicateWithinOneChunkOrOfAStoredCustomer_storesNothing() {
        Customer stored =
                customers.create(aPerson().withPhone("+84 90 123 45 67").draft());
        events.clear();
        List<CustomerDraft> sameChunk = List.of(
                aPerson().named("A", "One").withEmail("same@example.com").draft(),
                aPerson().named("B", "Two").withEmail("same@example.com").draft());
        List<CustomerDraft> ofStored = List.of(
                aPerson().named("C", "Three").draft(),
                aPerson().named("D", "Four").withPhone("+84901234567").draft());

        assertThatThrownBy(() -> customers.createAll(
                        sameChunk.iterator(), DuplicatePolicy.REJECT, ProgressListener.NONE, Cancellation.none()))
                .isInstanceOfSatisfying(
                        DuplicateCustomerException.class,
                        e -> assertThat(e.field()).isEqualTo("drafts[1].email"));
        assertThatThrownBy(() -> customers.createAll(
                        ofStored.iterator(), DuplicatePolicy.REJECT, ProgressListener.NONE, Cancellation.none()))
                .isInstanceOfSatisfying(DuplicateCustomerException.class, e -> {
                    assertThat(e.field()).isEqualTo("drafts[1].phone");
                    assertThat(e.existing()).isEqualTo(stored.id());
                });

        assertThat(reread().count(CustomerQuery.all())).isEqualTo(1);
        assertThat(customers.createAll(
                        sameChunk.iterator(), DuplicatePolicy.ALLOW, ProgressListener.NONE, Cancellation.none()))
                .as("shared e-mails allowed")
                .isEqualTo(2);
        assertThat(reread().findByEmail("same@example.com")).hasSize(2);
    }

    @Test
    void createAll_invalidDraft_namesItsPositionAndStoresNothing() {
        List<CustomerDraft> drafts = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            drafts.add(aPerson().named("Imported", "No " + i).draft());
        }
        drafts.set(555, aPerson().bornOn(LocalDate.of(3000, 1, 1)).draft());

        assertThatThrownBy(() -> customers.createAll(
                        drafts.iterator(), DuplicatePolicy.REJECT, ProgressListener.NONE, Cancellation.none()))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("drafts[555].birthday"));
        assertThat(reread().count(CustomerQuery.all().includingArchived())).isZero();
        assertThat(events.events()).isEmpty();
    }

    @Test
    void createAll_cancelledAfterTheFirstChunk_storesNothing() {
        Cancellation cancellation = new Cancellation();
        Iterator<CustomerDraft> drafts = IntStream.range(0, 2000)
                .mapToObj(i -> aPerson().named("Imported", "No " + i).draft())
                .iterator();

        assertThatThrownBy(() -> customers.createAll(
                        drafts, DuplicatePolicy.REJECT, (done, total) -> cancellation.cancel(), cancellation))
                .isInstanceOf(CancelledException.class);
        assertThat(reread().count(CustomerQuery.all().includingArchived())).isZero();
        assertThat(events.events()).isEmpty();
    }

    // ---- helpers -----------------------------------------------------------------------------

    /** The customers of the test's tenant as a second {@code Crm} on the same store reads them. */
    private CustomerService reread() {
        return Crm.builder()
                .store(store)
                .clock(clock)
                .build()
                .forTenant(tenant)
                .as(AUDITOR)
                .customers();
    }

    private CustomerService scope(TenantId other, Actor actor) {
        return Crm.builder()
                .store(store)
                .clock(clock)
                .listener(events)
                .build()
                .forTenant(other)
                .as(actor)
                .customers();
    }
}
