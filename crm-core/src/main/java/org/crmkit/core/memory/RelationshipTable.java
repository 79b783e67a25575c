package org.crmkit.core.memory;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.Relationship;
import org.crmkit.core.customer.RelationshipId;

/** One tenant's relationships, by id and by customer. Guarded by the store's lock. */
final class RelationshipTable {
    final TenantId tenant;
    final Map<RelationshipId, Relationship> byId = new HashMap<>();
    final Map<CustomerId, Set<RelationshipId>> byCustomer = new HashMap<>();

    RelationshipTable(TenantId tenant) {
        this.tenant = tenant;
    }

    /** Replaces {@code old} (null when absent) by {@code next} (null to remove). */
    void replace(Relationship old, Relationship next) {
        if (old != null) {
            byId.remove(old.id());
            byCustomer.computeIfPresent(old.from(), (k, ids) -> ids.remove(old.id()) && ids.isEmpty() ? null : ids);
            byCustomer.computeIfPresent(old.to(), (k, ids) -> ids.remove(old.id()) && ids.isEmpty() ? null : ids);
        }
        if (next != null) {
            byId.put(next.id(), next);
            byCustomer.computeIfAbsent(next.from(), k -> new HashSet<>()).add(next.id());
            byCustomer.computeIfAbsent(next.to(), k -> new HashSet<>()).add(next.id());
        }
    }
}
