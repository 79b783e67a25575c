package org.crmkit.core.cache;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerQuery;
import org.crmkit.core.customer.CustomerRepository;
import org.crmkit.core.customer.EmailAddress;
import org.crmkit.core.customer.PhoneNumber;

/** A {@link CustomerRepository} whose lookups by id go through the {@link CachingCrmStore}'s cache. */
final class CachingCustomerRepository implements CustomerRepository {
    private final CustomerRepository store;
    private final CachingCrmStore cache;
    private final TenantId tenant;

    CachingCustomerRepository(CustomerRepository store, CachingCrmStore cache, TenantId tenant) {
        this.store = store;
        this.cache = cache;
        this.tenant = tenant;
    }

    @Override
    public Optional<Customer> findById(CustomerId id) {
        return cache.find(new CachingCrmStore.Key(tenant, id), () -> store.findById(id));
    }

    @Override
    public List<Customer> findAllById(Collection<CustomerId> ids) {
        return store.findAllById(ids);
    }

    @Override
    public Set<CustomerId> existingIds(Collection<CustomerId> ids) {
        return store.existingIds(ids);
    }

    @Override
    public Customer save(Customer customer) {
        CachingCrmStore.Key key = new CachingCrmStore.Key(tenant, customer.id());
        try {
            return store.save(customer);
        } finally {
            cache.invalidate(key); // also when the save failed: the cached copy may be the stale one
        }
    }

    @Override
    public List<Customer> saveAll(List<Customer> customers) {
        try {
            return store.saveAll(customers);
        } finally {
            customers.forEach(c -> cache.invalidate(new CachingCrmStore.Key(tenant, c.id())));
        }
    }

    @Override
    public List<Customer> findByEmail(EmailAddress email) {
        return store.findByEmail(email);
    }

    @Override
    public List<Customer> findByPhone(PhoneNumber phone) {
        return store.findByPhone(phone);
    }

    @Override
    public List<Customer> findByContacts(Collection<EmailAddress> emails, Collection<PhoneNumber> phones) {
        return store.findByContacts(emails, phones);
    }

    @Override
    public void lockContacts(Collection<EmailAddress> emails, Collection<PhoneNumber> phones) {
        store.lockContacts(emails, phones);
    }

    @Override
    public Page<Customer> list(CustomerQuery query, PageRequest page) {
        return store.list(query, page);
    }

    @Override
    public long count(CustomerQuery query) {
        return store.count(query);
    }
}
