package org.crmkit.core.customer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.common.ConcurrentUpdateException;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.ValidationException;

/**
 * The port through which customers of <em>one tenant</em> are stored and found. A store hands one
 * out per tenant ({@code CrmStore.customers(tenant)}); nothing it returns or changes belongs to
 * another tenant. No argument may be null; nothing returned is null.
 *
 * <p>The {@code crm-testkit} contract {@code CustomerRepositoryContract} states the behaviour every
 * implementation must have. Implementations are thread-safe and take part in the store's current
 * unit of work, if any.
 */
public interface CustomerRepository {

    /** The customer with {@code id}, archived or not; empty when the tenant has none with that id. */
    Optional<Customer> findById(CustomerId id);

    /**
     * The customers with these ids that exist in the tenant, each once, in no particular order.
     * Stores override it to load them in one round trip.
     */
    default List<Customer> findAllById(Collection<CustomerId> ids) {
        List<Customer> found = new ArrayList<>(ids.size());
        for (CustomerId id : new java.util.LinkedHashSet<>(ids)) {
            findById(id).ifPresent(found::add);
        }
        return found;
    }

    /**
     * Which of these ids name a customer of the tenant, archived or not. Checks that only need to
     * know that a customer exists (the participants of a logged interaction, the buyer of an order)
     * ask this instead of loading whole customers; stores override it to answer from the primary key
     * in one round trip.
     */
    default Set<CustomerId> existingIds(Collection<CustomerId> ids) {
        Set<CustomerId> found = new HashSet<>();
        for (Customer customer : findAllById(ids)) {
            found.add(customer.id());
        }
        return found;
    }

    /**
     * Stores {@code customer}: inserts it when its version is 0, otherwise replaces the stored
     * customer whose version equals {@code customer.version()}.
     *
     * @return the stored customer, its version one higher
     * @throws ConcurrentUpdateException when the stored version differs (or, on insert, the id is
     *     taken); nothing is written
     * @throws ValidationException when the customer belongs to another tenant
     */
    Customer save(Customer customer);

    /**
     * Stores every customer as {@link #save} would, as one unit: either all are stored or, when one
     * fails, none. Stores must override it, to batch the writes and to make the list one unit: the
     * default is all-or-nothing only when called inside a unit of work.
     *
     * @return the stored customers in the given order
     */
    default List<Customer> saveAll(List<Customer> customers) {
        List<Customer> saved = new ArrayList<>(customers.size());
        for (Customer customer : customers) {
            saved.add(save(customer));
        }
        return saved;
    }

    /** Every customer, archived or not, with {@code email} among its contact points. */
    List<Customer> findByEmail(EmailAddress email);

    /** Every customer, archived or not, with {@code phone} among its contact points. */
    List<Customer> findByPhone(PhoneNumber phone);

    /**
     * Every customer, archived or not, with at least one of these e-mails or phones among its
     * contact points, each once, in no particular order. Stores override it to look them all up in
     * one round trip; duplicate checks of a batch use it.
     */
    default List<Customer> findByContacts(Collection<EmailAddress> emails, Collection<PhoneNumber> phones) {
        Map<CustomerId, Customer> found = new LinkedHashMap<>();
        for (EmailAddress email : emails) {
            findByEmail(email).forEach(c -> found.putIfAbsent(c.id(), c));
        }
        for (PhoneNumber phone : phones) {
            findByPhone(phone).forEach(c -> found.putIfAbsent(c.id(), c));
        }
        return List.copyOf(found.values());
    }

    /**
     * Locks these e-mails and phones until the current unit of work ends, so that two writers that
     * each check that no other customer has one of them cannot both go on to store it. The customer
     * service calls it before its duplicate check; a writer that locks the same value waits (or
     * fails with {@link ConcurrentUpdateException} when the store gives up waiting).
     *
     * <p>Outside a unit of work it has no lasting effect. The default does nothing, which is right
     * only for stores that run one unit of work at a time, as the in-memory store does; stores that
     * let units run side by side must override it.
     */
    default void lockContacts(Collection<EmailAddress> emails, Collection<PhoneNumber> phones) {}

    /**
     * One page of the customers that match {@code query}, in its order: each matching customer
     * appears on exactly one page while nobody writes, and pages after a cursor never repeat a
     * customer before it.
     */
    Page<Customer> list(CustomerQuery query, PageRequest page);

    /** How many customers match {@code query}. */
    long count(CustomerQuery query);
}
