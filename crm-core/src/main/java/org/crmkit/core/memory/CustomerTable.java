package org.crmkit.core.memory;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.crmkit.core.common.Ids;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerOrder;
import org.crmkit.core.customer.EmailAddress;
import org.crmkit.core.customer.NameSearch;
import org.crmkit.core.customer.PhoneNumber;

/** One tenant's customers and the indexes that find them. Guarded by the store's lock. */
final class CustomerTable {
    final TenantId tenant;
    final Map<CustomerId, Customer> byId = new HashMap<>();
    final NavigableMap<UUID, Customer> byCreated = new TreeMap<>(Ids.ORDER);
    final NavigableMap<CustomerOrder.Position, Customer> byName = new TreeMap<>(CustomerTable::compareByName);
    final NavigableSet<NameKey> nameKeys = new TreeSet<>(CustomerTable::compareKeys);
    final Map<EmailAddress, Set<CustomerId>> byEmail = new HashMap<>();
    final Map<PhoneNumber, Set<CustomerId>> byPhone = new HashMap<>();

    CustomerTable(TenantId tenant) {
        this.tenant = tenant;
    }

    /** A folded name key of one customer. */
    record NameKey(String key, UUID id) {}

    /** Replaces {@code old} (null when absent) by {@code next} (null to remove) in every index. */
    void replace(Customer old, Customer next) {
        if (old != null) {
            byCreated.remove(old.id().value());
            byName.remove(CustomerOrder.NAME.positionOf(old));
            for (String key : NameSearch.keys(old)) {
                nameKeys.remove(new NameKey(key, old.id().value()));
            }
            old.emails().forEach(e -> unindex(byEmail, e, old.id()));
            old.phones().forEach(p -> unindex(byPhone, p, old.id()));
            byId.remove(old.id());
        }
        if (next != null) {
            byId.put(next.id(), next);
            byCreated.put(next.id().value(), next);
            byName.put(CustomerOrder.NAME.positionOf(next), next);
            for (String key : NameSearch.keys(next)) {
                nameKeys.add(new NameKey(key, next.id().value()));
            }
            next.emails().forEach(e -> index(byEmail, e, next.id()));
            next.phones().forEach(p -> index(byPhone, p, next.id()));
        }
    }

    private static <K> void index(Map<K, Set<CustomerId>> index, K key, CustomerId id) {
        index.merge(key, Set.of(id), (a, b) -> {
            Set<CustomerId> union = new HashSet<>(a);
            union.addAll(b);
            return Set.copyOf(union);
        });
    }

    private static <K> void unindex(Map<K, Set<CustomerId>> index, K key, CustomerId id) {
        index.computeIfPresent(key, (k, ids) -> {
            Set<CustomerId> rest = new HashSet<>(ids);
            rest.remove(id);
            return rest.isEmpty() ? null : Set.copyOf(rest);
        });
    }

    private static int compareByName(CustomerOrder.Position a, CustomerOrder.Position b) {
        int byKey = NameSearch.KEY_ORDER.compare(a.sortKey(), b.sortKey());
        return byKey != 0 ? byKey : Ids.ORDER.compare(a.id(), b.id());
    }

    private static int compareKeys(NameKey a, NameKey b) {
        int byKey = NameSearch.KEY_ORDER.compare(a.key(), b.key());
        return byKey != 0 ? byKey : Ids.ORDER.compare(a.id(), b.id());
    }
}
