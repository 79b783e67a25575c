package org.crmkit.core.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.interaction.ChannelActivity;
import org.crmkit.core.interaction.Direction;
import org.crmkit.core.interaction.DuplicateInteractionException;
import org.crmkit.core.interaction.Interaction;
import org.crmkit.core.interaction.InteractionId;
import org.crmkit.core.interaction.InteractionRepository;
import org.crmkit.core.interaction.TimelineOrder;
import org.crmkit.core.interaction.TimelineQuery;

/** {@link InteractionRepository} over one tenant's {@link InteractionTable}. */
final class MemoryInteractionRepository implements InteractionRepository {
    /** The highest UUID in {@link org.crmkit.core.common.Ids#ORDER}: the first position at an instant. */
    private static final UUID HIGHEST = new UUID(-1L, -1L);

    private final MemoryCrmStore store;
    private final InteractionTable table;

    MemoryInteractionRepository(MemoryCrmStore store, InteractionTable table) {
        this.store = store;
        this.table = table;
    }

    @Override
    public Optional<Interaction> findById(InteractionId id) {
        ValidationException.requireNonNull(id, "interactionId");
        return store.read(() -> Optional.ofNullable(table.byId.get(id)));
    }

    @Override
    public Optional<Interaction> findByExternalId(String externalId) {
        ValidationException.requireNonNull(externalId, "externalId");
        return store.read(
                () -> Optional.ofNullable(table.byExternalId.get(externalId)).map(table.byId::get));
    }

    @Override
    public Set<String> existingExternalIds(Collection<String> externalIds) {
        ValidationException.requireNonNull(externalIds, "externalIds");
        return store.read(() -> {
            Set<String> found = new HashSet<>();
            for (String externalId : externalIds) {
                if (table.byExternalId.containsKey(ValidationException.requireNonNull(externalId, "externalIds"))) {
                    found.add(externalId);
                }
            }
            return found;
        });
    }

    @Override
    public Optional<Interaction> findCorrection(InteractionId id) {
        ValidationException.requireNonNull(id, "interactionId");
        return store.read(() -> Optional.ofNullable(table.correctionOf.get(id)).map(table.byId::get));
    }

    @Override
    public Interaction append(Interaction interaction) {
        ValidationException.requireNonNull(interaction, "interaction");
        if (!interaction.tenant().equals(table.tenant)) {
            throw new ValidationException(
                    "tenant", "interaction belongs to tenant " + interaction.tenant() + ", not " + table.tenant);
        }
        return store.write(
                () -> {
                    table.add(interaction);
                    return interaction;
                },
                () -> {
                    if (table.byId.containsKey(interaction.id())) {
                        throw new DuplicateInteractionException(
                                "id", interaction.id().toString());
                    }
                    Optional<String> externalId = interaction.externalId();
                    if (externalId.isPresent() && table.byExternalId.containsKey(externalId.get())) {
                        throw new DuplicateInteractionException("externalId", externalId.get());
                    }
                    Optional<InteractionId> original = interaction.supersedes();
                    if (original.isPresent() && table.correctionOf.containsKey(original.get())) {
                        throw new DuplicateInteractionException(
                                "supersedes", original.get().toString());
                    }
                    return () -> table.remove(interaction);
                });
    }

    @Override
    public List<Interaction> appendAll(List<Interaction> interactions) {
        ValidationException.requireNonNull(interactions, "interactions");
        return store.inTransaction(() -> {
            List<Interaction> appended = new ArrayList<>(interactions.size());
            for (Interaction interaction : interactions) {
                appended.add(append(interaction));
            }
            return appended;
        });
    }

    @Override
    public Page<Interaction> timeline(CustomerId customer, TimelineQuery query, PageRequest page) {
        ValidationException.requireNonNull(customer, "customerId");
        ValidationException.requireNonNull(query, "query");
        ValidationException.requireNonNull(page, "page");
        TimelineOrder order = TimelineOrder.NEWEST_FIRST;
        TimelineOrder.Position after = page.after().map(order::decode).orElse(null);
        return store.read(() -> {
            NavigableMap<TimelineOrder.Position, Interaction> timeline = table.byCustomer.get(customer);
            List<Interaction> items = new ArrayList<>(Math.min(page.size() + 1, 64));
            if (timeline == null) {
                return order.page(items, page.size());
            }
            Instant from = query.from().orElse(null);
            for (Interaction i : candidates(timeline, query, after).values()) {
                if (from != null && i.occurredAt().isBefore(from)) {
                    break; // newest first: every later one occurred earlier still
                }
                if (query.matches(i, table.isSuperseded(i.id()))) {
                    items.add(i);
                    if (items.size() > page.size()) {
                        break;
                    }
                }
            }
            return order.page(items, page.size());
        });
    }

    @Override
    public List<ChannelActivity> activity(CustomerId customer) {
        ValidationException.requireNonNull(customer, "customerId");
        return store.read(() -> {
            NavigableMap<TimelineOrder.Position, Interaction> timeline = table.byCustomer.get(customer);
            if (timeline == null) {
                return List.of();
            }
            Map<Channel, long[]> counts = new EnumMap<>(Channel.class);
            Map<Channel, Instant> last = new EnumMap<>(Channel.class);
            for (Interaction i : timeline.values()) {
                if (table.isSuperseded(i.id())) {
                    continue;
                }
                counts.computeIfAbsent(i.channel(), c -> new long[2])[i.direction() == Direction.INBOUND ? 0 : 1]++;
                last.putIfAbsent(i.channel(), i.occurredAt()); // newest first, so the first seen is the latest
            }
            List<ChannelActivity> activity = new ArrayList<>(counts.size());
            counts.forEach((channel, n) -> activity.add(new ChannelActivity(channel, n[0], n[1], last.get(channel))));
            return activity;
        });
    }

    /** The part of {@code timeline} that may match: after {@code after} and not after the query's end. */
    private static NavigableMap<TimelineOrder.Position, Interaction> candidates(
            NavigableMap<TimelineOrder.Position, Interaction> timeline,
            TimelineQuery query,
            TimelineOrder.Position after) {
        TimelineOrder.Position start = after;
        Optional<Instant> to = query.to();
        if (to.isPresent()) {
            // everything at 'to' or later is out; the highest id at 'to' comes first among those at 'to'
            TimelineOrder.Position end = new TimelineOrder.Position(to.get(), HIGHEST);
            if (start == null || timeline.comparator().compare(end, start) > 0) {
                start = end;
            }
        }
        return start == null ? timeline : timeline.tailMap(start, false);
    }
}
