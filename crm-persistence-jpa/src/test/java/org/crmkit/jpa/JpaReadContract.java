package org.crmkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crmkit.testkit.fixtures.CustomerFixtures.aPerson;

import jakarta.persistence.EntityManager;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.AttributeValue;
import org.crmkit.core.customer.ContactPoint;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerQuery;
import org.crmkit.core.customer.CustomerRepository;
import org.crmkit.core.customer.EmailAddress;
import org.crmkit.core.customer.PostalAddress;
import org.crmkit.core.customer.Tag;
import org.crmkit.testkit.fixtures.TestTenants;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How the JPA store reads customers: as values, not as managed entities, and as one whole version of
 * each customer even when a writer commits between the statements of one read. Subclasses name the
 * database.
 */
abstract class JpaReadContract {
    private JpaCrmStore store;
    private TenantId tenant;
    private CustomerRepository customers;

    /** The database of the subclass. */
    abstract JpaDatabase db();

    @BeforeEach
    void setUp() {
        store = db().store();
        tenant = TestTenants.random("read");
        customers = store.customers(tenant);
    }

    @Test
    void reads_loadNoEntityIntoThePersistenceContext() {
        List<Customer> saved = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            saved.add(customer(i));
        }
        List<Customer> stored = customers.saveAll(saved);
        Statistics statistics = db().statistics();
        statistics.clear();

        List<Customer> read = new ArrayList<>();
        read.add(customers.findById(saved.get(0).id()).orElseThrow());
        read.addAll(customers.findAllById(
                saved.subList(0, 10).stream().map(Customer::id).toList()));
        read.addAll(customers.findByEmail(EmailAddress.of("reader3@example.com")));
        read.addAll(customers.findByContacts(
                List.of(EmailAddress.of("reader4@example.com"), EmailAddress.of("reader5@example.com")), List.of()));
        read.addAll(customers
                .list(CustomerQuery.nameStartsWith("reader"), PageRequest.first(50))
                .items());

        assertThat(read).hasSize(1 + 10 + 1 + 2 + 20);
        assertThat(stored).containsAll(read);
        assertThat(statistics.getEntityLoadCount()).as("entities loaded").isZero();
        assertThat(statistics.getFlushCount()).as("flushes").isZero();
    }

    @Test
    void findById_writerCommitsBetweenItsStatements_readsTheNewVersionWhole() {
        Customer v1 = customers.save(customer(1));
        Customer change = v1.withDisplayName("Changed meanwhile")
                .withContactPoints(List.of(ContactPoint.email("new@example.com")))
                .withoutTags(v1.tags())
                .withTags(List.of(Tag.of("new")));
        AtomicReference<Customer> v2 = new AtomicReference<>();

        Customer read = readInHostTransaction(
                () -> v2.set(customers.save(change)),
                hosted -> hosted.findById(v1.id()).orElseThrow());

        assertThat(v2.get().version()).isEqualTo(2);
        assertThat(read).isEqualTo(v2.get());
    }

    @Test
    void list_writerCommitsBetweenItsStatements_readsEveryCustomerWhole() {
        Customer first = customers.save(customer(1));
        Customer second = customers.save(customer(2));
        Customer change =
                second.withContactPoints(List.of()).withoutTags(second.tags()).withTags(List.of(Tag.of("moved")));
        AtomicReference<Customer> changed = new AtomicReference<>();

        List<Customer> read = readInHostTransaction(
                () -> changed.set(customers.save(change)),
                hosted -> hosted.list(CustomerQuery.nameStartsWith("reader"), PageRequest.first(10))
                        .items());

        assertThat(read).containsExactly(first, changed.get());
    }

    /**
     * Runs {@code read} with a store that joins a host transaction, and {@code writer} (which commits
     * in a unit of its own) just before the read's first query of contact points, that is after it
     * read the customers' own rows.
     */
    private <T> T readInHostTransaction(Runnable writer, Function<CustomerRepository, T> read) {
        EntityManager hostEm = db().factory().createEntityManager();
        AtomicReference<Runnable> pending = new AtomicReference<>(writer);
        EntityManager interleaving = (EntityManager) Proxy.newProxyInstance(
                EntityManager.class.getClassLoader(), new Class<?>[] {EntityManager.class}, (proxy, method, args) -> {
                    if (method.getName().equals("createQuery")
                            && args != null
                            && args[0] instanceof String jpql
                            && jpql.contains("index(p)")) {
                        Runnable now = pending.getAndSet(null);
                        if (now != null) {
                            now.run();
                        }
                    }
                    try {
                        return method.invoke(hostEm, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        try {
            CustomerRepository hosted = JpaCrmStore.builder()
                    .joinHostTransactions(() -> interleaving)
                    .build()
                    .customers(tenant);
            hostEm.getTransaction().begin();
            T result = read.apply(hosted);
            hostEm.getTransaction().commit();
            assertThat(pending.get()).as("the writer ran").isNull();
            return result;
        } finally {
            if (hostEm.getTransaction().isActive()) {
                hostEm.getTransaction().rollback();
            }
            hostEm.close();
        }
    }

    private Customer customer(int i) {
        return aPerson()
                .named("Reader " + i, "Customer")
                .in(tenant)
                .withEmail("reader" + i + "@example.com")
                .withPhone("+4671" + (1_000_000 + i))
                .withAddress(PostalAddress.of("Storgatan " + i, "111 22", "Stockholm", "SE"))
                .taggedWith("vip", "tag" + (i % 3))
                .withAttribute("spend", AttributeValue.of(Money.of("99.50", "SEK")))
                .build();
    }
}
