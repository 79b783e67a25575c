package org.crmkit.core.memory;

import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.interaction.Interaction;
import org.crmkit.core.interaction.InteractionId;
import org.crmkit.core.interaction.TimelineOrder;

/** One tenant's interactions and the indexes that find them. Guarded by the store's lock. */
final class InteractionTable {
    final TenantId tenant;
    final Map<InteractionId, Interaction> byId = new HashMap<>();
    final Map<String, InteractionId> byExternalId = new HashMap<>();
    /** The correction of each superseded interaction, by the id of the one it supersedes. */
    final Map<InteractionId, InteractionId> correctionOf = new HashMap<>();
    /** Each customer's timeline, newest first. */
    final Map<CustomerId, NavigableMap<TimelineOrder.Position, Interaction>> byCustomer = new HashMap<>();

    InteractionTable(TenantId tenant) {
        this.tenant = tenant;
    }

    /** Whether a correction supersedes the interaction {@code id}. */
    boolean isSuperseded(InteractionId id) {
        return correctionOf.containsKey(id);
    }

    /** Adds {@code interaction} to every index. */
    void add(Interaction interaction) {
        byId.put(interaction.id(), interaction);
        interaction.externalId().ifPresent(e -> byExternalId.put(e, interaction.id()));
        interaction.supersedes().ifPresent(original -> correctionOf.put(original, interaction.id()));
        TimelineOrder.Position position = TimelineOrder.NEWEST_FIRST.positionOf(interaction);
        for (CustomerId customer : interaction.customers()) {
            byCustomer
                    .computeIfAbsent(customer, c -> new TreeMap<>(TimelineOrder.NEWEST_FIRST.positionComparator()))
                    .put(position, interaction);
        }
    }

    /** Removes {@code interaction}, added before, from every index: the undo of {@link #add}. */
    void remove(Interaction interaction) {
        byId.remove(interaction.id());
        interaction.externalId().ifPresent(byExternalId::remove);
        interaction.supersedes().ifPresent(correctionOf::remove);
        TimelineOrder.Position position = TimelineOrder.NEWEST_FIRST.positionOf(interaction);
        for (CustomerId customer : interaction.customers()) {
            byCustomer.computeIfPresent(customer, (c, timeline) -> {
                timeline.remove(position);
                return timeline.isEmpty() ? null : timeline;
            });
        }
    }
}
