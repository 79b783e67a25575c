package org.crmkit.core.memory;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.crmkit.core.common.ConcurrentUpdateException;
import org.crmkit.core.common.IdCursor;
import org.crmkit.core.common.Ids;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.interaction.InteractionId;
import org.crmkit.core.service.Request;
import org.crmkit.core.service.RequestId;
import org.crmkit.core.service.RequestRepository;

/** {@link RequestRepository} over one tenant's requests; queries scan them, as the reference answer. */
final class MemoryRequestRepository implements RequestRepository {
    private final MemoryCrmStore store;
    private final TenantId tenant;
    private final VersionedTable<RequestId, Request> table;

    MemoryRequestRepository(MemoryCrmStore store, TenantId tenant, VersionedTable<RequestId, Request> table) {
        this.store = store;
        this.tenant = tenant;
        this.table = table;
    }

    @Override
    public Optional<Request> findById(RequestId id) {
        ValidationException.requireNonNull(id, "requestId");
        return store.read(() -> table.get(id));
    }

    @Override
    public Optional<Request> findByOpeningInteraction(InteractionId interaction) {
        ValidationException.requireNonNull(interaction, "interactionId");
        return store.read(() -> table.all().stream()
                .filter(r -> r.openedBy().filter(interaction::equals).isPresent())
                .findFirst());
    }

    @Override
    public Request save(Request request) {
        ValidationException.requireNonNull(request, "request");
        if (!request.tenant().equals(tenant)) {
            throw new ValidationException(
                    "tenant", "request belongs to tenant " + request.tenant() + ", not " + tenant);
        }
        return table.save(
                store, request.id(), request.version(), request.withVersion(request.version() + 1), current -> {
                    if (request.openedBy().isPresent()) {
                        InteractionId opening = request.openedBy().get();
                        boolean taken = table.all().stream()
                                .anyMatch(r -> !r.id().equals(request.id())
                                        && r.openedBy().filter(opening::equals).isPresent());
                        if (taken) {
                            throw new ConcurrentUpdateException("Request", request.id(), request.version());
                        }
                    }
                });
    }

    @Override
    public Page<Request> overdue(Instant now, PageRequest page) {
        ValidationException.requireNonNull(now, "now");
        return byId(r -> r.nextDeadline().filter(d -> d.isBefore(now)).isPresent(), page);
    }

    @Override
    public Page<Request> openAssignedTo(StaffId assignee, PageRequest page) {
        ValidationException.requireNonNull(assignee, "assignee");
        return byId(
                r -> r.status().isOpen()
                        && r.assignee().filter(assignee::equals).isPresent(),
                page);
    }

    @Override
    public List<Request> openForCustomer(CustomerId customer, int limit) {
        ValidationException.requireNonNull(customer, "customerId");
        Comparator<Request> newestFirst = Comparator.comparing(Request::openedAt)
                .thenComparing(r -> r.id().value(), Ids.ORDER)
                .reversed();
        return store.read(() -> table.all().stream()
                .filter(r -> r.customer().equals(customer) && r.status().isOpen())
                .sorted(newestFirst)
                .limit(org.crmkit.core.common.PageRequest.requireLimit(limit, "limit"))
                .toList());
    }

    @Override
    public Map<StaffId, Long> openCountByAssignee(Collection<StaffId> assignees) {
        Set<StaffId> asked = Set.copyOf(assignees);
        return store.read(() -> {
            Map<StaffId, Long> counts = new HashMap<>();
            for (Request r : table.all()) {
                if (r.status().isOpen() && r.assignee().filter(asked::contains).isPresent()) {
                    counts.merge(r.assignee().get(), 1L, Long::sum);
                }
            }
            return counts;
        });
    }

    private Page<Request> byId(Predicate<Request> filter, PageRequest page) {
        ValidationException.requireNonNull(page, "page");
        Optional<UUID> after = IdCursor.start(page);
        return store.read(() -> IdCursor.page(
                table.all().stream()
                        .filter(filter)
                        .filter(r -> after.isEmpty() || Ids.ORDER.compare(r.id().value(), after.get()) > 0)
                        .sorted(Comparator.comparing(r -> r.id().value(), Ids.ORDER))
                        .limit(page.size() + 1L)
                        .toList(),
                page.size(),
                r -> r.id().value()));
    }
}
