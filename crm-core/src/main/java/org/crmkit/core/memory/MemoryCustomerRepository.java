package org.crmkit.core.memory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.crmkit.core.common.ConcurrentUpdateException;
import org.crmkit.core.common.Ids;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerOrder;
import org.crmkit.core.customer.CustomerQuery;
import org.crmkit.core.customer.CustomerRepository;
import org.crmkit.core.customer.EmailAddress;
import org.crmkit.core.customer.PhoneNumber;

/** {@link CustomerRepository} over one tenant's {@link CustomerTable}. */
final class MemoryCustomerRepository implements CustomerRepository {
    private final MemoryCrmStore store;
    private final CustomerTable table;

    MemoryCustomerRepository(MemoryCrmStore store, CustomerTable table) {
        this.store = store;
        this.table = table;
    }

    @Override
    public Optional<Customer> findById(CustomerId id) {
        ValidationException.requireNonNull(id, "customerId");
        return store.read(() -> Optional.ofNullable(table.byId.get(id)));
    }

    @Override
    public List<Customer> findAllById(Collection<CustomerId> ids) {
        ValidationException.requireNonNull(ids, "ids");
        return store.read(() -> {
            List<Customer> found = new ArrayList<>(ids.size());
            for (CustomerId id : new LinkedHashSet<>(ids)) {
                Customer c = table.byId.get(id);
                if (c != null) {
                    found.add(c);
                }
            }
            return found;
        });
    }

    @Override
    public Set<CustomerId> existingIds(Collection<CustomerId> ids) {
        ValidationException.requireNonNull(ids, "ids");
        return store.read(() -> {
            Set<CustomerId> found = new HashSet<>();
            for (CustomerId id : ids) {
                if (table.byId.containsKey(ValidationException.requireNonNull(id, "ids"))) {
                    found.add(id);
                }
            }
            return found;
        });
    }

    @Override
    public Customer save(Customer customer) {
        ValidationException.requireNonNull(customer, "customer");
        if (!customer.tenant().equals(table.tenant)) {
            throw new ValidationException(
                    "tenant", "customer belongs to tenant " + customer.tenant() + ", not " + table.tenant);
        }
        Customer stored = customer.withVersion(customer.version() + 1);
        return store.write(
                () -> {
                    table.replace(table.byId.get(customer.id()), stored);
                    return stored;
                },
                () -> {
                    Customer current = table.byId.get(customer.id());
                    long expected = customer.version();
                    if (current == null ? expected != 0 : current.version() != expected || expected == 0) {
                        throw new ConcurrentUpdateException("Customer", customer.id(), expected);
                    }
                    return () -> table.replace(stored, current);
                });
    }

    @Override
    public List<Customer> saveAll(List<Customer> customers) {
        ValidationException.requireNonNull(customers, "customers");
        return store.inTransaction(() -> {
            List<Customer> saved = new ArrayList<>(customers.size());
            for (Customer c : customers) {
                saved.add(save(c));
            }
            return saved;
        });
    }

    @Override
    public List<Customer> findByEmail(EmailAddress email) {
        ValidationException.requireNonNull(email, "email");
        return store.read(() -> resolve(table.byEmail.getOrDefault(email, Set.of())));
    }

    @Override
    public List<Customer> findByPhone(PhoneNumber phone) {
        ValidationException.requireNonNull(phone, "phone");
        return store.read(() -> resolve(table.byPhone.getOrDefault(phone, Set.of())));
    }

    @Override
    public Page<Customer> list(CustomerQuery query, PageRequest page) {
        ValidationException.requireNonNull(query, "query");
        ValidationException.requireNonNull(page, "page");
        CustomerOrder order = query.order();
        CustomerOrder.Position after = page.after().map(order::decode).orElse(null);
        return store.read(() -> {
            List<Customer> items = new ArrayList<>(page.size() + 1);
            for (Customer c : candidates(query, after)) {
                if (query.matches(c)) {
                    items.add(c);
                    if (items.size() > page.size()) {
                        break;
                    }
                }
            }
            return order.page(items, page.size());
        });
    }

    @Override
    public long count(CustomerQuery query) {
        ValidationException.requireNonNull(query, "query");
        return store.read(() -> {
            long n = 0;
            for (Customer c : candidates(query, null)) {
                if (query.matches(c)) {
                    n++;
                }
            }
            return n;
        });
    }

    /** The customers that may match, in the query's order, after {@code after} when it is given. */
    private Iterable<Customer> candidates(CustomerQuery query, CustomerOrder.Position after) {
        if (!query.namePrefix().isEmpty()) {
            Set<UUID> ids = new LinkedHashSet<>();
            for (CustomerTable.NameKey key :
                    table.nameKeys.tailSet(new CustomerTable.NameKey(query.namePrefix(), new UUID(0, 0)), true)) {
                if (!key.key().startsWith(query.namePrefix())) {
                    break;
                }
                ids.add(key.id());
            }
            List<Customer> found = new ArrayList<>(ids.size());
            for (UUID id : ids) {
                found.add(table.byCreated.get(id));
            }
            found.sort(query.order().comparator());
            if (after != null) {
                found.removeIf(c -> !after.isBefore(c, query.order()));
            }
            return found;
        }
        if (query.order() == CustomerOrder.NAME) {
            return after == null
                    ? table.byName.values()
                    : table.byName.tailMap(after, false).values();
        }
        return after == null
                ? table.byCreated.values()
                : table.byCreated.tailMap(after.id(), false).values();
    }

    private List<Customer> resolve(Set<CustomerId> ids) {
        List<Customer> found = new ArrayList<>(ids.size());
        for (CustomerId id : ids) {
            found.add(table.byId.get(id));
        }
        found.sort(Comparator.comparing(c -> c.id().value(), Ids.ORDER));
        return found;
    }
}
