package org.crmkit.core.memory;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.crmkit.core.common.IdCursor;
import org.crmkit.core.common.Ids;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.sales.Opportunity;
import org.crmkit.core.sales.OpportunityId;
import org.crmkit.core.sales.OpportunityRepository;
import org.crmkit.core.sales.OpportunityStatus;

/** {@link OpportunityRepository} over one tenant's opportunities; queries scan them, as the reference answer. */
final class MemoryOpportunityRepository implements OpportunityRepository {
    private static final Comparator<Opportunity> BY_ID = Comparator.comparing(o -> o.id().value(), Ids.ORDER);

    private final MemoryCrmStore store;
    private final TenantId tenant;
    private final VersionedTable<OpportunityId, Opportunity> table;

    MemoryOpportunityRepository(
            MemoryCrmStore store, TenantId tenant, VersionedTable<OpportunityId, Opportunity> table) {
        this.store = store;
        this.tenant = tenant;
        this.table = table;
    }

    @Override
    public Optional<Opportunity> findById(OpportunityId id) {
        ValidationException.requireNonNull(id, "opportunityId");
        return store.read(() -> table.get(id));
    }

    @Override
    public Opportunity save(Opportunity opportunity) {
        ValidationException.requireNonNull(opportunity, "opportunity");
        if (!opportunity.tenant().equals(tenant)) {
            throw new ValidationException(
                    "tenant", "opportunity belongs to tenant " + opportunity.tenant() + ", not " + tenant);
        }
        return table.save(
                store,
                opportunity.id(),
                opportunity.version(),
                opportunity.withVersion(opportunity.version() + 1),
                c -> {});
    }

    @Override
    public List<Opportunity> openForCustomer(CustomerId customer, int limit) {
        ValidationException.requireNonNull(customer, "customerId");
        return store.read(() -> table.all().stream()
                .filter(o ->
                        o.status() == OpportunityStatus.OPEN && o.customer().equals(customer))
                .sorted(BY_ID)
                .limit(PageRequest.requireLimit(limit, "limit"))
                .toList());
    }

    @Override
    public Page<Opportunity> openOwnedBy(StaffId owner, PageRequest page) {
        ValidationException.requireNonNull(owner, "owner");
        ValidationException.requireNonNull(page, "page");
        Optional<UUID> after = IdCursor.start(page);
        return store.read(() -> IdCursor.page(
                table.all().stream()
                        .filter(o -> o.status() == OpportunityStatus.OPEN
                                && o.owner().equals(owner))
                        .filter(o -> after.isEmpty() || Ids.ORDER.compare(o.id().value(), after.get()) > 0)
                        .sorted(BY_ID)
                        .limit(page.size() + 1L)
                        .toList(),
                page.size(),
                o -> o.id().value()));
    }

    @Override
    public Page<Opportunity> list(PageRequest page) {
        ValidationException.requireNonNull(page, "page");
        Optional<UUID> after = IdCursor.start(page);
        return store.read(() -> IdCursor.page(
                table.all().stream()
                        .filter(o -> after.isEmpty() || Ids.ORDER.compare(o.id().value(), after.get()) > 0)
                        .sorted(BY_ID)
                        .limit(page.size() + 1L)
                        .toList(),
                page.size(),
                o -> o.id().value()));
    }

    @Override
    public Map<StaffId, Long> openCountByOwner(Collection<StaffId> owners) {
        Set<StaffId> asked = Set.copyOf(owners);
        return store.read(() -> {
            Map<StaffId, Long> counts = new HashMap<>();
            for (Opportunity o : table.all()) {
                if (o.status() == OpportunityStatus.OPEN && asked.contains(o.owner())) {
                    counts.merge(o.owner(), 1L, Long::sum);
                }
            }
            return counts;
        });
    }
}
