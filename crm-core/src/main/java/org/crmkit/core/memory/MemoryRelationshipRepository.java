package org.crmkit.core.memory;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.common.ConcurrentUpdateException;
import org.crmkit.core.common.Ids;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.Relationship;
import org.crmkit.core.customer.RelationshipId;
import org.crmkit.core.customer.RelationshipRepository;

/** {@link RelationshipRepository} over one tenant's {@link RelationshipTable}. */
final class MemoryRelationshipRepository implements RelationshipRepository {
    private final MemoryCrmStore store;
    private final RelationshipTable table;

    MemoryRelationshipRepository(MemoryCrmStore store, RelationshipTable table) {
        this.store = store;
        this.table = table;
    }

    @Override
    public Optional<Relationship> findById(RelationshipId id) {
        ValidationException.requireNonNull(id, "relationshipId");
        return store.read(() -> Optional.ofNullable(table.byId.get(id)));
    }

    @Override
    public Relationship save(Relationship relationship) {
        ValidationException.requireNonNull(relationship, "relationship");
        if (!relationship.tenant().equals(table.tenant)) {
            throw new ValidationException(
                    "tenant", "relationship belongs to tenant " + relationship.tenant() + ", not " + table.tenant);
        }
        Relationship stored = relationship.withVersion(relationship.version() + 1);
        return store.write(
                () -> {
                    table.replace(table.byId.get(relationship.id()), stored);
                    return stored;
                },
                () -> {
                    Relationship current = table.byId.get(relationship.id());
                    long expected = relationship.version();
                    if (current == null ? expected != 0 : current.version() != expected || expected == 0) {
                        throw new ConcurrentUpdateException("Relationship", relationship.id(), expected);
                    }
                    return () -> table.replace(stored, current);
                });
    }

    @Override
    public List<Relationship> findByCustomer(CustomerId customer) {
        ValidationException.requireNonNull(customer, "customerId");
        return store.read(() -> table.byCustomer.getOrDefault(customer, Set.of()).stream()
                .map(table.byId::get)
                .sorted(Comparator.comparing(r -> r.id().value(), Ids.ORDER))
                .toList());
    }
}
