package org.crmkit.core.interaction;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.CustomerId;

/**
 * The port through which interactions of <em>one tenant</em> are recorded and read. A store hands
 * one out per tenant ({@code CrmStore.interactions(tenant)}); nothing it returns or records belongs
 * to another tenant. No argument may be null; nothing returned is null.
 *
 * <p>Interactions are append-only: the port inserts them and never changes or deletes one. An
 * interaction is <em>superseded</em> when another interaction of the tenant names it in {@link
 * Interaction#supersedes()}; each is superseded at most once. Stores keep every part of an
 * interaction exactly (texts and external ids as given, participants and links in their order,
 * instants and durations to at least the microsecond) and need not check that participants, links
 * or the superseded interaction exist; the {@link InteractionService} checks participants and
 * superseded interactions.
 *
 * <p>The {@code crm-testkit} contract {@code InteractionRepositoryContract} states the behaviour
 * every implementation must have. Implementations are thread-safe and take part in the store's
 * current unit of work, if any.
 */
public interface InteractionRepository {

    /** The interaction with {@code id}, superseded or not; empty when the tenant has none with that id. */
    Optional<Interaction> findById(InteractionId id);

    /**
     * The interaction whose {@link Interaction#externalId()} equals {@code externalId} exactly (case,
     * accents and spaces count); empty when the tenant has none.
     */
    Optional<Interaction> findByExternalId(String externalId);

    /**
     * Which of {@code externalIds} are already recorded in the tenant, compared exactly as {@link
     * #findByExternalId} does; each once. Stores override it to look them up in few round trips.
     */
    default Set<String> existingExternalIds(Collection<String> externalIds) {
        Set<String> found = new HashSet<>();
        for (String externalId : new LinkedHashSet<>(externalIds)) {
            findByExternalId(externalId).ifPresent(i -> found.add(externalId));
        }
        return found;
    }

    /**
     * The interaction that supersedes the one with {@code id}, if a correction was recorded for it.
     */
    Optional<Interaction> findCorrection(InteractionId id);

    /**
     * Records {@code interaction}. Never replaces: an interaction once recorded stays as it is.
     *
     * @return the recorded interaction as the store keeps it: equal to {@code interaction} once its
     *     instants and durations are cut to what the store keeps (microseconds for the SQL stores)
     * @throws DuplicateInteractionException when the tenant already has an interaction with its id
     *     ({@code field() == "id"}) or its external id ({@code "externalId"}), or one that supersedes
     *     the same interaction ({@code "supersedes"}); nothing is written
     * @throws ValidationException when the interaction belongs to another tenant
     */
    Interaction append(Interaction interaction);

    /**
     * Records every interaction as {@link #append} would, as one unit: either all are recorded or,
     * when one fails (also because two of them share an id, an external id or the interaction they
     * supersede), none. Stores must override it, to batch the writes and to make the list one unit:
     * the default is all-or-nothing only when called inside a unit of work.
     *
     * @return the recorded interactions in the given order
     */
    default List<Interaction> appendAll(List<Interaction> interactions) {
        List<Interaction> appended = new ArrayList<>(interactions.size());
        for (Interaction interaction : interactions) {
            appended.add(append(interaction));
        }
        return appended;
    }

    /**
     * Records, as {@link #appendAll} does, those of {@code interactions} whose external id is not
     * recorded yet (those without one always), and returns them in the given order: bulk logging
     * skips what an earlier import recorded. The default looks the external ids up and then appends
     * the rest, so an external id a concurrent writer records in between fails it as {@link
     * #appendAll} fails; stores may override it to skip the recorded ones as they insert, which
     * skips those too.
     */
    default List<Interaction> appendAllSkippingRecorded(List<Interaction> interactions) {
        Set<String> externalIds = new LinkedHashSet<>();
        for (Interaction interaction : interactions) {
            interaction.externalId().ifPresent(externalIds::add);
        }
        Set<String> recorded = externalIds.isEmpty() ? Set.of() : existingExternalIds(externalIds);
        List<Interaction> fresh = new ArrayList<>(interactions.size());
        for (Interaction interaction : interactions) {
            if (interaction.externalId().filter(recorded::contains).isEmpty()) {
                fresh.add(interaction);
            }
        }
        return fresh.isEmpty() ? List.of() : appendAll(fresh);
    }

    /**
     * One page of the timeline of {@code customer}: the interactions in which the customer is a
     * participant and that {@code query} {@link TimelineQuery#matches matches}, in {@link
     * TimelineOrder#NEWEST_FIRST} order, with cursors made by {@link TimelineOrder}. Each matching
     * interaction appears on exactly one page while nobody writes, and pages after a cursor never
     * repeat an interaction before it.
     *
     * @throws ValidationException naming {@code page.cursor} when the page's cursor was not made by
     *     {@link TimelineOrder}
     */
    Page<Interaction> timeline(CustomerId customer, TimelineQuery query, PageRequest page);

    /**
     * How much contact {@code customer} had per channel: one entry for each channel on which the
     * customer took part in an interaction that no correction superseded, ordered by {@link
     * org.crmkit.core.common.Channel} ordinal; empty when there is none.
     */
    List<ChannelActivity> activity(CustomerId customer);

    /**
     * When each of {@code customers} was last in contact: the latest {@link Interaction#occurredAt()}
     * among the interactions no correction superseded in which the customer takes part. Customers
     * without any are left out. Stores override it to answer in one round trip.
     */
    default Map<CustomerId, Instant> lastContacts(Collection<CustomerId> customers) {
        Map<CustomerId, Instant> last = new HashMap<>();
        for (CustomerId customer : new LinkedHashSet<>(customers)) {
            timeline(customer, TimelineQuery.all(), PageRequest.first(1)).items().stream()
                    .findFirst()
                    .ifPresent(i -> last.put(customer, i.occurredAt()));
        }
        return last;
    }
}
